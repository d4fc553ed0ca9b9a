// AnalyzeStack at scale (policies/lib/stack.ts): a 10,000-resource stack is checked correctly by every
// stack policy at once (every index lookup is linear, and the resource index is built once per request).

import * as assert from "assert";
import { flowLogFor, protectedBucket, res, T, trailTo } from "../factories";
import { usePack } from "../pack";
import { ResourceInput, unknown } from "../../tools/lib/analyzer-client";

describe("stack policies at scale", () => {
    const pack = usePack();

    it("checks a 10,000-resource stack correctly", async function () {
        this.timeout(120000);
        const resources: ResourceInput[] = [];
        const missingFlowLog = new Set<string>();
        const missingVersioning = new Set<string>();
        const shortRetention = new Set<string>();
        // 2,500 VPCs; even ones get a flow log (half by dependency, half by literal id): 3,750 resources.
        for (let i = 0; i < 2500; i++) {
            const id = `vpc-${i.toString(16).padStart(8, "0")}`;
            const v = res(T.vpc, `vpc-${i}`, { id });
            resources.push(v);
            if (i % 2 === 1) missingFlowLog.add(v.urn!);
            else if (i % 4 === 0) resources.push(flowLogFor(`flow-${i}`, v, { logDestination: undefined }));
            else resources.push(res(T.flowLog, `flow-${i}`, { vpcId: id, trafficType: "ALL" }));
        }
        // 1,000 trails, each with its bucket (PAB, SSE, versioning except every 4th) and log group: 5,750 resources.
        for (let i = 0; i < 1000; i++) {
            const b = protectedBucket(`logs-${i}`, { versioning: i % 4 === 0 ? null : {} });
            if (i % 4 === 0) missingVersioning.add(b.bucket.urn!);
            const g = res(T.logGroup, `group-${i}`, { retentionInDays: i % 5 === 0 ? 365 : 2192, kmsKeyId: unknown });
            if (i % 5 === 0) shortRetention.add(g.urn!);
            resources.push(...b.resources, g, trailTo(`trail-${i}`, b.bucket, g));
        }
        // 500 log groups no trail uses.
        for (let i = 0; i < 500; i++) resources.push(res(T.logGroup, `app-${i}`, { retentionInDays: 30 }));
        assert.strictEqual(resources.length, 10000);

        const result = await pack.analyzeStack(resources);
        const flagged = (policy: string) => {
            const mine = result.diagnostics.filter(d => d.policyName === policy);
            assert.deepStrictEqual(mine.filter(d => d.enforcementLevel === "advisory"), []);
            return mine.map(d => d.urn);
        };
        assert.deepStrictEqual(new Set(flagged("aws-vpc-flow-logs")), missingFlowLog);
        assert.deepStrictEqual(new Set(flagged("aws-cloudtrail-bucket-protected")), missingVersioning);
        assert.deepStrictEqual(new Set(flagged("aws-cloudtrail-log-group-retention")), shortRetention);
        assert.strictEqual(flagged("aws-cloudtrail-bucket-protected").length, 250);
    });
});
