import { booleanKnob } from "../../lib/knobs";
import { isOutcome, Outcome, pass, violation } from "../../lib/outcome";
import { defineResourcePolicy } from "../../lib/policy";
import { Props } from "../../lib/props";
import { oneOf, Patch, patchBlock, unsetWhenEmpty, valueOf } from "../../lib/rules";
import { flowAggregation, flowFilter, flowMetadata, flowSampling, reservedSubnet, subnetwork } from "./facts";

const cis = { aggregationInterval: "INTERVAL_5_SEC", flowSampling: 1, metadata: "INCLUDE_ALL_METADATA" };
const logConfigFix = 'set logConfig: { aggregationInterval: "INTERVAL_5_SEC", flowSampling: 1, metadata: "INCLUDE_ALL_METADATA" }';

const knobs = {
    requireFullRecords: booleanKnob({
        default: false,
        description: "Also require the CIS settings: every flow (flowSampling 1), 5-second aggregation, all metadata and no filter. Off: flow logs must be on and sample some flows.",
    }),
};

function sampling(log: Props, full: boolean): Outcome {
    const path = `logConfig.${flowSampling.field}`;
    const value = valueOf(log.number(flowSampling.field), { path, expected: "a number", fix: `set ${path}: 1`, absent: flowSampling.absent });
    if (isOutcome(value)) return value;
    if (value <= 0) return violation({ code: "noSampling", field: path, problem: `${path} is ${value}, so no flows are logged`, fix: `set ${path}: 1` });
    if (full && value < 1) return violation({ code: "belowMinimum", field: path, problem: `${path} is ${log.has(flowSampling.field) ? value : `not set and defaults to ${value}`}, so some flows are not logged`, fix: `set ${path}: 1` });
    return pass;
}

function fullRecords(log: Props): Outcome[] {
    const filter = valueOf(unsetWhenEmpty(log.string(flowFilter.field)), { path: `logConfig.${flowFilter.field}`, expected: "a string", fix: "remove logConfig.filterExpr", absent: flowFilter.absent });
    return [
        oneOf(log.string(flowAggregation.field), { path: flowAggregation.path, allowed: [cis.aggregationInterval], known: flowAggregation.values!, absentMeans: flowAggregation.absent, fix: `set ${flowAggregation.path}: "INTERVAL_5_SEC"` }),
        oneOf(log.string(flowMetadata.field), { path: flowMetadata.path, allowed: [cis.metadata], known: flowMetadata.values!, absentMeans: flowMetadata.absent, fix: `set ${flowMetadata.path}: "INCLUDE_ALL_METADATA"` }),
        isOutcome(filter) ? filter : filter.trim() === "true" ? pass : violation({ code: "filtered", field: "logConfig.filterExpr", problem: "logConfig.filterExpr leaves some flows out of the logs", fix: "remove logConfig.filterExpr" }),
    ];
}

export default defineResourcePolicy({
    name: "gcp-vpc-flow-logs",
    description: "Subnets that host VMs record VPC Flow Logs (logConfig); optionally with the CIS settings: every flow, 5-second aggregation, all metadata.",
    severity: "medium",
    types: [subnetwork],
    hipaa: ["164.312(b)"],
    hitrust: ["1202.09aa1", "1203.09aa1", "0805.01m1"],
    tags: ["gcp", "vpc", "logging", "network"],
    anchors: { gcp: ["gcp-vpc-firewall-05"], checkov: ["CKV_GCP_26"] },
    knobs,
    remediation:
        'Add `logConfig: { aggregationInterval: "INTERVAL_5_SEC", flowSampling: 1, metadata: "INCLUDE_ALL_METADATA" }` to the `gcp.compute.Subnetwork`: a present `logConfig` turns flow logs on ' +
        "(`flowSampling` defaults to 0.5, half the flows). Proxy-only (`REGIONAL_MANAGED_PROXY`, `GLOBAL_MANAGED_PROXY`), Private Service Connect and Private NAT subnets host no VMs and are not checked. " +
        "With `requireFullRecords: true`, `flowSampling` must be 1, `aggregationInterval` `INTERVAL_5_SEC`, `metadata` `INCLUDE_ALL_METADATA`, and `filterExpr` unset.",
    check: (r, config) => {
        const reserved = reservedSubnet(r.props);
        if (reserved) return reserved;
        const log = valueOf(r.props.single("logConfig"), { path: "logConfig", expected: "a block", fix: logConfigFix, absent: undefined });
        if (isOutcome(log)) return log;
        if (log === undefined) return violation({ code: "absentDefault", field: "logConfig", problem: "logConfig is not set, so the subnet records no VPC flow logs", fix: logConfigFix });
        return [sampling(log, config.requireFullRecords), ...(config.requireFullRecords ? fullRecords(log) : [])];
    },
    remediate: (r, config) => {
        if (reservedSubnet(r.props)) return {};
        const read = r.props.single("logConfig");
        if (read.state === "absent") return { logConfig: { ...cis } };
        return patchBlock(r.props, "logConfig", log => {
            const patch: Patch = {};
            const s = log.number(flowSampling.field);
            const value = s.state === "known" ? s.value : s.state === "absent" ? flowSampling.absent : undefined;
            if (value !== undefined && (value <= 0 || (config.requireFullRecords && value < 1))) patch.flowSampling = 1;
            if (config.requireFullRecords) {
                for (const [field, want] of [[flowAggregation.field, cis.aggregationInterval], [flowMetadata.field, cis.metadata]] as const) {
                    const v = unsetWhenEmpty(log.string(field));
                    if (v.state === "known" && v.value !== want) patch[field] = want;
                }
            }
            return patch;
        });
    },
});
