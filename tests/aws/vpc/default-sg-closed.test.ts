import { stackCases, stackGarbage, stackNotApplicable, stackPasses, stackUndecided, stackViolates } from "../../cases";
import { NET, res, vpcOf, vpcOutputs } from "../../factories";
import { secret, unknown } from "../../../tools/lib/analyzer-client";

const a = vpcOf("a");
const b = vpcOf("b", { id: "vpc-0b" });
const closed = (name: string, vpc: ReturnType<typeof vpcOf> | undefined, props: Record<string, unknown> = {}) =>
    res(NET.defaultSecurityGroup, name, { vpcId: unknown, ...props }, vpc ? { vpcId: [vpc] } : {});
const allowAll = [{ protocol: "-1", fromPort: 0, toPort: 0, self: true }];

stackCases("aws-vpc-default-sg-closed", [
    stackPasses([a, closed("a-default", a)]),
    stackPasses([a, b, closed("a-default", a), closed("b-default", undefined, { vpcId: "vpc-0b", ingress: [], egress: [] })]),
    stackViolates([a], [{ on: "a", code: "missingResource" }]),
    stackViolates([a, b, closed("a-default", a)], [{ on: "b", code: "missingResource" }]),
    stackViolates([a, closed("a-default", a, { ingress: allowAll })], [{ on: "a-default", code: "notAllowed", field: "ingress" }]),
    stackViolates([a, closed("a-default", a, { egress: [{ protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"] }] })], [{ on: "a-default", code: "notAllowed", field: "egress" }]),
    stackViolates([a, closed("a-default", a, { ingress: allowAll, egress: allowAll })], [{ on: "a-default", code: "notAllowed", field: "ingress" }, { on: "a-default", code: "notAllowed", field: "egress" }]),
    stackUndecided([a, closed("x", undefined)], [{ on: "a", fields: "DefaultSecurityGroup.vpcId" }]),
    stackUndecided([a, closed("a-default", a, { ingress: unknown })], [{ on: "a-default", fields: "ingress" }]),
    stackViolates([a, closed("a-default", a, { ingress: "all" })], [{ on: "a-default", code: "wrongType", field: "ingress" }]),
    stackNotApplicable([closed("x", undefined, { vpcId: "vpc-1" })], /only applies to resources of type/),
    // Outputs-shaped: the group names its VPC by id; AWS reports empty lists.
    stackPasses([vpcOutputs("a", "vpc-0a"), res(NET.defaultSecurityGroup, "a-default", { arn: "arn", description: "default VPC security group", egress: [], id: "sg-0a", ingress: [], name: "default", vpcId: "vpc-0a", tags: {} })]),
    stackViolates([vpcOutputs("a", "vpc-0a"), vpcOutputs("b", "vpc-0b"), res(NET.defaultSecurityGroup, "a-default", { egress: [], ingress: [], vpcId: "vpc-0a" })], [{ on: "b", code: "missingResource" }]),
    stackGarbage([vpcOf("a", { id: secret("SECRET") }), res(NET.defaultSecurityGroup, "d", { vpcId: 7, ingress: secret("SECRET") })]),
    stackGarbage([a, closed("a-default", a, { ingress: [{ SECRET: 1 }], egress: { SECRET: 1 } })]),
]);
