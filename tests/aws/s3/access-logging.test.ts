import { secret, unknown } from "../../../tools/lib/analyzer-client";
import { stackCases, stackNotApplicable, stackPasses, stackUndecided, stackViolates } from "../../cases";
import { res } from "../../factories";
import { compliantBucket, T } from "./buckets";

const policy = "aws-s3-access-logging";
const missing = compliantBucket("data", { set: { logging: null } });

// A bucket logging into an in-stack bucket that receives its access logs.
const logged = compliantBucket("data", { set: { logging: { targetBucket: unknown } } });
const logs = res(T.bucket, "access-logs", { bucket: unknown });
logged.resources.find(r => r.type === T.logging)!.propertyDependencies!.targetBucket = [logs.urn!];

stackCases(policy, [
    // A BucketLogging (V1 or V2 token) or the inline block.
    stackPasses(compliantBucket("data").resources),
    stackPasses(compliantBucket("data", { literal: true }).resources),
    stackPasses([...missing.resources, res(T.loggingV2, "l", { bucket: unknown, targetBucket: unknown }, { bucket: [missing.bucket] })]),
    stackPasses(compliantBucket("data", { set: { logging: null }, bucket: { logging: [{ targetBucket: "logs", targetPrefix: "" }] } }).resources),
    // A missing BucketLogging, an empty target, and a deployed bucket whose inline block reads back empty.
    stackViolates(missing.resources, [{ on: "data", code: "missingResource" }]),
    stackViolates(compliantBucket("data", { set: { logging: { targetBucket: "" } } }).resources, [{ on: "data", code: "notSet", field: "BucketLogging.targetBucket" }]),
    stackViolates(compliantBucket("data", { literal: true, set: { logging: null }, bucket: { logging: { targetBucket: "" } } }).resources, [{ on: "data", code: "notSet", field: "logging.targetBucket" }]),
    // The bucket that receives access logs is exempt (the bucket logging into it passes), unless exemptLogTargets is false.
    stackNotApplicable([...logged.resources, logs], /receives server access logs/, undefined, "access-logs"),
    stackViolates([...logged.resources, logs], [{ on: "access-logs", code: "missingResource" }], { exemptLogTargets: false }),
    // Undecided on unknown inline logging or an unconnected BucketLogging; garbage is a clean finding.
    stackUndecided(compliantBucket("data", { set: { logging: null }, bucket: { logging: unknown } }).resources, [{ on: "data", fields: "logging" }]),
    stackUndecided([...missing.resources, res(T.logging, "l", { bucket: unknown, targetBucket: "x" })], [{ on: "data", fields: "BucketLogging.bucket" }]),
    stackPasses(compliantBucket("data", { set: { logging: { targetBucket: secret("SECRET") } } }).resources),
    stackViolates(compliantBucket("data", { set: { logging: { targetBucket: ["SECRET"] } } }).resources, [{ on: "data", code: "wrongType" }]),
]);
