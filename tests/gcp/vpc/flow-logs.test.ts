import { garbage, misconfigured, notApplicable, passes, policyCases, remediates, undecided, violates } from "../../cases";
import { subnetwork, subnetworkOutputs } from "../../factories";
import { unknown } from "../../../tools/lib/analyzer-client";

const policy = "gcp-vpc-flow-logs";
const full = { requireFullRecords: true };
const cis = { aggregationInterval: "INTERVAL_5_SEC", flowSampling: 1, metadata: "INCLUDE_ALL_METADATA" };

policyCases(policy, [
    passes(subnetwork()),
    passes(subnetwork(), full),
    passes(subnetworkOutputs()),
    passes(subnetworkOutputs(), full),
    // A present logConfig turns flow logs on; its defaults (0.5 sampling) are enough unless the CIS settings are required.
    passes(subnetwork({ logConfig: {} })),
    passes(subnetwork({ logConfig: { flowSampling: 0.1, aggregationInterval: "INTERVAL_10_MIN" } })),
    violates(subnetwork({ logConfig: undefined }), { code: "absentDefault", field: "logConfig" }),
    violates(subnetworkOutputs({ logConfig: [] }), { code: "absentDefault", field: "logConfig" }),
    violates(subnetwork({ logConfig: { flowSampling: 0 } }), { code: "noSampling", field: "logConfig.flowSampling" }),
    violates(subnetworkOutputs({ logConfig: [{ ...cis, flowSampling: "0" }] }), { code: "noSampling", field: "logConfig.flowSampling" }),
    // The CIS settings, each way to miss them.
    violates(subnetwork({ logConfig: {} }), { code: "belowMinimum", field: "logConfig.flowSampling" }, full),
    violates(subnetwork({ logConfig: { ...cis, aggregationInterval: "INTERVAL_1_MIN" } }), { code: "notAllowed", field: "logConfig.aggregationInterval" }, full),
    violates(subnetwork({ logConfig: { ...cis, metadata: "EXCLUDE_ALL_METADATA" } }), { code: "notAllowed", field: "logConfig.metadata" }, full),
    violates(subnetwork({ logConfig: { ...cis, filterExpr: "inIpRange(connection.src_ip, '10.0.0.0/8')" } }), { code: "filtered", field: "logConfig.filterExpr" }, full),
    passes(subnetwork({ logConfig: { ...cis, filterExpr: "true" } }), full),
    // Proxy-only, Private Service Connect and Private NAT subnets host no VMs.
    ...["REGIONAL_MANAGED_PROXY", "GLOBAL_MANAGED_PROXY", "INTERNAL_HTTPS_LOAD_BALANCER", "PRIVATE_SERVICE_CONNECT", "PRIVATE_NAT"].map(purpose =>
        notApplicable(subnetwork({ purpose, logConfig: undefined }), /reserved/),
    ),
    violates(subnetwork({ purpose: "PRIVATE", logConfig: undefined }), { code: "absentDefault", field: "logConfig" }),
    undecided(subnetwork({ purpose: unknown, logConfig: undefined }), "purpose"),
    undecided(subnetwork({ logConfig: unknown }), "logConfig"),
    undecided(subnetwork({ logConfig: { flowSampling: unknown } }), "logConfig.flowSampling"),
    undecided(subnetwork({ logConfig: { ...cis, metadata: unknown } }), "logConfig.metadata", full),
    violates(subnetwork({ logConfig: "on" }), { code: "wrongType", field: "logConfig" }),
    violates(subnetwork({ logConfig: { flowSampling: "all" } }), { code: "wrongType", field: "logConfig.flowSampling" }),
    misconfigured(subnetwork(), { requireFullRecords: "yes" }, "requireFullRecords"),
    ...[{ logConfig: 5, purpose: 7 }, { logConfig: [{ flowSampling: [], metadata: {} }] }].map(props => garbage(subnetwork(props), full)),
    // Flow logs are safe to switch on (with the CIS settings); a block is fixed in place.
    remediates(subnetwork({ logConfig: undefined }), { logConfig: cis }),
    remediates(subnetwork({ logConfig: { flowSampling: 0 } }), { logConfig: { flowSampling: 1 } }),
    remediates(subnetwork({ logConfig: { flowSampling: 0.5, aggregationInterval: "INTERVAL_1_MIN", metadata: "INCLUDE_ALL_METADATA" } }), { logConfig: { flowSampling: 1, aggregationInterval: "INTERVAL_5_SEC", metadata: "INCLUDE_ALL_METADATA" } }, full),
    remediates(subnetwork(), "nothing"),
    remediates(subnetwork({ logConfig: unknown }), "nothing"),
    remediates(subnetwork({ purpose: "REGIONAL_MANAGED_PROXY", logConfig: undefined }), "nothing"),
]);
