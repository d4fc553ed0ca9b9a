import * as assert from "assert";
import { bucket } from "../../factories";
import { unknown, usePack } from "../../pack";
import { expectStack, res } from "../stack-checks";

const policy = "gcp-storage-log-bucket-retention";
const B = "gcp:storage/bucket:Bucket";
const S = "gcp:logging/projectSink:ProjectSink";
const sixYears = String(2192 * 86400);
const logs = (retentionPolicy: unknown, name = "logs") => res(B, name, { ...bucket().props, name: `phi-${name}`, retentionPolicy });
const sinkTo = (name: string, destination: unknown, deps = {}) => res(S, name, { destination, filter: "", uniqueWriterIdentity: true }, deps);

describe(policy, () => {
    const pack = usePack();

    it("passes a log-export bucket with a locked six-year retention policy (by name and by dependency)", async () => {
        const b = logs({ retentionPeriod: sixYears, isLocked: true });
        await expectStack(pack, policy, [b, sinkTo("byName", "storage.googleapis.com/phi-logs"), sinkTo("byDep", unknown, { destination: [b] })], {});
    });

    it("reports the bucket: no retention policy, unlocked, too short", async () => {
        await expectStack(pack, policy, [logs(undefined, "none"), sinkTo("a", "storage.googleapis.com/phi-none")], { none: [{ code: "notSet", field: "retentionPolicy" }] });
        await expectStack(pack, policy, [logs({ retentionPeriod: sixYears }, "open"), sinkTo("b", "storage.googleapis.com/phi-open")], { open: [{ code: "absentDefault", field: "retentionPolicy.isLocked" }] });
        await expectStack(pack, policy, [logs({ retentionPeriod: "2592000", isLocked: true }, "short"), sinkTo("c", "storage.googleapis.com/phi-short")], {
            short: [{ code: "belowMinimum", field: "retentionPolicy.retentionPeriod" }],
        });
        await expectStack(pack, policy, [logs({ retentionPeriod: "2592000", isLocked: true }, "short"), sinkTo("c", "storage.googleapis.com/phi-short")], {}, { minimumRetentionDays: 30 });
    });

    it("does not apply to exports elsewhere; undecided when the destination or the policy is unknown", async () => {
        const other = res("gcp:logging/projectBucketConfig:ProjectBucketConfig", "audit", { bucketId: "audit", location: "global", retentionDays: 2192 });
        const result = await pack.analyzeStack([other, sinkTo("toLogBucket", unknown, { destination: [other] }), sinkTo("toBq", "bigquery.googleapis.com/projects/p/datasets/d")]);
        assert.ok(result.notApplicable.find(n => n.policyName === policy), JSON.stringify(result));
        await expectStack(pack, policy, [sinkTo("unknownDest", unknown)], { unknownDest: "undecided" });
        await expectStack(pack, policy, [logs(unknown, "u"), sinkTo("d", "storage.googleapis.com/phi-u")], { u: "undecided" });
    });

    it("survives garbage without echoing a secret", async () => {
        await expectStack(pack, policy, [logs({ retentionPeriod: "SECRET", isLocked: "yes" }, "junk"), sinkTo("e", "storage.googleapis.com/phi-junk"), sinkTo("f", { SECRET: 1 })], {
            junk: [{ code: "unrecognised", field: "retentionPolicy.retentionPeriod" }, { code: "wrongType", field: "retentionPolicy.isLocked" }],
            f: [{ code: "wrongType", field: "destination" }],
        });
    });
});
