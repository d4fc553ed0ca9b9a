// VPC flow logs (AnalyzeStack): every VPC the stack creates has a flow log of all its traffic,
// connected by property dependency or by literal id.

import * as assert from "assert";
import { stackCases, stackGarbage, stackMisconfigured, stackNotApplicable, stackPasses, stackUndecided, stackViolates } from "../../cases";
import { flowLogFor, flowLogOutputs, res, T, vpcOf, vpcOutputs } from "../../factories";
import { usePack } from "../../pack";
import { secret, unknown } from "../../../tools/lib/analyzer-client";

const policy = "aws-vpc-flow-logs";
const SECRET = "SECRET-do-not-echo-3b9d";

const a = vpcOf("a");
const b = vpcOf("b", { id: "vpc-0b" });
const secretVpc = vpcOf("a", { id: secret(SECRET) });

stackCases(policy, [
    stackPasses([a, b, flowLogFor("a-flow", a), res(T.flowLog, "b-flow", { vpcId: "vpc-0b", trafficType: "ALL" })]),
    stackViolates([a, b, flowLogFor("a-flow", a), res(T.flowLog, "other", { vpcId: "vpc-elsewhere", trafficType: "ALL" })], [{ on: "b", code: "missingResource" }]),
    stackViolates([a, flowLogFor("f", a, { trafficType: "ACCEPT" })], [{ on: "a", code: "notAllowed", field: "FlowLog.trafficType" }]),
    // Accepted plus rejected logs together record everything.
    stackPasses([a, flowLogFor("f", a, { trafficType: "ACCEPT" }), flowLogFor("g", a, { trafficType: "REJECT" })]),
    stackPasses([a, flowLogFor("f", a, { trafficType: "REJECT" })], { requireAllTraffic: false }),
    stackMisconfigured([a], { requireAllTraffic: "yes" }, "requireAllTraffic"),
    stackUndecided([a, flowLogFor("f", undefined)], [{ on: "a", fields: "FlowLog.vpcId" }]),
    stackUndecided([a, flowLogFor("f", a, { trafficType: unknown })], [{ on: "a", fields: "FlowLog.trafficType" }]),
    stackNotApplicable([flowLogFor("f", undefined, { vpcId: "vpc-1" })], /only applies to resources of type 'aws:ec2\/vpc:Vpc'/),
    stackViolates([a, flowLogFor("f", a, { trafficType: SECRET })], [{ on: "a", code: "unrecognised", field: "FlowLog.trafficType" }]),
    stackGarbage([secretVpc, res(T.flowLog, "f", { vpcId: 7 })]),
    stackGarbage([secretVpc, res(T.flowLog, "f", { vpcId: [unknown] })]),
    stackGarbage([secretVpc, res(T.flowLog, "f", { vpcId: secret(SECRET), trafficType: secret(SECRET) })]),
    stackGarbage([secretVpc, res(T.flowLog, "f", { trafficType: { SECRET } })]),
    // Outputs-shaped (state): flow logs name their VPC by its id.
    stackPasses([vpcOutputs("a", "vpc-0a"), flowLogOutputs("a-flow", "vpc-0a")]),
    stackViolates([vpcOutputs("a", "vpc-0a"), vpcOutputs("b", "vpc-0b"), flowLogOutputs("a-flow", "vpc-0a")], [{ on: "b", code: "missingResource" }]),
    // A subnet's flow log (vpcId "") does not record the whole VPC.
    stackViolates([vpcOutputs("a", "vpc-0a"), flowLogOutputs("subnet-flow", "", { subnetId: "subnet-0a" })], [{ on: "a", code: "missingResource" }]),
]);

describe(`${policy} (beyond the table)`, () => {
    const pack = usePack();

    it("publishes the stack tag", () => {
        assert.ok(pack.info.policies.find(x => x.name === policy)!.tags.includes("stack"));
    });
});
