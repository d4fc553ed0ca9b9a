import { garbage, noAutoRemediation, notApplicable, passes, policyCases, undecided, violates } from "../../cases";
import { managedZone, managedZoneOutputs } from "../../factories";
import { unknown } from "../../../tools/lib/analyzer-client";

const policy = "gcp-dns-dnssec";
const spec = (algorithm: unknown, keyType: string) => ({ algorithm, keyLength: 2048, keyType });

policyCases(policy, [
    passes(managedZone()),
    passes(managedZoneOutputs()),
    passes(managedZone({ visibility: "public", dnssecConfig: { state: "on", defaultKeySpecs: [spec("ecdsap256sha256", "keySigning"), spec("RSASHA256", "zoneSigning")] } })),
    // Off by default, off, in transfer, and signed with RSASHA1.
    violates(managedZone({ dnssecConfig: undefined }), { code: "absentDefault", field: "dnssecConfig" }),
    violates(managedZone({ dnssecConfig: {} }), { code: "absentDefault", field: "dnssecConfig.state" }),
    violates(managedZone({ dnssecConfig: { state: "off" } }), { code: "notAllowed", field: "dnssecConfig.state" }),
    violates(managedZone({ dnssecConfig: { state: "transfer" } }), { code: "notAllowed", field: "dnssecConfig.state" }),
    violates(managedZone({ dnssecConfig: { state: "on", defaultKeySpecs: [spec("rsasha256", "keySigning"), spec("rsasha1", "zoneSigning")] } }), { code: "notAllowed", field: "dnssecConfig.defaultKeySpecs[1].algorithm" }),
    violates(managedZoneOutputs({ dnssecConfig: [{ defaultKeySpecs: [], kind: "dns#managedZoneDnsSecConfig", nonExistence: "", state: "off" }] }), { code: "notAllowed", field: "dnssecConfig.state" }),
    violates(managedZoneOutputs({ dnssecConfig: [] }), { code: "absentDefault", field: "dnssecConfig" }),
    violates(managedZone({ dnssecConfig: { state: "on", defaultKeySpecs: [spec("md5", "keySigning")] } }), { code: "unrecognised", field: "dnssecConfig.defaultKeySpecs[0].algorithm" }),
    // Private zones are not signed.
    notApplicable(managedZone({ visibility: "private", dnssecConfig: undefined }), /private/),
    notApplicable(managedZoneOutputs({ visibility: "PRIVATE", dnssecConfig: [] }), /private/),
    undecided(managedZone({ visibility: unknown }), "visibility"),
    undecided(managedZone({ dnssecConfig: unknown }), "dnssecConfig"),
    undecided(managedZone({ dnssecConfig: { state: unknown } }), "dnssecConfig.state"),
    undecided(managedZone({ dnssecConfig: { state: "on", defaultKeySpecs: [spec(unknown, "keySigning")] } }), "dnssecConfig.defaultKeySpecs[0].algorithm"),
    undecided(managedZone({ dnssecConfig: { state: "on", defaultKeySpecs: unknown } }), "dnssecConfig.defaultKeySpecs"),
    violates(managedZone({ dnssecConfig: "on" }), { code: "wrongType", field: "dnssecConfig" }),
    ...[{ visibility: 1 }, { dnssecConfig: { state: 1, defaultKeySpecs: [3, null, { algorithm: [] }] } }].map(props => garbage(managedZone(props))),
    noAutoRemediation(managedZone({ dnssecConfig: undefined })),
]);
