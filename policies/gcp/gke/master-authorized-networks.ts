import { isOutcome, Outcome, pass, violation } from "../../lib/outcome";
import { isWorldCidr } from "../../lib/net";
import { defineResourcePolicy } from "../../lib/policy";
import { classify, Props } from "../../lib/props";
import { blockOf, valueOf } from "../../lib/rules";
import { blockAt, cluster, listIn } from "./facts";

const block = "masterAuthorizedNetworksConfig";
const fix = `set ${block}.cidrBlocks to the networks that administer the cluster, without 0.0.0.0/0`;

/** Whether the control plane's public endpoint is off: a private endpoint only, or no IP endpoint at all. */
function noPublicEndpoint(props: Props): boolean | Outcome {
    const reads = [
        { read: blockAt(props, ["privateClusterConfig"]), field: "enablePrivateEndpoint", path: "privateClusterConfig.enablePrivateEndpoint", off: true },
        { read: blockAt(props, ["controlPlaneEndpointsConfig", "ipEndpointsConfig"]), field: "enabled", path: "controlPlaneEndpointsConfig.ipEndpointsConfig.enabled", off: false },
    ];
    for (const r of reads) {
        if (r.read.state !== "known") continue;
        const value = valueOf(r.read.value.boolean(r.field), { path: r.path, expected: "a boolean", fix, absent: undefined });
        if (isOutcome(value)) return value;
        if (value === r.off) return true;
    }
    return false;
}

export default defineResourcePolicy({
    name: "gcp-gke-master-authorized-networks",
    description: "GKE control planes accept connections only from authorized networks, never from 0.0.0.0/0.",
    severity: "high",
    types: [cluster],
    hipaa: ["164.312(a)(1)", "164.312(e)(1)"],
    hitrust: ["0805.01m1", "01.c"],
    tags: ["gcp", "gke", "network", "public-access"],
    anchors: { gcp: ["gcp-gke-02"], checkov: ["CKV_GCP_20", "CKV_GCP_18"] },
    remediation:
        "Set `masterAuthorizedNetworksConfig: { cidrBlocks: [{ cidrBlock: \"<admin network>\", displayName: \"admins\" }] }` on the `gcp.container.Cluster`, " +
        "listing only the networks that administer the cluster and never `0.0.0.0/0`, or turn the public endpoint off (`privateClusterConfig.enablePrivateEndpoint: true`).",
    check: r => {
        const config = blockOf(r.props.single(block), { path: block, fix });
        if (isOutcome(config)) return config;
        if (r.props.single(block).state === "absent") {
            const off = noPublicEndpoint(r.props);
            if (isOutcome(off)) return off;
            return off ? pass : violation({ code: "notSet", field: block, problem: `${block} is not set, so the control plane's public endpoint accepts connections from any address`, fix });
        }
        const { elements, outcomes } = listIn(config, block, "cidrBlocks", fix);
        const found: Outcome[] = elements.map(e => {
            const path = `${e.path}.cidrBlock`;
            const cidr = valueOf(classify(e.props.raw("cidrBlock"), "string"), { path, expected: "a CIDR string", fix, absent: "" });
            if (isOutcome(cidr)) return cidr;
            return isWorldCidr(cidr) ? violation({ code: "openToWorld", field: path, problem: `${path} admits every address`, fix }) : pass;
        });
        return [...outcomes, ...found];
    },
    noAutoRemediation: "which networks administer the cluster is a person's decision",
});
