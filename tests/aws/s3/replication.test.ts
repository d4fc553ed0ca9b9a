import { unknown } from "../../../tools/lib/analyzer-client";
import { stackCases, stackNotApplicable, stackPasses, stackUndecided, stackViolates } from "../../cases";
import { res } from "../../factories";
import { compliantBucket, T } from "./buckets";

const policy = "aws-s3-replication";
const rule = (status: unknown, destination: unknown = "arn:aws:s3:::replica") => ({ rules: [{ id: "r", status, destination: { bucket: destination } }] });
const missing = compliantBucket("data", { set: { replication: null } });

// A bucket replicating into an in-stack replica, by dependency.
const replica = res(T.bucket, "replica", { bucket: unknown, arn: unknown });
const replicated = compliantBucket("data", { set: { replication: rule("Enabled", unknown) } });
replicated.resources.find(r => r.type === T.replication)!.propertyDependencies!.rules = [replica.urn!];

stackCases(policy, [
    // An enabled rule on a BucketReplicationConfig or the inline block.
    stackPasses(compliantBucket("data").resources),
    stackPasses(compliantBucket("data", { literal: true }).resources),
    stackPasses(compliantBucket("data", { set: { replication: null }, bucket: { replicationConfiguration: [{ role: "r", rules: [{ status: "Enabled", destination: [{ bucket: "arn:aws:s3:::replica" }] }] }] } }).resources),
    // No enabled rule, and no replication at all.
    stackViolates(compliantBucket("data", { set: { replication: rule("Disabled") } }).resources, [{ on: "data", code: "noEnabledRule", field: "BucketReplicationConfig.rules[].status" }]),
    stackViolates(missing.resources, [{ on: "data", code: "missingResource" }]),
    stackViolates(compliantBucket("data", { literal: true, set: { replication: null }, bucket: { replicationConfiguration: [] } }).resources, [{ on: "data", code: "missingResource" }]),
    // The in-stack replica (by dependency or ARN) is exempt unless exemptReplicaDestinations is false.
    stackNotApplicable([...replicated.resources, replica], /destination of an in-stack replication/, undefined, "replica"),
    stackViolates([...replicated.resources, replica], [{ on: "replica", code: "missingResource" }], { exemptReplicaDestinations: false }),
    stackNotApplicable([...compliantBucket("data", { set: { replication: rule("Enabled") } }).resources, res(T.bucket, "replica", { bucket: "replica", arn: "arn:aws:s3:::replica" })], /destination/, undefined, "replica"),
    // Undecided on an unknown status or an unconnected configuration; garbage is a clean finding.
    stackUndecided(compliantBucket("data", { set: { replication: rule(unknown) } }).resources, [{ on: "data", fields: "BucketReplicationConfig.rules[].status" }]),
    stackUndecided([...missing.resources, res(T.replication, "r", { bucket: unknown, ...rule("Enabled") })], [{ on: "data", fields: "BucketReplicationConfig.bucket" }]),
    stackViolates(compliantBucket("data", { set: { replication: { rules: "SECRET" } } }).resources, [{ on: "data", code: "noEnabledRule" }]),
]);
