import { isOutcome, notApplicable, Outcome, undecided, violation } from "../../lib/outcome";
import { defineResourcePolicy } from "../../lib/policy";
import { Props } from "../../lib/props";
import { elementsOf, valueOf } from "../../lib/rules";
import { blockAt, databaseInstance, fieldAt, ipConfiguration, ipv4Enabled } from "./facts";

const field = "settings.ipConfiguration.authorizedNetworks";

/** Whether a CIDR (or bare address) admits every address of its family: a /0 prefix, or 0.0.0.0 alone. */
export function isWholeInternet(cidr: string): boolean {
    const text = cidr.trim();
    const [address, prefix] = text.split("/");
    if (prefix !== undefined) return /^0+$/.test(prefix.trim());
    // A bare 0.0.0.0 or :: is read by some tools as "any"; never accept it.
    return address === "0.0.0.0" || address === "::";
}

function openEntries(ip: Props): Outcome[] {
    const { elements, outcomes } = elementsOf(ip, { field: "authorizedNetworks", fix: `set ${field} to a list of { value: CIDR } blocks` });
    const found: Outcome[] = outcomes.map(o => (o.kind === "undecided" ? undecided(`settings.ipConfiguration.${o.field}`) : o));
    for (const e of elements) {
        const path = `${field}${e.path.slice("authorizedNetworks".length)}.value`;
        const fix = `remove ${path} or narrow it to the clients' own addresses`;
        const value = valueOf(e.props.string("value"), { path, expected: "a CIDR string", fix, absent: undefined });
        if (isOutcome(value)) found.push(value);
        else if (value !== undefined && isWholeInternet(value)) {
            found.push(violation({ code: "openToWorld", field: path, problem: `${path} authorizes every address on the internet`, fix }));
        }
    }
    return found;
}

export default defineResourcePolicy({
    name: "gcp-sql-authorized-networks",
    description: "Cloud SQL instances with a public IP do not authorize connections from the whole internet (0.0.0.0/0 or ::/0).",
    severity: "critical",
    types: [databaseInstance],
    hipaa: ["164.312(a)(1)", "164.312(e)(1)"],
    hitrust: ["0805.01m1"],
    tags: ["gcp", "sql", "network", "access-control"],
    anchors: { gcp: ["gcp-cloud-sql-03"], checkov: ["CKV_GCP_11"] },
    remediation:
        "Remove every `settings.ipConfiguration.authorizedNetworks` entry whose `value` is `0.0.0.0/0` (or any `/0`) from the `gcp.sql.DatabaseInstance`, " +
        "and list only the clients' own ranges, or better, turn the public IP off (`ipv4Enabled: false`) and connect over private IP or the Cloud SQL Auth Proxy. " +
        "Enforce with the organization policy `constraints/sql.restrictAuthorizedNetworks`.",
    check: r => {
        // Authorized networks only admit clients to the public IP: without one they open nothing.
        const publicIp = fieldAt(r.props, ipConfiguration, ipv4Enabled.field, "boolean");
        if (publicIp.state === "known" && publicIp.value === false) return notApplicable("the instance has no public IP (ipv4Enabled is false), so authorized networks admit nothing");
        const ip = blockAt(r.props, ipConfiguration);
        if (ip.state === "absent") return { kind: "pass" };
        if (ip.state === "unknown") return undecided("settings.ipConfiguration");
        if (ip.state === "wrongType") return violation({ code: "wrongType", field: "settings.ipConfiguration", problem: "settings.ipConfiguration is not a block", fix: "set settings.ipConfiguration to a block" });
        return openEntries(ip.value);
    },
    noAutoRemediation: "which client addresses need the database is a person's decision; removing the entry cuts every client that relied on it",
});
