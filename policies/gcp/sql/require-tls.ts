import { booleanKnob } from "../../lib/knobs";
import { isOutcome, pass, undecided, violation } from "../../lib/outcome";
import { defineResourcePolicy } from "../../lib/policy";
import { oneOf } from "../../lib/rules";
import { databaseInstance, fieldAt, ipConfiguration, sslMode, versionOf } from "./facts";

const certificates = "TRUSTED_CLIENT_CERTIFICATE_REQUIRED";
const encrypted = ["ENCRYPTED_ONLY", certificates];

export default defineResourcePolicy({
    name: "gcp-sql-require-tls",
    description: "Cloud SQL instances accept only TLS-encrypted connections (settings.ipConfiguration.sslMode ENCRYPTED_ONLY, or client certificates too when configured).",
    severity: "critical",
    types: [databaseInstance],
    hipaa: ["164.312(e)(1)", "164.312(e)(2)(ii)"],
    hitrust: ["0808.10b2", "0903.10f1"],
    tags: ["gcp", "sql", "encryption", "encryption-in-transit"],
    anchors: { gcp: ["gcp-cloud-sql-01"], checkov: ["CKV_GCP_6"] },
    remediation:
        "Set `settings.ipConfiguration.sslMode: \"ENCRYPTED_ONLY\"` on the `gcp.sql.DatabaseInstance` (when omitted, unencrypted connections are allowed), " +
        "or `\"TRUSTED_CLIENT_CERTIFICATE_REQUIRED\"` to also require client certificates (MySQL and PostgreSQL only). " +
        "`requireSsl` no longer exists in @pulumi/gcp 9. Connections through the Cloud SQL Auth Proxy or language connectors are encrypted either way. " +
        "CIS accepts ENCRYPTED_ONLY; set this policy's `requireClientCertificates: true` to demand client certificates as Checkov CKV_GCP_6 does.",
    knobs: {
        requireClientCertificates: booleanKnob({
            default: false,
            description: "Accept only TRUSTED_CLIENT_CERTIFICATE_REQUIRED on MySQL and PostgreSQL (SQL Server, which cannot require client certificates, still passes with ENCRYPTED_ONLY).",
        }),
    },
    check: (r, config) => {
        const read = fieldAt(r.props, ipConfiguration, sslMode.field, "string");
        const base = oneOf(read, { path: sslMode.path, allowed: encrypted, known: sslModes(), absentMeans: sslMode.absent, fix: `set ${sslMode.path}: "ENCRYPTED_ONLY"` });
        if (!config.requireClientCertificates || base.kind !== "pass" || (read.state === "known" && read.value === certificates)) return base;
        // ENCRYPTED_ONLY where client certificates are demanded: enough only on SQL Server.
        const version = versionOf(r.props);
        if (isOutcome(version)) return version.kind === "undecided" ? undecided("databaseVersion") : version;
        if (version.engine === "sqlserver") return pass;
        return violation({ code: "noClientCertificates", field: sslMode.path, problem: `${sslMode.path} is "ENCRYPTED_ONLY", so clients need no certificate`, fix: `set ${sslMode.path}: "${certificates}"` });
    },
    noAutoRemediation: "clients that connect without TLS (or without a certificate) lose access until a person moves them to TLS or the Cloud SQL Auth Proxy",
});

function sslModes(): readonly string[] {
    return sslMode.values ?? [];
}
