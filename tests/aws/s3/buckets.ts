// A compliant S3 bucket as a stack sends it at preview (names unknown, settings connected to the
// bucket by property dependencies) or after deployment (connected by literal names), with each of
// its companion resources replaceable or removable, for the S3 stack-policy tests.

import { ResourceInput, unknown } from "../../../tools/lib/analyzer-client";
import { res } from "../../factories";

export const T = {
    bucket: "aws:s3/bucket:Bucket",
    bucketV2: "aws:s3/bucketV2:BucketV2",
    pab: "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
    accountPab: "aws:s3/accountPublicAccessBlock:AccountPublicAccessBlock",
    ownership: "aws:s3/bucketOwnershipControls:BucketOwnershipControls",
    acl: "aws:s3/bucketAcl:BucketAcl",
    aclV2: "aws:s3/bucketAclV2:BucketAclV2",
    sse: "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
    versioning: "aws:s3/bucketVersioning:BucketVersioning",
    logging: "aws:s3/bucketLogging:BucketLogging",
    loggingV2: "aws:s3/bucketLoggingV2:BucketLoggingV2",
    policy: "aws:s3/bucketPolicy:BucketPolicy",
    lock: "aws:s3/bucketObjectLockConfiguration:BucketObjectLockConfiguration",
    replication: "aws:s3/bucketReplicationConfig:BucketReplicationConfig",
    notification: "aws:s3/bucketNotification:BucketNotification",
    lifecycle: "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration",
    lifecycleV2: "aws:s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2",
};

export const ARN = "arn:aws:s3:::phi-data";
export const tlsDeny = {
    Sid: "DenyInsecureTransport",
    Effect: "Deny",
    Principal: "*",
    Action: "s3:*",
    Resource: [ARN, `${ARN}/*`],
    Condition: { Bool: { "aws:SecureTransport": "false" } },
};
export const allFlags = { blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true };

type Companion = "pab" | "ownership" | "sse" | "versioning" | "logging" | "policy" | "replication" | "notification" | "lifecycle";
type Props = Record<string, unknown>;

/**
 * A bucket that passes every S3 control, with its companions. `set` overrides a companion's
 * properties (or, as null, drops it); `bucket` overrides the bucket's own.
 */
export function compliantBucket(name: string, o: { bucket?: Props; set?: Partial<Record<Companion, Props | null>>; literal?: boolean } = {}) {
    const literalName = o.literal ? `${name}-bucket` : undefined;
    const bucket = res(T.bucket, name, { bucket: literalName ?? unknown, arn: o.literal ? `arn:aws:s3:::${literalName}` : unknown, objectLockEnabled: true, ...o.bucket });
    const on: Record<string, ResourceInput[]> = o.literal ? {} : { bucket: [bucket] };
    const ref = literalName ?? unknown;
    const companions: Record<Companion, [string, Props]> = {
        pab: [T.pab, { bucket: ref, ...allFlags }],
        ownership: [T.ownership, { bucket: ref, rule: { objectOwnership: "BucketOwnerEnforced" } }],
        sse: [T.sse, { bucket: ref, rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: unknown }, bucketKeyEnabled: true }] }],
        versioning: [T.versioning, { bucket: ref, versioningConfiguration: { status: "Enabled" } }],
        logging: [T.logging, { bucket: ref, targetBucket: "phi-access-logs", targetPrefix: `${name}/` }],
        policy: [T.policy, { bucket: ref, policy: JSON.stringify({ Version: "2012-10-17", Statement: [tlsDeny] }) }],
        replication: [T.replication, { bucket: ref, role: unknown, rules: [{ id: "all", status: "Enabled", filter: {}, destination: { bucket: "arn:aws:s3:::phi-data-replica" } }] }],
        notification: [T.notification, { bucket: ref, eventbridge: true }],
        lifecycle: [T.lifecycle, { bucket: ref, rules: [{ id: "noncurrent", status: "Enabled", filter: {}, noncurrentVersionExpiration: { noncurrentDays: 2192 } }] }],
    };
    const resources: ResourceInput[] = [bucket];
    for (const [kind, [type, props]] of Object.entries(companions) as [Companion, [string, Props]][]) {
        const override = o.set?.[kind];
        if (override === null) continue;
        const merged = { ...props, ...override };
        for (const [k, v] of Object.entries(merged)) if (v === undefined) delete merged[k];
        resources.push(res(type, `${name}-${kind}`, merged, on));
    }
    return { bucket, urn: bucket.urn!, resources };
}
