import { garbage, passes, policyCases, remediates, undecided, violates } from "../../cases";
import { sqlInstance, sqlInstanceOutputs, sqlSettings } from "../../factories";
import { secret, unknown } from "../../../tools/lib/analyzer-client";

const field = "settings.ipConfiguration.ipv4Enabled";
const ip = (changes: Record<string, unknown>) => ({ settings: sqlSettings({ ipConfiguration: { privateNetwork: "vpc", sslMode: "ENCRYPTED_ONLY", ...changes } }) });

policyCases("gcp-sql-no-public-ip", [
    passes(sqlInstance()),
    passes(sqlInstance(ip({ ipv4Enabled: false, privateNetwork: undefined, pscConfigs: [{ pscEnabled: true }] }))),
    // Omitted, the API assigns a public IPv4 address, private network or not.
    violates(sqlInstance(ip({})), { code: "absentDefault", field }),
    violates(sqlInstance({ settings: sqlSettings({ ipConfiguration: undefined }) }), { code: "absentDefault", field }),
    violates(sqlInstance(ip({ ipv4Enabled: true })), { code: "notAllowed", field }),
    violates(sqlInstance(ip({ ipv4Enabled: "false" })), { code: "wrongType", field }),
    undecided(sqlInstance(ip({ ipv4Enabled: unknown })), field),
    undecided(sqlInstance({ settings: unknown }), field),
    passes(sqlInstanceOutputs()),
    violates(sqlInstanceOutputs({ ipConfiguration: { ipv4Enabled: true, privateNetwork: "" } }), { code: "notAllowed", field }),
    garbage(sqlInstance({ settings: { ipConfiguration: [{ ipv4Enabled: secret("SECRET") }] } })),
    remediates(sqlInstance(ip({ ipv4Enabled: true })), "nothing"),
]);
