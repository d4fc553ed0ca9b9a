import { unknown } from "../../../tools/lib/analyzer-client";
import { usePack } from "../../pack";
import { compliantBucket, T } from "./buckets";
import { assertPasses, assertUndecided, assertViolates, res, runStack } from "../../stack-cases";

const policy = "aws-s3-default-encryption-kms";
const rules = (sseAlgorithm: unknown) => ({ rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm } }] });

describe(policy, () => {
    const pack = usePack();
    const run = (resources: Parameters<typeof runStack>[2]) => runStack(pack, policy, resources);

    it("passes aws:kms and aws:kms:dsse, on the configuration resource (V1 or V2 token) or the inline block", async () => {
        assertPasses(await run(compliantBucket("data").resources));
        assertPasses(await run(compliantBucket("data", { literal: true, set: { sse: rules("aws:kms:dsse") } }).resources));
        const b = compliantBucket("data", { set: { sse: null } });
        const v2 = res("aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2", "sse", { bucket: unknown, ...rules("aws:kms") }, { bucket: [b.bucket] });
        assertPasses(await run([...b.resources, v2]));
        const inline = compliantBucket("data", { set: { sse: null }, bucket: { serverSideEncryptionConfiguration: [{ rule: [{ applyServerSideEncryptionByDefault: [{ sseAlgorithm: "aws:kms", kmsMasterKeyId: "" }] }] }] } });
        assertPasses(await run(inline.resources));
    });

    it("reports SSE-S3 (AES256, also what a deployed bucket reads back by default) and a missing configuration", async () => {
        const aes = compliantBucket("data", { set: { sse: rules("AES256") } });
        assertViolates(await run(aes.resources), aes.urn, { code: "notAllowed", field: "BucketServerSideEncryptionConfiguration.rules[].applyServerSideEncryptionByDefault.sseAlgorithm" });
        const deployed = compliantBucket("data", { literal: true, set: { sse: null }, bucket: { serverSideEncryptionConfiguration: [{ rule: [{ applyServerSideEncryptionByDefault: [{ sseAlgorithm: "AES256", kmsMasterKeyId: "" }] }] }] } });
        assertViolates(await run(deployed.resources), deployed.urn, { code: "notAllowed" });
        const missing = compliantBucket("data", { set: { sse: null } });
        assertViolates(await run(missing.resources), missing.urn, { code: "missingResource" });
        const other = compliantBucket("other");
        assertViolates(await run([...other.resources, ...missing.resources]), missing.urn, { code: "missingResource" });
    });

    it("is undecided on an unknown algorithm or an unconnected configuration, and survives garbage", async () => {
        const u = compliantBucket("data", { set: { sse: rules(unknown) } });
        assertUndecided(await run(u.resources), u.urn, "BucketServerSideEncryptionConfiguration.rules[].applyServerSideEncryptionByDefault.sseAlgorithm");
        const missing = compliantBucket("data", { set: { sse: null } });
        assertUndecided(await run([...missing.resources, res(T.sse, "floating", { bucket: unknown, ...rules("aws:kms") })]), missing.urn, "BucketServerSideEncryptionConfiguration.bucket");
        const g = compliantBucket("data", { set: { sse: rules("SECRET-key-material") } });
        assertViolates(await run(g.resources), g.urn, { code: "unrecognised" });
    });
});
