import { unknown } from "../../../tools/lib/analyzer-client";
import { stackCases, stackPasses, stackUndecided, stackViolates } from "../../cases";
import { res } from "../../factories";
import { compliantBucket, T } from "./buckets";

const policy = "aws-s3-default-encryption-kms";
const rules = (sseAlgorithm: unknown) => ({ rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm } }] });
const missing = compliantBucket("data", { set: { sse: null } });

stackCases(policy, [
    // aws:kms and aws:kms:dsse, on the configuration resource (V1 or V2 token) or the inline block.
    stackPasses(compliantBucket("data").resources),
    stackPasses(compliantBucket("data", { literal: true, set: { sse: rules("aws:kms:dsse") } }).resources),
    stackPasses([...missing.resources, res("aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2", "sse", { bucket: unknown, ...rules("aws:kms") }, { bucket: [missing.bucket] })]),
    stackPasses(compliantBucket("data", { set: { sse: null }, bucket: { serverSideEncryptionConfiguration: [{ rule: [{ applyServerSideEncryptionByDefault: [{ sseAlgorithm: "aws:kms", kmsMasterKeyId: "" }] }] }] } }).resources),
    // SSE-S3 (AES256, also what a deployed bucket reads back by default) and a missing configuration.
    stackViolates(compliantBucket("data", { set: { sse: rules("AES256") } }).resources, [{ on: "data", code: "notAllowed", field: "BucketServerSideEncryptionConfiguration.rules[].applyServerSideEncryptionByDefault.sseAlgorithm" }]),
    stackViolates(compliantBucket("data", { literal: true, set: { sse: null }, bucket: { serverSideEncryptionConfiguration: [{ rule: [{ applyServerSideEncryptionByDefault: [{ sseAlgorithm: "AES256", kmsMasterKeyId: "" }] }] }] } }).resources, [{ on: "data", code: "notAllowed" }]),
    stackViolates(missing.resources, [{ on: "data", code: "missingResource" }]),
    stackViolates([...compliantBucket("other").resources, ...missing.resources], [{ on: "data", code: "missingResource" }]),
    // Undecided on an unknown algorithm or an unconnected configuration; garbage is a clean finding.
    stackUndecided(compliantBucket("data", { set: { sse: rules(unknown) } }).resources, [{ on: "data", fields: "BucketServerSideEncryptionConfiguration.rules[].applyServerSideEncryptionByDefault.sseAlgorithm" }]),
    stackUndecided([...missing.resources, res(T.sse, "floating", { bucket: unknown, ...rules("aws:kms") })], [{ on: "data", fields: "BucketServerSideEncryptionConfiguration.bucket" }]),
    stackViolates(compliantBucket("data", { set: { sse: rules("SECRET-key-material") } }).resources, [{ on: "data", code: "unrecognised" }]),
]);
