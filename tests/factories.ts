// One compliant resource per type the pack checks: each test starts from it and changes only what
// the case is about, so a case's properties say exactly what it tests.

import { ResourceInput, secret, unknown, urnOf } from "../tools/lib/analyzer-client";

type Props = Record<string, unknown>;

/** A factory: the compliant resource, with `changes` applied (`undefined` removes a property). */
export type Factory = (changes?: Props) => ResourceInput;

function factory(type: string, name: string, compliant: Props): Factory {
    return (changes = {}) => {
        const props: Props = { ...compliant };
        for (const [key, value] of Object.entries(changes)) {
            if (value === undefined) delete props[key];
            else props[key] = value;
        }
        const resource: ResourceInput = { type, name, props };
        // What the case changed, for its test title (not sent anywhere).
        Object.defineProperty(resource, "changes", { value: changes, enumerable: false });
        return resource;
    };
}

export const KMS_KEY_ARN = "arn:aws:kms:us-east-1:111122223333:key/abcd";
export const GCP_KMS_KEY = "projects/phi/locations/us-central1/keyRings/phi/cryptoKeys/phi";
export const AUTH_TOKEN = "tok-SECRET-do-not-echo-8d1f";
export const GCP_APP_SA = "phi-app@phi-prod.iam.gserviceaccount.com";
export const GCP_DEFAULT_SA = "123456789012-compute@developer.gserviceaccount.com";
/** Customer-supplied key material (base64, as the provider takes it): never echoed, not even described. */
export const GCP_RAW_KEY = "SGlQQUEtcmF3LWtleS1TRUNSRVQtZG8tbm90LWVjaG8=";
export const GCP_RSA_KEY = "UlNBLXdyYXBwZWQtU0VDUkVULWRvLW5vdC1lY2hv";

// --- AWS ---------------------------------------------------------------------------------------------

export const trail = factory("aws:cloudtrail/trail:Trail", "audit", {
    name: "hipaa-audit-trail",
    s3BucketName: "hipaa-cloudtrail-logs",
    isMultiRegionTrail: true,
    enableLogFileValidation: true,
    kmsKeyId: KMS_KEY_ARN,
    cloudWatchLogsGroupArn: "arn:aws:logs:us-east-1:111122223333:log-group:/aws/cloudtrail:*",
    cloudWatchLogsRoleArn: "arn:aws:iam::111122223333:role/CloudTrailCloudWatchRole",
});

export const logGroup = factory("aws:cloudwatch/logGroup:LogGroup", "audit", { name: "/aws/ecs/hipaa-app-prod", retentionInDays: 2192, kmsKeyId: KMS_KEY_ARN });

export const kmsKey = factory("aws:kms/key:Key", "phi-key", { description: "PHI key", enableKeyRotation: true });

export const replicationGroup = factory("aws:elasticache/replicationGroup:ReplicationGroup", "cache", {
    description: "PHI session cache",
    engine: "redis",
    engineVersion: "7.1",
    transitEncryptionEnabled: true,
    transitEncryptionMode: "required",
    atRestEncryptionEnabled: true,
    kmsKeyId: unknown,
    automaticFailoverEnabled: true,
    multiAzEnabled: true,
    numCacheClusters: 2,
    snapshotRetentionLimit: 35,
    authToken: secret(AUTH_TOKEN),
});

/** A node-based Memcached cluster, the one cluster shape that can comply. */
export const cacheCluster = factory("aws:elasticache/cluster:Cluster", "memcached", {
    engine: "memcached",
    engineVersion: "1.6.22",
    transitEncryptionEnabled: true,
    azMode: "cross-az",
    numCacheNodes: 3,
});

/** A standalone single-node Redis cluster: it cannot comply with most controls. */
export const standaloneRedis: ResourceInput = { type: "aws:elasticache/cluster:Cluster", name: "r", props: { engine: "redis" } };
/** A cluster that joins a replication group and inherits its settings. */
export const groupMember: ResourceInput = { type: "aws:elasticache/cluster:Cluster", name: "member", props: { replicationGroupId: unknown } };

export const serverlessCache = factory("aws:elasticache/serverlessCache:ServerlessCache", "serverless", {
    engine: "valkey",
    majorEngineVersion: "8",
    snapshotRetentionLimit: 35,
    userGroupId: unknown,
    kmsKeyId: unknown,
});

// --- AWS stacks (AnalyzeStack) ------------------------------------------------------------------------
// Related resources, connected the way a preview connects them: values unknown, property
// dependencies saying which resource each value was computed from.

export const T = {
    trail: "aws:cloudtrail/trail:Trail",
    bucket: "aws:s3/bucket:Bucket",
    bucketV2: "aws:s3/bucketV2:BucketV2",
    pab: "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
    accountPab: "aws:s3/accountPublicAccessBlock:AccountPublicAccessBlock",
    sse: "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
    sseV2: "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2",
    versioning: "aws:s3/bucketVersioning:BucketVersioning",
    versioningV2: "aws:s3/bucketVersioningV2:BucketVersioningV2",
    bucketPolicy: "aws:s3/bucketPolicy:BucketPolicy",
    logGroup: "aws:cloudwatch/logGroup:LogGroup",
    vpc: "aws:ec2/vpc:Vpc",
    flowLog: "aws:ec2/flowLog:FlowLog",
} as const;

/** A resource with its URN; `deps` maps a property to the resources its value was computed from. */
export function res(type: string, name: string, props: Props, deps: Record<string, readonly ResourceInput[]> = {}): ResourceInput {
    const propertyDependencies: Record<string, string[]> = {};
    for (const [field, list] of Object.entries(deps)) propertyDependencies[field] = list.map(r => r.urn!);
    return { type, name, props, urn: urnOf(type, name), propertyDependencies };
}

export const allFlags = { blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true };
export const sseRules = { rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: unknown } }] };
export const versioningEnabled = { versioningConfiguration: { status: "Enabled" } };

/**
 * A bucket with its public access block, encryption and versioning resources (each compliant,
 * changed by `overrides`, or left out with null), connected by property dependencies.
 */
export function protectedBucket(name: string, overrides: { pab?: Props | null; sse?: Props | null; versioning?: Props | null } = {}): { bucket: ResourceInput; resources: ResourceInput[] } {
    const bucket = res(T.bucket, name, { bucket: unknown, forceDestroy: false });
    const on = { bucket: [bucket] };
    const out = [bucket];
    if (overrides.pab !== null) out.push(res(T.pab, `${name}-pab`, { bucket: unknown, ...allFlags, ...overrides.pab }, on));
    if (overrides.sse !== null) out.push(res(T.sse, `${name}-sse`, { bucket: unknown, ...sseRules, ...overrides.sse }, on));
    if (overrides.versioning !== null) out.push(res(T.versioning, `${name}-versioning`, { bucket: unknown, ...versioningEnabled, ...overrides.versioning }, on));
    return { bucket, resources: out };
}

export const stackTrailProps = { isMultiRegionTrail: true, enableLogFileValidation: true, kmsKeyId: unknown, cloudWatchLogsRoleArn: unknown };

/** A trail writing to `bucket` and delivering to `logGroup`, both by property dependency. */
export function trailTo(name: string, bucket: ResourceInput | undefined, logGroup?: ResourceInput, props: Props = {}): ResourceInput {
    return res(
        T.trail,
        name,
        { ...stackTrailProps, s3BucketName: unknown, cloudWatchLogsGroupArn: logGroup ? unknown : undefined, ...props },
        { ...(bucket ? { s3BucketName: [bucket] } : {}), ...(logGroup ? { cloudWatchLogsGroupArn: [logGroup] } : {}) },
    );
}

/** A log group kept six years and encrypted, its ARN unknown at preview. */
export const trailLogGroup = (name = "trail-logs", props: Props = {}): ResourceInput => res(T.logGroup, name, { retentionInDays: 2192, kmsKeyId: unknown, arn: unknown, ...props });

export const vpcOf = (name: string, props: Props = {}): ResourceInput => res(T.vpc, name, { cidrBlock: "10.0.0.0/16", id: unknown, ...props });

/** A flow log of all traffic for `vpc` (by property dependency), or for no VPC in particular. */
export const flowLogFor = (name: string, vpc: ResourceInput | undefined, props: Props = {}): ResourceInput =>
    res(T.flowLog, name, { vpcId: unknown, trafficType: "ALL", logDestination: unknown, ...props }, vpc ? { vpcId: [vpc] } : {});

// --- GCP ---------------------------------------------------------------------------------------------

const shielded = { enableSecureBoot: true, enableVtpm: true, enableIntegrityMonitoring: true };
const osLoginMetadata = { "enable-oslogin": "TRUE", "block-project-ssh-keys": "TRUE" };

export const instance = factory("gcp:compute/instance:Instance", "vm", {
    machineType: "n2-standard-2",
    zone: "us-central1-a",
    bootDisk: { initializeParams: { image: "debian-cloud/debian-12" }, kmsKeySelfLink: GCP_KMS_KEY },
    attachedDisks: [{ source: "phi-data" }],
    scratchDisks: [{ interface: "NVME" }],
    networkInterfaces: [{ subnetwork: "phi-subnet" }],
    shieldedInstanceConfig: shielded,
    metadata: osLoginMetadata,
    serviceAccount: { email: GCP_APP_SA, scopes: ["cloud-platform"] },
    canIpForward: false,
});

const template = {
    machineType: "n2-standard-2",
    disks: [
        { boot: true, sourceImage: "debian-cloud/debian-12", diskEncryptionKey: { kmsKeySelfLink: GCP_KMS_KEY } },
        { type: "SCRATCH", diskType: "local-ssd", diskSizeGb: 375 },
        { source: "phi-shared-readonly", mode: "READ_ONLY" },
    ],
    networkInterfaces: [{ subnetwork: "phi-subnet" }],
    shieldedInstanceConfig: shielded,
    metadata: osLoginMetadata,
    serviceAccount: { email: GCP_APP_SA, scopes: ["https://www.googleapis.com/auth/cloud-platform"] },
};
/** Garbage every Compute Engine policy must survive: wrong types, nulls, nested unknowns, secrets in odd places. */
export const computeGarbage: readonly Props[] = [
    { bootDisk: null, disks: null, networkInterfaces: null, metadata: null, serviceAccount: null, shieldedInstanceConfig: null },
    { bootDisk: "disk", disks: "disk", networkInterfaces: "nic", metadata: "enable-oslogin=TRUE", serviceAccount: 7, shieldedInstanceConfig: true },
    { bootDisk: { diskEncryptionKeyRaw: 1234567890 }, disks: [{ diskEncryptionKey: { kmsKeySelfLink: 42 } }], canIpForward: "false" },
    { bootDisk: { diskEncryptionKeyRaw: [GCP_RAW_KEY] }, diskEncryptionKey: { rawKey: { key: GCP_RAW_KEY } } },
    { bootDisk: [unknown], disks: [unknown, null, 3], networkInterfaces: [unknown, null, "x", { accessConfigs: [unknown] }] },
    { metadata: { "enable-oslogin": secret(GCP_RAW_KEY), "serial-port-enable": GCP_RAW_KEY, "block-project-ssh-keys": [true] } },
    { metadata: { "enable-oslogin": unknown, "block-project-ssh-keys": null }, serviceAccount: { email: secret(GCP_RAW_KEY), scopes: [unknown, 3, null] } },
    { serviceAccount: [{ email: 5, scopes: "cloud-platform" }], shieldedInstanceConfig: [{ enableSecureBoot: "yes" }] },
    { diskEncryptionKey: secret({ rawKey: GCP_RAW_KEY }), bootDisk: secret({ diskEncryptionKeyRsa: GCP_RSA_KEY }) },
    { diskEncryptionKey: [unknown], networkInterfaces: [{ accessConfigs: "yes", ipv6AccessConfigs: {} }] },
];
/** What no Compute Engine finding may contain. */
export const computeSecrets = [GCP_RAW_KEY, GCP_RSA_KEY, "1234567890", GCP_DEFAULT_SA];

export const instanceTemplate = factory("gcp:compute/instanceTemplate:InstanceTemplate", "tmpl", template);
export const regionInstanceTemplate = factory("gcp:compute/regionInstanceTemplate:RegionInstanceTemplate", "rtmpl", { ...template, region: "us-central1" });
/** Each VM-level control runs on instances and both kinds of template. */
export const vms = (changes?: Props): ResourceInput[] => [instance(changes), instanceTemplate(changes), regionInstanceTemplate(changes)];
/** The compliant template's disks: a boot disk with a KMS key, a Local SSD, an existing disk. */
export const templateDisks = template.disks;

export const disk = factory("gcp:compute/disk:Disk", "disk", { zone: "us-central1-a", size: 100, diskEncryptionKey: { kmsKeySelfLink: GCP_KMS_KEY } });
export const regionDisk = factory("gcp:compute/regionDisk:RegionDisk", "rdisk", { replicaZones: ["a", "b"], diskEncryptionKey: { kmsKeyName: GCP_KMS_KEY } });

export const redisInstance = factory("gcp:redis/instance:Instance", "cache", {
    memorySizeGb: 5,
    region: "us-central1",
    tier: "STANDARD_HA",
    transitEncryptionMode: "SERVER_AUTHENTICATION",
    authEnabled: true,
    customerManagedKey: GCP_KMS_KEY,
    persistenceConfig: { persistenceMode: "RDB", rdbSnapshotPeriod: "ONE_HOUR" },
});

export const projectBucket = factory("gcp:logging/projectBucketConfig:ProjectBucketConfig", "audit", { project: "phi-logs", location: "global", bucketId: "phi-audit", retentionDays: 2192 });
export const folderBucket = factory("gcp:logging/folderBucketConfig:FolderBucketConfig", "folder", { folder: "folders/1", location: "global", bucketId: "_Default", retentionDays: 2192 });
export const organizationBucket = factory("gcp:logging/organizationBucketConfig:OrganizationBucketConfig", "org", { organization: "1", location: "global", bucketId: "_Default", retentionDays: 2192 });
export const billingAccountBucket = factory("gcp:logging/billingAccountBucketConfig:BillingAccountBucketConfig", "billing", { billingAccount: "0-0-0", location: "global", bucketId: "_Default", retentionDays: 2192 });

export const cryptoKey = factory("gcp:kms/cryptoKey:CryptoKey", "phi-key", { keyRing: "projects/phi/locations/us/keyRings/phi", rotationPeriod: "7776000s" });
