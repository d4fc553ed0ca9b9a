import { garbage, passes, policyCases, remediates, undecided, violates } from "../../cases";
import { sqlInstance, sqlInstanceOutputs, sqlSettings } from "../../factories";
import { secret, unknown } from "../../../tools/lib/analyzer-client";

const field = "settings.ipConfiguration.sslMode";
const ip = (changes: Record<string, unknown>) => ({ settings: sqlSettings({ ipConfiguration: { ipv4Enabled: false, privateNetwork: "vpc", ...changes } }) });
const certs = { requireClientCertificates: true };

policyCases("gcp-sql-require-tls", [
    passes(sqlInstance()),
    passes(sqlInstance(ip({ sslMode: "TRUSTED_CLIENT_CERTIFICATE_REQUIRED" }))),
    violates(sqlInstance(ip({ sslMode: undefined })), { code: "absentDefault", field }),
    violates(sqlInstance({ settings: sqlSettings({ ipConfiguration: undefined }) }), { code: "absentDefault", field }),
    violates(sqlInstance(ip({ sslMode: "ALLOW_UNENCRYPTED_AND_ENCRYPTED" })), { code: "notAllowed", field }),
    violates(sqlInstance(ip({ sslMode: "encrypted_only" })), { code: "unrecognised", field }),
    violates(sqlInstance(ip({ sslMode: true })), { code: "wrongType", field }),
    // requireSsl is gone in @pulumi/gcp 9: setting it (from old code or state) proves nothing.
    violates(sqlInstance(ip({ sslMode: undefined, requireSsl: true })), { code: "absentDefault", field }),
    undecided(sqlInstance(ip({ sslMode: unknown })), field),
    undecided(sqlInstance({ settings: sqlSettings({ ipConfiguration: unknown }) }), field),
    // requireClientCertificates: MySQL and PostgreSQL must require certificates; SQL Server cannot.
    violates(sqlInstance(), { code: "noClientCertificates", field }, certs),
    passes(sqlInstance(ip({ sslMode: "TRUSTED_CLIENT_CERTIFICATE_REQUIRED" })), certs),
    passes(sqlInstance({ databaseVersion: "SQLSERVER_2022_STANDARD" }), certs),
    violates(sqlInstance({ databaseVersion: "MYSQL_8_0" }), { code: "noClientCertificates", field }, certs),
    undecided(sqlInstance({ databaseVersion: unknown }), "databaseVersion", certs),
    violates(sqlInstance({ databaseVersion: undefined }), { code: "notSet", field: "databaseVersion" }, certs),
    // As a stack export holds it: blocks as one-element lists, "" for unset.
    passes(sqlInstanceOutputs()),
    violates(sqlInstanceOutputs({ ipConfiguration: { ipv4Enabled: false, sslMode: "" } }), { code: "absentDefault", field }),
    violates(sqlInstanceOutputs({ ipConfiguration: { ipv4Enabled: false, sslMode: "ALLOW_UNENCRYPTED_AND_ENCRYPTED" } }), { code: "notAllowed", field }),
    garbage(sqlInstance({ settings: { ipConfiguration: { sslMode: secret("SECRET") } } })),
    garbage(sqlInstance({ settings: [{ ipConfiguration: "SECRET" }], databaseVersion: { SECRET: 1 } })),
    remediates(sqlInstance(ip({ sslMode: undefined })), "nothing"),
]);
