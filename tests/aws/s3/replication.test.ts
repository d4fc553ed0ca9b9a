import { unknown } from "../../../tools/lib/analyzer-client";
import { usePack } from "../../pack";
import { compliantBucket, T } from "./buckets";
import { assertNotApplicable, assertPasses, assertUndecided, assertViolates, res, runStack } from "../../stack-cases";

const policy = "aws-s3-replication";
const rule = (status: unknown, destination: unknown = "arn:aws:s3:::replica") => ({ rules: [{ id: "r", status, destination: { bucket: destination } }] });

describe(policy, () => {
    const pack = usePack();
    const run = (resources: Parameters<typeof runStack>[2], knobs?: Record<string, unknown>) => runStack(pack, policy, resources, knobs);

    it("passes an enabled rule on a BucketReplicationConfig or the inline block", async () => {
        assertPasses(await run(compliantBucket("data").resources));
        assertPasses(await run(compliantBucket("data", { literal: true }).resources));
        assertPasses(await run(compliantBucket("data", { set: { replication: null }, bucket: { replicationConfiguration: [{ role: "r", rules: [{ status: "Enabled", destination: [{ bucket: "arn:aws:s3:::replica" }] }] }] } }).resources));
    });

    it("reports no enabled rule, and no replication at all", async () => {
        const disabled = compliantBucket("data", { set: { replication: rule("Disabled") } });
        assertViolates(await run(disabled.resources), disabled.urn, { code: "noEnabledRule", field: "BucketReplicationConfig.rules[].status" });
        const missing = compliantBucket("data", { set: { replication: null } });
        assertViolates(await run(missing.resources), missing.urn, { code: "missingResource" });
        const deployed = compliantBucket("data", { literal: true, set: { replication: null }, bucket: { replicationConfiguration: [] } });
        assertViolates(await run(deployed.resources), deployed.urn, { code: "missingResource" });
    });

    it("exempts the in-stack replica (by dependency or ARN) unless exemptReplicaDestinations is false", async () => {
        const replica = res(T.bucket, "replica", { bucket: unknown, arn: unknown });
        const data = compliantBucket("data", { set: { replication: rule("Enabled", unknown) } });
        data.resources.find(r => r.type === T.replication)!.propertyDependencies!.rules = [replica.urn!];
        const r = await run([...data.resources, replica]);
        assertNotApplicable(r, replica.urn!, /destination of an in-stack replication/);
        assertViolates(await run([...data.resources, replica], { exemptReplicaDestinations: false }), replica.urn!, { code: "missingResource" });
        const literal = res(T.bucket, "replica", { bucket: "replica", arn: "arn:aws:s3:::replica" });
        assertNotApplicable(await run([...compliantBucket("data", { set: { replication: rule("Enabled") } }).resources, literal]), literal.urn!, /destination/);
    });

    it("is undecided on an unknown status or an unconnected configuration", async () => {
        const u = compliantBucket("data", { set: { replication: rule(unknown) } });
        assertUndecided(await run(u.resources), u.urn, "BucketReplicationConfig.rules[].status");
        const missing = compliantBucket("data", { set: { replication: null } });
        assertUndecided(await run([...missing.resources, res(T.replication, "r", { bucket: unknown, ...rule("Enabled") })]), missing.urn, "BucketReplicationConfig.bucket");
        const g = compliantBucket("data", { set: { replication: { rules: "SECRET" } } });
        assertViolates(await run(g.resources), g.urn, { code: "noEnabledRule" });
    });
});
