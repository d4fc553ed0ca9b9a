import { secret, unknown } from "../../../tools/lib/analyzer-client";
import { stackCases, stackPasses, stackUndecided, stackViolates } from "../../cases";
import { res } from "../../factories";
import { compliantBucket, T } from "./buckets";

const policy = "aws-s3-object-lock";
const lockOmitted = compliantBucket("data", { bucket: { objectLockEnabled: undefined } });
const lockOff = compliantBucket("data", { bucket: { objectLockEnabled: false } });

stackCases(policy, [
    // objectLockEnabled, an Object Lock configuration (whose objectLockEnabled defaults to Enabled), or the inline block.
    stackPasses(compliantBucket("data").resources),
    stackPasses([...lockOmitted.resources, res(T.lock, "lock", { bucket: unknown, rule: { defaultRetention: { mode: "GOVERNANCE", days: 30 } } }, { bucket: [lockOmitted.bucket] })]),
    stackPasses(compliantBucket("data", { literal: true, bucket: { objectLockEnabled: false, objectLockConfiguration: [{ objectLockEnabled: "Enabled", rule: [] }] } }).resources),
    // Without Object Lock, omitted or false, and a deployed bucket whose inline block reads back empty.
    stackViolates(lockOmitted.resources, [{ on: "data", code: "absentDefault", field: "objectLockEnabled" }]),
    stackViolates(lockOff.resources, [{ on: "data", code: "notAllowed", field: "objectLockEnabled" }]),
    stackViolates(compliantBucket("data", { literal: true, bucket: { objectLockEnabled: false, objectLockConfiguration: [] } }).resources, [{ on: "data", code: "notAllowed", field: "objectLockEnabled" }]),
    // Undecided when the flag or an unconnected configuration is unknown; garbage is a clean finding.
    stackUndecided(compliantBucket("data", { bucket: { objectLockEnabled: unknown } }).resources, [{ on: "data", fields: "objectLockEnabled" }]),
    stackUndecided([...lockOff.resources, res(T.lock, "lock", { bucket: unknown })], [{ on: "data", fields: "BucketObjectLockConfiguration.bucket" }]),
    stackViolates(compliantBucket("data", { bucket: { objectLockEnabled: "SECRET", objectLockConfiguration: secret({ SECRET: 1 }) } }).resources, [{ on: "data", code: "wrongType", field: "objectLockEnabled" }]),
]);
