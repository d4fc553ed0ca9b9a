import * as assert from "assert";
import { ResourceInput, secret, unknown } from "../../../tools/lib/analyzer-client";
import { rdsCluster, rdsClusterInstance } from "../../factories";
import { usePack } from "../../pack";
import { res, verdict } from "../../stacks";

const policy = "aws-rds-cluster-multi-az";
const aurora = res(rdsCluster().type, "phi-aurora", { ...rdsCluster().props, clusterIdentifier: "phi-aurora" });
const on = { clusterIdentifier: [aurora] };
const member = (name: string, props: Record<string, unknown> = {}, deps: Record<string, ResourceInput[]> = on) =>
    res(rdsClusterInstance().type, name, { ...rdsClusterInstance().props, ...props }, deps);
const clean = { violations: [], undecided: [] };

describe(policy, () => {
    const pack = usePack();

    it("passes an Aurora cluster with two instances (by dependency or identifier) and a Multi-AZ DB cluster", async () => {
        assert.deepStrictEqual(await verdict(pack, policy, [aurora, member("a"), member("b")]), clean);
        assert.deepStrictEqual(await verdict(pack, policy, [aurora, member("a", { availabilityZone: "us-east-1a" }), member("b", { clusterIdentifier: "phi-aurora", availabilityZone: "us-east-1b" }, {})]), clean);
        const multiAz = res(rdsCluster().type, "phi-maz", { ...rdsCluster().props, engine: "postgres", dbClusterInstanceClass: "db.m6gd.large", storageType: "io1", allocatedStorage: 100, iops: 1000 });
        assert.deepStrictEqual(await verdict(pack, policy, [multiAz]), clean);
    });

    it("reports a single-instance Aurora cluster, instances in one zone and a mysql/postgres cluster without an instance class", async () => {
        assert.deepStrictEqual(await verdict(pack, policy, [aurora, member("a")]), { violations: [{ urn: aurora.urn!, code: "tooFewInstances" }], undecided: [] });
        assert.deepStrictEqual(await verdict(pack, policy, [aurora]), { violations: [{ urn: aurora.urn!, code: "tooFewInstances" }], undecided: [] });
        // availabilityZones on the cluster are storage zones, not replicas.
        const padded = { ...aurora, props: { ...aurora.props, availabilityZones: ["us-east-1a", "us-east-1b", "us-east-1c"] } };
        assert.deepStrictEqual(await verdict(pack, policy, [padded, member("a")]), { violations: [{ urn: aurora.urn!, code: "tooFewInstances" }], undecided: [] });
        assert.deepStrictEqual(await verdict(pack, policy, [aurora, member("a", { availabilityZone: "us-east-1a" }), member("b", { availabilityZone: "us-east-1a" })]), { violations: [{ urn: aurora.urn!, code: "sameAvailabilityZone" }], undecided: [] });
        const bare = res(rdsCluster().type, "phi-maz", { ...rdsCluster().props, engine: "mysql" });
        assert.deepStrictEqual(await verdict(pack, policy, [bare]), { violations: [{ urn: bare.urn!, code: "notSet" }], undecided: [] });
    });

    it("uses minimumInstances", async () => {
        assert.deepStrictEqual((await verdict(pack, policy, [aurora, member("a"), member("b")], { minimumInstances: 3 })).violations.map(v => v.code), ["tooFewInstances"]);
        assert.deepStrictEqual(await verdict(pack, policy, [aurora, member("a"), member("b"), member("c")], { minimumInstances: 3 }), clean);
    });

    it("is undecided when an instance's cluster or the engine is unknown at preview", async () => {
        assert.deepStrictEqual(await verdict(pack, policy, [aurora, member("a"), member("b", {}, {})]), { violations: [], undecided: [aurora.urn!] });
        const unknownEngine = { ...aurora, props: { ...aurora.props, engine: unknown } };
        assert.deepStrictEqual(await verdict(pack, policy, [unknownEngine]), { violations: [], undecided: [aurora.urn!] });
    });

    it("survives garbage without echoing secrets", async () => {
        const v = await verdict(pack, policy, [aurora, member("a", { availabilityZone: secret("SECRET") }), member("b", { availabilityZone: { SECRET: 1 } })]);
        assert.deepStrictEqual(v, clean);
    });
});
