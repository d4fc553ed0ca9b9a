import { serviceFact } from "../../lib/facts";
import { isOutcome, pass, undecided, violation } from "../../lib/outcome";
import { defineResourcePolicy } from "../../lib/policy";
import { classify } from "../../lib/props";
import { valueOf } from "../../lib/rules";
import { domainTypes } from "./facts";

const path = "vpcOptions.subnetIds";
const fix = "set vpcOptions: { subnetIds: [...], securityGroupIds: [...] } (private subnets)";

serviceFact({
    about: "aws.opensearch.Domain, aws.elasticsearch.Domain vpcOptions",
    says: "a domain without VPC subnets gets a public endpoint; a domain's network (public or VPC) is chosen at creation and cannot be changed",
    source: "Amazon OpenSearch Service Developer Guide: launching your domains within a VPC",
});

export default defineResourcePolicy({
    name: "aws-opensearch-in-vpc",
    description: "OpenSearch and Elasticsearch domains have their endpoints inside a VPC, not on the internet.",
    severity: "critical",
    types: domainTypes,
    hipaa: ["164.312(a)(1)", "164.312(e)(1)"],
    hitrust: ["0805.01m1"],
    tags: ["aws", "opensearch", "elasticsearch", "network", "public-access"],
    anchors: { awsConfig: ["opensearch-in-vpc-only", "elasticsearch-in-vpc-only"], checkov: ["CKV_AWS_137"] },
    remediation:
        "Set `vpcOptions: { subnetIds, securityGroupIds }` on the `aws.opensearch.Domain` or `aws.elasticsearch.Domain` with private subnets (one per " +
        "Availability Zone the domain uses). A domain's network is chosen at creation: moving a public domain into a VPC replaces it.",
    check: r => {
        if (r.props.single("vpcOptions").state === "unknown") return undecided(path);
        // A list computed from other resources (a VPC's private subnets) names subnets.
        if (r.props.within("vpcOptions", "subnetIds", "list").state === "unknown") return pass;
        const list = valueOf(r.props.within("vpcOptions", "subnetIds", "list"), { path, expected: "a list", fix, absent: [] as unknown[] });
        if (isOutcome(list)) return list;
        const reads = list.map(id => classify(id, "string"));
        if (reads.some(s => s.state === "known" && s.value.trim() !== "")) return pass;
        if (reads.some(s => s.state === "unknown")) return undecided(path);
        return violation({ code: list.length === 0 ? "notSet" : "noSubnets", field: path, problem: `${path} names no subnet, so the domain has a public endpoint`, fix });
    },
    noAutoRemediation: "a domain's network is chosen at creation, so moving it into a VPC replaces it, and the subnets are a person's choice",
});
