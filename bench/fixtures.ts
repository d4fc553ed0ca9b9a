// Resources for the benchmark: a realistic mix in which most resources are of types the pack does
// not check (as in real stacks) and the rest are the types it checks, with some values unknown as
// at preview, and with the property dependencies the engine sends, so stack policies follow real
// references (a trail to its bucket and log group, a flow log to its VPC). The workload is
// compliant, as a stack that has adopted the pack is: only one cache (badCache), the GCP subnet and
// the crypto key break resource policies, and AnalyzeStack answers without findings.

import { ResourceInput, unknown, urnOf } from "../tools/lib/analyzer-client";

type Template = { type: string; props: Record<string, unknown>; deps?: Record<string, string> };

/** One small PHI workload; `deps` maps a property to the key of the resource it refers to. */
const workload: Record<string, Template> = {
    vpc: { type: "aws:ec2/vpc:Vpc", props: { cidrBlock: "10.0.0.0/16", enableDnsHostnames: true } },
    defaultSg: { type: "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup", props: { vpcId: unknown, ingress: [], egress: [] }, deps: { vpcId: "vpc" } },
    subnet: { type: "aws:ec2/subnet:Subnet", props: { vpcId: unknown, cidrBlock: "10.0.1.0/24", availabilityZone: "us-east-1a" }, deps: { vpcId: "vpc" } },
    sg: { type: "aws:ec2/securityGroup:SecurityGroup", props: { vpcId: unknown, ingress: [{ fromPort: 6379, toPort: 6379, protocol: "tcp", cidrBlocks: ["10.0.1.0/24"] }] }, deps: { vpcId: "vpc" } },
    role: { type: "aws:iam/role:Role", props: { assumeRolePolicy: "{\"Version\":\"2012-10-17\"}", tags: { team: "phi" } } },
    key: { type: "aws:kms/key:Key", props: { enableKeyRotation: true, description: "phi" } },
    flowGroup: { type: "aws:cloudwatch/logGroup:LogGroup", props: { retentionInDays: 2192, kmsKeyId: unknown }, deps: { kmsKeyId: "key" } },
    flowLog: { type: "aws:ec2/flowLog:FlowLog", props: { vpcId: unknown, trafficType: "ALL", logDestination: unknown, iamRoleArn: unknown }, deps: { vpcId: "vpc", logDestination: "flowGroup", iamRoleArn: "role" } },
    cache: {
        type: "aws:elasticache/replicationGroup:ReplicationGroup",
        props: {
            description: "phi", engine: "redis", engineVersion: "7.1", transitEncryptionEnabled: true, transitEncryptionMode: "required",
            atRestEncryptionEnabled: true, kmsKeyId: unknown, automaticFailoverEnabled: true, multiAzEnabled: true, numCacheClusters: 2,
            snapshotRetentionLimit: 35, authToken: unknown, securityGroupIds: [unknown],
        },
        deps: { kmsKeyId: "key", securityGroupIds: "sg" },
    },
    badCache: { type: "aws:elasticache/replicationGroup:ReplicationGroup", props: { description: "bad", engineVersion: "3.2.10", transitEncryptionMode: "preferred", numCacheClusters: 1 } },
    bucket: { type: "aws:s3/bucket:Bucket", props: { forceDestroy: false, objectLockEnabled: true } },
    ownership: { type: "aws:s3/bucketOwnershipControls:BucketOwnershipControls", props: { bucket: unknown, rule: { objectOwnership: "BucketOwnerEnforced" } }, deps: { bucket: "bucket" } },
    bucketLogging: { type: "aws:s3/bucketLogging:BucketLogging", props: { bucket: unknown, targetBucket: "phi-access-logs", targetPrefix: "data/" }, deps: { bucket: "bucket" } },
    bucketPolicy: {
        type: "aws:s3/bucketPolicy:BucketPolicy",
        props: {
            bucket: unknown,
            policy: JSON.stringify({
                Version: "2012-10-17",
                Statement: [{ Effect: "Deny", Principal: "*", Action: "s3:*", Resource: ["arn:aws:s3:::phi-data", "arn:aws:s3:::phi-data/*"], Condition: { Bool: { "aws:SecureTransport": "false" } } }],
            }),
        },
        deps: { bucket: "bucket" },
    },
    replication: {
        type: "aws:s3/bucketReplicationConfig:BucketReplicationConfig",
        props: { bucket: unknown, role: unknown, rules: [{ id: "all", status: "Enabled", filter: {}, destination: { bucket: "arn:aws:s3:::phi-data-replica" } }] },
        deps: { bucket: "bucket", role: "role" },
    },
    notification: { type: "aws:s3/bucketNotification:BucketNotification", props: { bucket: unknown, eventbridge: true }, deps: { bucket: "bucket" } },
    lifecycle: {
        type: "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration",
        props: { bucket: unknown, rules: [{ id: "noncurrent", status: "Enabled", filter: {}, noncurrentVersionExpiration: { noncurrentDays: 2192 } }] },
        deps: { bucket: "bucket" },
    },
    pab: { type: "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", props: { bucket: unknown, blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true }, deps: { bucket: "bucket" } },
    sse: { type: "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration", props: { bucket: unknown, rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: unknown } }] }, deps: { bucket: "bucket" } },
    versioning: { type: "aws:s3/bucketVersioning:BucketVersioning", props: { bucket: unknown, versioningConfiguration: { status: "Enabled" } }, deps: { bucket: "bucket" } },
    trailGroup: { type: "aws:cloudwatch/logGroup:LogGroup", props: { retentionInDays: 2192, kmsKeyId: unknown }, deps: { kmsKeyId: "key" } },
    trail: {
        type: "aws:cloudtrail/trail:Trail",
        props: {
            s3BucketName: unknown, isMultiRegionTrail: true, enableLogFileValidation: true, kmsKeyId: unknown, cloudWatchLogsGroupArn: unknown, cloudWatchLogsRoleArn: unknown,
            eventSelectors: [{ readWriteType: "All", includeManagementEvents: true, dataResources: [{ type: "AWS::S3::Object", values: ["arn:aws:s3"] }] }],
        },
        deps: { s3BucketName: "bucket", kmsKeyId: "key", cloudWatchLogsGroupArn: "trailGroup", cloudWatchLogsRoleArn: "role" },
    },
    lambda: { type: "aws:lambda/function:Function", props: { runtime: "nodejs20.x", handler: "index.handler", role: unknown, environment: { variables: { A: "b" } } }, deps: { role: "role" } },
    network: { type: "gcp:compute/network:Network", props: { autoCreateSubnetworks: false } },
    dnsPolicy: { type: "gcp:dns/policy:Policy", props: { enableLogging: true, networks: [{ networkUrl: unknown }] }, deps: { networks: "network" } },
    gsubnet: { type: "gcp:compute/subnetwork:Subnetwork", props: { network: unknown, ipCidrRange: "10.1.0.0/24", region: "us-central1", privateIpGoogleAccess: true }, deps: { network: "network" } },
    cryptoKey: { type: "gcp:kms/cryptoKey:CryptoKey", props: { keyRing: unknown, rotationPeriod: "7776000s" } },
    vm: {
        type: "gcp:compute/instance:Instance",
        props: {
            machineType: "e2-standard-2", zone: "us-central1-a",
            bootDisk: { kmsKeySelfLink: unknown, initializeParams: { image: "debian-cloud/debian-12" } },
            networkInterfaces: [{ subnetwork: unknown }],
            shieldedInstanceConfig: { enableSecureBoot: true, enableVtpm: true, enableIntegrityMonitoring: true },
            metadata: { "enable-oslogin": "TRUE", "block-project-ssh-keys": "TRUE" },
            serviceAccount: { email: unknown, scopes: ["https://www.googleapis.com/auth/logging.write"] },
        },
        deps: { "bootDisk": "cryptoKey" },
    },
    redis: {
        type: "gcp:redis/instance:Instance",
        props: { memorySizeGb: 1, tier: "STANDARD_HA", authEnabled: true, transitEncryptionMode: "SERVER_AUTHENTICATION", customerManagedKey: unknown, persistenceConfig: { persistenceMode: "RDB", rdbSnapshotPeriod: "TWENTY_FOUR_HOURS" } },
        deps: { customerManagedKey: "cryptoKey" },
    },
    logBucket: { type: "gcp:logging/projectBucketConfig:ProjectBucketConfig", props: { project: "phi", location: "global", bucketId: "phi-audit", retentionDays: 2192 } },
    sa: { type: "gcp:serviceaccount/account:Account", props: { accountId: "app", displayName: "app" } },
};

/** `count` resources: copies of the workload with their own URNs and property dependencies. */
export function benchResources(count: number): ResourceInput[] {
    const keys = Object.keys(workload);
    const out: ResourceInput[] = [];
    for (let copy = 0; out.length < count; copy++) {
        const urns = Object.fromEntries(keys.map(k => [k, urnOf(workload[k].type, `${k}-${copy}`)]));
        for (const key of keys) {
            if (out.length >= count) break;
            const t = workload[key];
            out.push({
                type: t.type,
                name: `${key}-${copy}`,
                urn: urns[key],
                props: t.props,
                propertyDependencies: Object.fromEntries(Object.entries(t.deps ?? {}).map(([prop, target]) => [prop, [urns[target]]])),
            });
        }
    }
    return out;
}

/** How many of the resources are of a type some policy checks. */
export function checkedShare(resources: ResourceInput[], checkedTypes: ReadonlySet<string>): number {
    return resources.filter(r => checkedTypes.has(r.type)).length / resources.length;
}
