import * as assert from "assert";
import { secret, unknown } from "../../../tools/lib/analyzer-client";
import { redshiftCluster } from "../../factories";
import { usePack } from "../../pack";
import { res, verdict } from "../../stacks";

const policy = "aws-redshift-audit-logging";
const LOGGING = "aws:redshift/logging:Logging";

const cluster = res(redshiftCluster().type, "phi-warehouse", redshiftCluster().props);
const on = { clusterIdentifier: [cluster] };
const cloudwatch = { clusterIdentifier: unknown, logDestinationType: "cloudwatch", logExports: ["connectionlog", "userlog", "useractivitylog"] };

describe(policy, () => {
    const pack = usePack();

    it("passes a cluster with an aws.redshift.Logging to CloudWatch or S3, by dependency or by literal identifier", async () => {
        assert.deepStrictEqual(await verdict(pack, policy, [cluster, res(LOGGING, "audit", cloudwatch, on)]), { violations: [], undecided: [] });
        assert.deepStrictEqual(await verdict(pack, policy, [cluster, res(LOGGING, "audit", { clusterIdentifier: unknown, logDestinationType: "s3", bucketName: unknown }, on)]), { violations: [], undecided: [] });
        // logDestinationType omitted: the S3 delivery of older programs.
        assert.deepStrictEqual(await verdict(pack, policy, [cluster, res(LOGGING, "audit", { clusterIdentifier: "phi-warehouse", bucketName: "phi-audit" })]), { violations: [], undecided: [] });
    });

    it("reports a cluster with no Logging, or one that delivers nothing, on the cluster", async () => {
        assert.deepStrictEqual(await verdict(pack, policy, [cluster]), { violations: [{ urn: cluster.urn!, code: "missingResource" }], undecided: [] });
        assert.deepStrictEqual(await verdict(pack, policy, [cluster, res(LOGGING, "other", { clusterIdentifier: "another-cluster", bucketName: "b" })]), { violations: [{ urn: cluster.urn!, code: "missingResource" }], undecided: [] });
        assert.deepStrictEqual(await verdict(pack, policy, [cluster, res(LOGGING, "audit", { ...cloudwatch, logExports: [] }, on)]), { violations: [{ urn: cluster.urn!, code: "noLogExports" }], undecided: [] });
        assert.deepStrictEqual(await verdict(pack, policy, [cluster, res(LOGGING, "audit", { clusterIdentifier: unknown, logDestinationType: "s3" }, on)]), { violations: [{ urn: cluster.urn!, code: "noBucket" }], undecided: [] });
        assert.deepStrictEqual(await verdict(pack, policy, [cluster, res(LOGGING, "audit", { ...cloudwatch, logDestinationType: 5 }, on)]), { violations: [{ urn: cluster.urn!, code: "wrongType" }], undecided: [] });
    });

    it("is undecided when a Logging's cluster or exports are unknown at preview", async () => {
        assert.deepStrictEqual(await verdict(pack, policy, [cluster, res(LOGGING, "audit", cloudwatch)]), { violations: [], undecided: [cluster.urn!] });
        assert.deepStrictEqual(await verdict(pack, policy, [cluster, res(LOGGING, "audit", { ...cloudwatch, logExports: unknown }, on)]), { violations: [], undecided: [cluster.urn!] });
    });

    it("survives garbage without echoing secrets", async () => {
        const v = await verdict(pack, policy, [cluster, res(LOGGING, "audit", { clusterIdentifier: unknown, logDestinationType: secret("SECRET"), bucketName: { SECRET: 1 } }, on)]);
        assert.deepStrictEqual(v.undecided, []);
    });
});
