import { unknown } from "../../../tools/lib/analyzer-client";
import { stackCases, stackNotApplicable, stackPasses, stackUndecided, stackViolates } from "../../cases";
import { res } from "../../factories";
import { compliantBucket, T } from "./buckets";

const policy = "aws-s3-version-lifecycle";
const rules = (rule: Record<string, unknown>) => ({ rules: [{ id: "r", status: "Enabled", filter: {}, ...rule }] });
const missing = compliantBucket("data", { set: { lifecycle: null } });

stackCases(policy, [
    // An enabled noncurrent-version expiry or transition, on the resource (V1 or V2 token) or the inline rules.
    stackPasses(compliantBucket("data").resources),
    stackPasses(compliantBucket("data", { literal: true, set: { lifecycle: rules({ noncurrentVersionTransitions: [{ noncurrentDays: 30, storageClass: "GLACIER" }] }) } }).resources),
    stackPasses([...missing.resources, res(T.lifecycleV2, "l", { bucket: unknown, ...rules({ noncurrentVersionExpiration: { noncurrentDays: 90 } }) }, { bucket: [missing.bucket] })]),
    stackPasses(compliantBucket("data", { set: { lifecycle: null }, bucket: { lifecycleRules: [{ enabled: true, noncurrentVersionExpiration: { days: 90 } }] } }).resources),
    // Does not apply to an unversioned bucket; undecided when versioning is.
    stackNotApplicable(compliantBucket("data", { set: { versioning: null, lifecycle: null } }).resources, /does not keep object versions/, undefined, "data"),
    stackUndecided(compliantBucket("data", { set: { versioning: { versioningConfiguration: { status: unknown } }, lifecycle: null } }).resources, [{ on: "data", fields: "BucketVersioning.versioningConfiguration.status" }]),
    // Rules that are disabled or act only on current versions, and no lifecycle at all.
    stackViolates(compliantBucket("data", { set: { lifecycle: { rules: [{ id: "r", status: "Enabled", expiration: { days: 30 } }] } } }).resources, [{ on: "data", code: "noNoncurrentRule", field: "BucketLifecycleConfiguration.rules" }]),
    stackViolates(compliantBucket("data", { set: { lifecycle: rules({ status: "Disabled", noncurrentVersionExpiration: { noncurrentDays: 1 } }) } }).resources, [{ on: "data", code: "noNoncurrentRule" }]),
    stackViolates(compliantBucket("data", { set: { lifecycle: null }, bucket: { lifecycleRules: [{ enabled: false, noncurrentVersionExpiration: { days: 90 } }] } }).resources, [{ on: "data", code: "noNoncurrentRule", field: "lifecycleRules" }]),
    stackViolates(missing.resources, [{ on: "data", code: "missingResource" }]),
    // Undecided on an unknown status or rule; garbage is a clean finding.
    stackUndecided(compliantBucket("data", { set: { lifecycle: rules({ status: unknown, noncurrentVersionExpiration: { noncurrentDays: 1 } }) } }).resources, [{ on: "data", fields: "BucketLifecycleConfiguration.rules[].status" }]),
    stackUndecided(compliantBucket("data", { set: { lifecycle: rules({ noncurrentVersionExpiration: unknown }) } }).resources, [{ on: "data", fields: "BucketLifecycleConfiguration.rules[].noncurrentVersionExpiration" }]),
    stackViolates(compliantBucket("data", { set: { lifecycle: { rules: ["SECRET", null] } } }).resources, [{ on: "data", code: "noNoncurrentRule" }]),
]);
