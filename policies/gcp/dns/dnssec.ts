import { isOutcome, notApplicable, Outcome, pass, violation } from "../../lib/outcome";
import { defineResourcePolicy } from "../../lib/policy";
import { elementsOf, lowerString, oneOf, unsetWhenEmpty, valueOf } from "../../lib/rules";
import { dnssecState, keyAlgorithms, managedZone, visibility } from "./facts";

const onFix = 'set dnssecConfig: { state: "on" } (and publish the DS record at the registrar)';
const algorithmFix = (path: string) => `set ${path} to "rsasha256" or "ecdsap256sha256"`;

export default defineResourcePolicy({
    name: "gcp-dns-dnssec",
    description: "Public Cloud DNS zones are signed with DNSSEC, and no signing key uses RSASHA1.",
    severity: "medium",
    types: [managedZone],
    hipaa: ["164.312(c)(1)", "164.312(e)(1)"],
    hitrust: ["0805.01m1"],
    tags: ["gcp", "dns", "integrity", "network"],
    anchors: { gcp: ["gcp-cloud-dns-01"], checkov: ["CKV_GCP_16", "CKV_GCP_17"] },
    remediation:
        'Set `dnssecConfig: { state: "on" }` on the public `gcp.dns.ManagedZone`, then publish its DS record at the domain\'s registrar. ' +
        "If you give `dnssecConfig.defaultKeySpecs`, use `rsasha256`, `rsasha512`, `ecdsap256sha256` or `ecdsap384sha384` for both the key-signing and the zone-signing key, never `rsasha1` (omitted, Cloud DNS uses RSASHA256). Private zones are not checked.",
    check: r => {
        const zone = valueOf(unsetWhenEmpty(lowerString(r.props, visibility.field)), { path: visibility.field, expected: "a string", fix: 'set visibility: "public" or "private"', absent: visibility.absent! });
        if (isOutcome(zone)) return zone;
        if (zone === "private") return notApplicable("the zone is private: DNSSEC signs public zones");
        const config = valueOf(r.props.single("dnssecConfig"), { path: "dnssecConfig", expected: "a block", fix: onFix, absent: undefined });
        if (isOutcome(config)) return config;
        if (config === undefined) return violation({ code: "absentDefault", field: "dnssecConfig", problem: "dnssecConfig is not set, so the zone is not signed with DNSSEC", fix: onFix });
        const outcomes: Outcome[] = [oneOf(lowerString(config, dnssecState.field), { path: dnssecState.path, allowed: ["on"], known: dnssecState.values!, absentMeans: dnssecState.absent, fix: onFix })];
        const { elements, outcomes: unread } = elementsOf(config, { field: "defaultKeySpecs", fix: "set dnssecConfig.defaultKeySpecs to a list of key blocks" });
        outcomes.push(...unread.map(o => (o.kind === "undecided" ? { ...o, field: `dnssecConfig.${o.field}` } : o)));
        for (const spec of elements) {
            const path = `dnssecConfig.${spec.path}.algorithm`;
            outcomes.push(oneOf(lowerString(spec.props, "algorithm"), { path, allowed: keyAlgorithms.filter(a => a !== "rsasha1"), known: keyAlgorithms, fix: algorithmFix(path) }));
        }
        return outcomes.length > 0 ? outcomes : pass;
    },
    noAutoRemediation: "DNSSEC needs the DS record published at the registrar, and turning it off again while that record is published makes the domain fail to resolve",
});
