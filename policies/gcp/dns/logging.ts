import { Outcome, pass, undecided, violation } from "../../lib/outcome";
import { isUnknown, Props } from "../../lib/props";
import { isTrue } from "../../lib/rules";
import { about, defineStackPolicy, Stack, StackOutcome, StackResource } from "../../lib/stack";
import { dnsPolicy, enableLogging, network } from "./facts";

/** A network's self link or id, as the part both share: projects/P/global/networks/N. */
function networkKey(value: string): string {
    const v = value.trim();
    const i = v.indexOf("projects/");
    return i >= 0 ? v.slice(i) : v;
}

interface Bindings {
    /** The server policies that name each network (by URN), found by dependency or by self link / id. */
    readonly byNetwork: Map<string, StackResource[]>;
    /** Some policy names a network the preview cannot tell: a network without a policy is not yet a finding. */
    readonly unresolved: boolean;
}

// Built once per stack, shared by every network it checks.
const cache = new WeakMap<Stack, Bindings>();

function bindings(stack: Stack): Bindings {
    const cached = cache.get(stack);
    if (cached) return cached;
    const networks = stack.ofType([network]);
    const byKey = new Map<string, StackResource>();
    for (const n of networks) {
        for (const field of ["selfLink", "id"]) {
            const read = n.props.string(field);
            if (read.state === "known" && read.value.trim() !== "") byKey.set(networkKey(read.value), n);
        }
    }
    const byNetwork = new Map<string, StackResource[]>();
    const add = (n: StackResource, p: StackResource) => {
        const list = byNetwork.get(n.urn) ?? [];
        if (!list.includes(p)) list.push(p);
        byNetwork.set(n.urn, list);
    };
    let unresolved = false;
    for (const p of stack.ofType([dnsPolicy])) {
        const deps = p.dependsOn("networks").filter(d => d.type === network);
        deps.forEach(n => add(n, p));
        const list = p.props.list("networks");
        if (list.state === "unknown" && deps.length === 0) unresolved = true;
        if (list.state !== "known") continue;
        for (const item of list.value) {
            const url = isUnknown(item) ? item : item && typeof item === "object" ? new Props(item).raw("networkUrl") : undefined;
            if (isUnknown(url)) {
                if (deps.length === 0) unresolved = true;
            } else if (typeof url === "string") {
                const n = byKey.get(networkKey(url));
                if (n) add(n, p);
            }
        }
    }
    const found = { byNetwork, unresolved };
    cache.set(stack, found);
    return found;
}

const createFix = "create a gcp.dns.Policy with enableLogging: true and networks: [{ networkUrl: network.id }]";

function logs(policy: StackResource): Outcome {
    return isTrue(policy.props.boolean(enableLogging.field), { path: enableLogging.field, absentMeans: false });
}

export default defineStackPolicy({
    name: "gcp-dns-logging",
    description: "Every VPC network in the stack is bound to a Cloud DNS server policy with query logging on, so name look-ups from its VMs are recorded.",
    severity: "medium",
    types: [network],
    hipaa: ["164.312(b)"],
    hitrust: ["1202.09aa1", "1203.09aa1"],
    tags: ["gcp", "dns", "logging", "network"],
    anchors: { gcp: ["gcp-vpc-firewall-09"] },
    remediation:
        "Create a `gcp.dns.Policy` with `enableLogging: true` and `networks: [{ networkUrl: network.id }]` for each `gcp.compute.Network` (or set `enableLogging: true` on the policy that already names it). " +
        "A network is bound to at most one server policy. When a policy's networks are unknown at preview and name no network of the stack by reference, a network without a policy is left undecided.",
    check: (n, stack): StackOutcome[] => {
        const { byNetwork, unresolved } = bindings(stack);
        const policies = byNetwork.get(n.urn) ?? [];
        if (policies.length === 0) {
            if (unresolved) return [undecided("gcp.dns.Policy networks")];
            return [violation({ code: "noDnsLogging", problem: "no gcp.dns.Policy with enableLogging: true names this network, so its DNS queries are not logged", fix: createFix })];
        }
        const checked = policies.map(p => ({ policy: p, outcome: logs(p) }));
        if (checked.some(c => c.outcome.kind === "pass")) return [pass];
        return checked.map(c => about(c.policy, c.outcome));
    },
});

