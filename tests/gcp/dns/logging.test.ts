import { stackCases, stackGarbage, stackPasses, stackUndecided, stackViolates } from "../../cases";
import { dnsPolicy, GCP_NETWORK_ID, res, vpcNetwork, vpcNetworkOutputs } from "../../factories";
import { unknown } from "../../../tools/lib/analyzer-client";

const policy = "gcp-dns-logging";
const net = (name = "phi", props: Record<string, unknown> = {}) => res(vpcNetwork().type, name, { ...vpcNetwork().props, id: unknown, selfLink: unknown, ...props });
const bound = (networks: ReturnType<typeof net>[], props: Record<string, unknown> = {}, name = "dns-logging") =>
    res(dnsPolicy().type, name, { enableLogging: true, networks: networks.map(() => ({ networkUrl: unknown })), ...props }, { networks });
const literal = (urls: unknown[], props: Record<string, unknown> = {}, name = "dns-logging") => res(dnsPolicy().type, name, { enableLogging: true, networks: urls.map(networkUrl => ({ networkUrl })), ...props });

const a = net("a");
const b = net("b");

stackCases(policy, [
    stackPasses([a, bound([a])]),
    stackPasses([a, b, bound([a, b])]),
    // By the network's id or self link, as outputs hold them.
    stackPasses([vpcNetworkOutputs(), literal([`https://www.googleapis.com/compute/v1/${GCP_NETWORK_ID}`])]),
    stackPasses([vpcNetworkOutputs(), literal([GCP_NETWORK_ID])]),
    // A network no policy names, one whose policy does not log, a policy naming another network.
    stackViolates([a], [{ on: "a", code: "noDnsLogging" }]),
    stackViolates([a, b, bound([a])], [{ on: "b", code: "noDnsLogging" }]),
    stackViolates([a, bound([a], { enableLogging: undefined })], [{ on: "dns-logging", code: "absentDefault", field: "enableLogging" }]),
    stackViolates([a, bound([a], { enableLogging: false })], [{ on: "dns-logging", code: "notAllowed", field: "enableLogging" }]),
    stackViolates([vpcNetworkOutputs(), literal(["projects/other/global/networks/shared"])], [{ on: "phi", code: "noDnsLogging" }]),
    // Unknown at preview: a logging switch, or a policy whose networks no reference resolves.
    stackUndecided([a, bound([a], { enableLogging: unknown })], [{ on: "dns-logging", fields: "enableLogging" }]),
    stackUndecided([a, literal([unknown])], [{ on: "a", fields: "gcp.dns.Policy networks" }]),
    stackUndecided([a, res(dnsPolicy().type, "dns", { enableLogging: true, networks: unknown })], [{ on: "a", fields: "gcp.dns.Policy networks" }]),
    stackGarbage([net("a", { id: 5 }), res(dnsPolicy().type, "x", { enableLogging: "yes", networks: [3, null, { networkUrl: [] }] }), res(dnsPolicy().type, "y", { networks: "all" })]),
]);
