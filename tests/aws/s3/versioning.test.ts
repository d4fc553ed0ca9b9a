import { unknown } from "../../../tools/lib/analyzer-client";
import { stackCases, stackPasses, stackUndecided, stackViolates } from "../../cases";
import { res } from "../../factories";
import { compliantBucket, T } from "./buckets";

const policy = "aws-s3-versioning";
const withoutVersioning = compliantBucket("data", { set: { versioning: null } });

stackCases(policy, [
    // A BucketVersioning (V1 or V2 token) or the inline block, at preview and after deployment.
    stackPasses(compliantBucket("data").resources),
    stackPasses(compliantBucket("data", { literal: true }).resources),
    stackPasses([...withoutVersioning.resources, res("aws:s3/bucketVersioningV2:BucketVersioningV2", "v", { bucket: unknown, versioningConfiguration: { status: "Enabled" } }, { bucket: [withoutVersioning.bucket] })]),
    stackPasses(compliantBucket("data", { set: { versioning: null }, bucket: { versioning: [{ enabled: true, mfaDelete: false }] } }).resources),
    // Suspended, disabled and missing versioning.
    stackViolates(compliantBucket("data", { set: { versioning: { versioningConfiguration: { status: "Suspended" } } } }).resources, [{ on: "data", code: "notAllowed", field: "BucketVersioning.versioningConfiguration.status" }]),
    stackViolates(compliantBucket("data", { set: { versioning: null }, bucket: { versioning: { enabled: false } } }).resources, [{ on: "data", code: "notAllowed", field: "versioning.enabled" }]),
    stackViolates(withoutVersioning.resources, [{ on: "data", code: "missingResource" }]),
    // Undecided when the status or the versioned bucket is unknown; garbage is a clean finding.
    stackUndecided(compliantBucket("data", { set: { versioning: { versioningConfiguration: unknown } } }).resources, [{ on: "data", fields: "BucketVersioning.versioningConfiguration.status" }]),
    stackUndecided([...withoutVersioning.resources, res(T.versioning, "v", { bucket: unknown, versioningConfiguration: { status: "Enabled" } })], [{ on: "data", fields: "BucketVersioning.bucket" }]),
    stackViolates(compliantBucket("data", { set: { versioning: { versioningConfiguration: { status: 1 } } } }).resources, [{ on: "data", code: "wrongType" }]),
]);
