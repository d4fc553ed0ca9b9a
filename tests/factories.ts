// One compliant resource per type the pack checks: each test starts from it and changes only what
// the case is about, so a case's properties say exactly what it tests.

import { ResourceInput, secret, unknown, urnOf } from "../tools/lib/analyzer-client";

type Props = Record<string, unknown>;

/** A factory: the compliant resource, with `changes` applied (`undefined` removes a property). */
export type Factory = (changes?: Props) => ResourceInput;

export function factory(type: string, name: string, compliant: Props): Factory {
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

export const accountPublicAccessBlock = factory("aws:s3/accountPublicAccessBlock:AccountPublicAccessBlock", "account", {
    blockPublicAcls: true,
    blockPublicPolicy: true,
    ignorePublicAcls: true,
    restrictPublicBuckets: true,
});

export const efsFileSystem = factory("aws:efs/fileSystem:FileSystem", "phi-files", { encrypted: true, kmsKeyId: KMS_KEY_ARN, performanceMode: "generalPurpose" });

export const encryptionByDefault = factory("aws:ebs/encryptionByDefault:EncryptionByDefault", "ebs-default", { enabled: true });

export const backupPlan = factory("aws:backup/plan:Plan", "phi", {
    name: "phi-daily",
    rules: [{ ruleName: "daily", targetVaultName: "phi", schedule: "cron(0 5 ? * * *)", lifecycle: { deleteAfter: 35 } }],
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
    lifecycle: "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration",
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
export const MONITORING_ROLE_ARN = "arn:aws:iam::111122223333:role/rds-monitoring";

/** An RDS for PostgreSQL instance (not Aurora, not a replica): every RDS control applies. */
export const rdsInstance = factory("aws:rds/instance:Instance", "phi-db", {
    engine: "postgres",
    engineVersion: "16.4",
    instanceClass: "db.m6g.large",
    allocatedStorage: 100,
    storageEncrypted: true,
    kmsKeyId: KMS_KEY_ARN,
    backupRetentionPeriod: 35,
    multiAz: true,
    publiclyAccessible: false,
    deletionProtection: true,
    monitoringInterval: 60,
    monitoringRoleArn: MONITORING_ROLE_ARN,
    autoMinorVersionUpgrade: true,
    enabledCloudwatchLogsExports: ["postgresql", "upgrade"],
    username: "phiadmin",
    manageMasterUserPassword: true,
});

/** An Aurora PostgreSQL cluster (provisioned). */
export const rdsCluster = factory("aws:rds/cluster:Cluster", "phi-aurora", {
    engine: "aurora-postgresql",
    engineVersion: "16.4",
    storageEncrypted: true,
    kmsKeyId: KMS_KEY_ARN,
    backupRetentionPeriod: 35,
    deletionProtection: true,
    enabledCloudwatchLogsExports: ["postgresql"],
    masterUsername: "phiadmin",
    manageMasterUserPassword: true,
});

export const rdsClusterInstance = factory("aws:rds/clusterInstance:ClusterInstance", "phi-aurora-1", {
    clusterIdentifier: unknown,
    engine: "aurora-postgresql",
    instanceClass: "db.r6g.large",
    publiclyAccessible: false,
    monitoringInterval: 60,
    monitoringRoleArn: MONITORING_ROLE_ARN,
    autoMinorVersionUpgrade: true,
});

export const rdsSnapshot = factory("aws:rds/snapshot:Snapshot", "phi-snap", { dbInstanceIdentifier: unknown, dbSnapshotIdentifier: "phi-snap", sharedAccounts: ["444455556666"] });
export const rdsClusterSnapshot = factory("aws:rds/clusterSnapshot:ClusterSnapshot", "phi-csnap", { dbClusterIdentifier: unknown, dbClusterSnapshotIdentifier: "phi-csnap" });
export const rdsSnapshotCopy = factory("aws:rds/snapshotCopy:SnapshotCopy", "phi-copy", { sourceDbSnapshotIdentifier: "arn:aws:rds:us-east-1:111122223333:snapshot:phi", targetDbSnapshotIdentifier: "phi-copy", kmsKeyId: KMS_KEY_ARN });
export const rdsClusterSnapshotCopy = factory("aws:rds/clusterSnapshotCopy:ClusterSnapshotCopy", "phi-ccopy", {
    sourceDbClusterSnapshotIdentifier: "arn:aws:rds:us-east-1:111122223333:cluster-snapshot:phi",
    targetDbClusterSnapshotIdentifier: "phi-ccopy",
    kmsKeyId: KMS_KEY_ARN,
});

export const dynamodbTable = factory("aws:dynamodb/table:Table", "phi-table", {
    hashKey: "patientId",
    attributes: [{ name: "patientId", type: "S" }],
    billingMode: "PAY_PER_REQUEST",
    pointInTimeRecovery: { enabled: true },
    serverSideEncryption: { enabled: true, kmsKeyArn: KMS_KEY_ARN },
});

export const kinesisStream = factory("aws:kinesis/stream:Stream", "phi-stream", { shardCount: 1, encryptionType: "KMS", kmsKeyId: KMS_KEY_ARN });

export const dmsReplicationInstance = factory("aws:dms/replicationInstance:ReplicationInstance", "phi-migration", {
    replicationInstanceId: "phi-migration",
    replicationInstanceClass: "dms.t3.medium",
    publiclyAccessible: false,
    kmsKeyArn: KMS_KEY_ARN,
});

export const snsTopic = factory("aws:sns/topic:Topic", "phi-alerts", { kmsMasterKeyId: KMS_KEY_ARN });

export const secretsManagerSecret = factory("aws:secretsmanager/secret:Secret", "phi-db-credentials", { name: "phi/db", kmsKeyId: KMS_KEY_ARN });

export const sagemakerEndpointConfiguration = factory("aws:sagemaker/endpointConfiguration:EndpointConfiguration", "phi-model", {
    productionVariants: [{ modelName: "phi-model", instanceType: "ml.m5.large", initialInstanceCount: 1 }],
    kmsKeyArn: KMS_KEY_ARN,
});

export const sagemakerNotebookInstance = factory("aws:sagemaker/notebookInstance:NotebookInstance", "phi-notebook", {
    instanceType: "ml.t3.medium",
    roleArn: "arn:aws:iam::111122223333:role/sagemaker",
    kmsKeyId: KMS_KEY_ARN,
    directInternetAccess: "Disabled",
    subnetId: "subnet-0abc",
});

const LOG_GROUP_ARN = "arn:aws:logs:us-east-1:111122223333:log-group:/aws/opensearch/phi";
const domain = {
    engineVersion: "OpenSearch_2.13",
    encryptAtRest: { enabled: true, kmsKeyId: KMS_KEY_ARN },
    nodeToNodeEncryption: { enabled: true },
    domainEndpointOptions: { enforceHttps: true, tlsSecurityPolicy: "Policy-Min-TLS-1-2-PFS-2023-10" },
    vpcOptions: { subnetIds: ["subnet-0abc", "subnet-0def"], securityGroupIds: ["sg-0abc"] },
    logPublishingOptions: [
        { logType: "ES_APPLICATION_LOGS", cloudwatchLogGroupArn: LOG_GROUP_ARN },
        { logType: "SEARCH_SLOW_LOGS", cloudwatchLogGroupArn: LOG_GROUP_ARN },
        { logType: "INDEX_SLOW_LOGS", cloudwatchLogGroupArn: LOG_GROUP_ARN, enabled: true },
    ],
};
export const opensearchDomain = factory("aws:opensearch/domain:Domain", "phi-search", domain);
export const elasticsearchDomain = factory("aws:elasticsearch/domain:Domain", "phi-es", { ...domain, engineVersion: undefined, elasticsearchVersion: "7.10" });

export const redshiftCluster = factory("aws:redshift/cluster:Cluster", "phi-warehouse", {
    clusterIdentifier: "phi-warehouse",
    nodeType: "ra3.xlplus",
    encrypted: "true",
    kmsKeyId: KMS_KEY_ARN,
    publiclyAccessible: false,
    automatedSnapshotRetentionPeriod: 35,
    allowVersionUpgrade: true,
    clusterParameterGroupName: "phi-warehouse-tls",
    manageMasterPassword: true,
});

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

const postgresFlags = [
    { name: "log_connections", value: "on" },
    { name: "log_disconnections", value: "on" },
    { name: "log_statement", value: "ddl" },
    { name: "cloudsql.enable_pgaudit", value: "on" },
];
export const sqlInstance = factory("gcp:sql/databaseInstance:DatabaseInstance", "db", {
    databaseVersion: "POSTGRES_15",
    region: "us-central1",
    encryptionKeyName: GCP_KMS_KEY,
    settings: {
        tier: "db-custom-2-7680",
        availabilityType: "REGIONAL",
        deletionProtectionEnabled: true,
        ipConfiguration: { ipv4Enabled: false, privateNetwork: "projects/phi/global/networks/phi", sslMode: "ENCRYPTED_ONLY" },
        backupConfiguration: { enabled: true, pointInTimeRecoveryEnabled: true, backupRetentionSettings: { retainedBackups: 30 } },
        databaseFlags: postgresFlags,
    },
});
/** The compliant instance's settings with `changes` (`undefined` removes a setting). */
export function sqlSettings(changes: Props): Props {
    const settings: Props = { ...(sqlInstance().props.settings as Props) };
    for (const [key, value] of Object.entries(changes)) {
        if (value === undefined) delete settings[key];
        else settings[key] = value;
    }
    return settings;
}

/**
 * The compliant instance as a stack export holds it: every block a one-element list, provider
 * defaults filled in, "" for strings nobody set; `settings` changes apply before the shaping.
 */
export function sqlInstanceOutputs(settingsChanges: Props = {}, changes: Props = {}): ResourceInput {
    const s = sqlSettings(settingsChanges);
    const list = (v: unknown) => (v && typeof v === "object" && !Array.isArray(v) ? [v] : v);
    const shaped: Props = { edition: "ENTERPRISE", ...s, ipConfiguration: list(s.ipConfiguration), backupConfiguration: list(s.backupConfiguration) };
    const backups = (shaped.backupConfiguration as Props[] | undefined)?.[0];
    if (backups) shaped.backupConfiguration = [{ binaryLogEnabled: false, location: "", startTime: "", transactionLogRetentionDays: 7, ...backups, backupRetentionSettings: list(backups.backupRetentionSettings) }];
    return sqlInstance({ masterInstanceName: "", instanceType: "CLOUD_SQL_INSTANCE", ...changes, settings: [shaped] });
}

export const bucket = factory("gcp:storage/bucket:Bucket", "phi", {
    name: "phi-records",
    location: "US-CENTRAL1",
    uniformBucketLevelAccess: true,
    publicAccessPrevention: "enforced",
    encryption: { defaultKmsKeyName: GCP_KMS_KEY },
    versioning: { enabled: true },
    logging: { logBucket: "phi-access-logs" },
});
/** The compliant bucket as a stack export holds it: blocks as one-element lists, "" for unset strings. */
export function gcsBucketOutputs(changes: Props = {}): ResourceInput {
    return bucket({
        encryption: [{ defaultKmsKeyName: GCP_KMS_KEY }],
        versioning: [{ enabled: true }],
        logging: [{ logBucket: "phi-access-logs", logObjectPrefix: "" }],
        retentionPolicy: [],
        storageClass: "STANDARD",
        defaultEventBasedHold: false,
        requesterPays: false,
        ...changes,
    });
}
export const bucketIamMember = factory("gcp:storage/bucketIAMMember:BucketIAMMember", "reader", { bucket: "phi-records", role: "roles/storage.objectViewer", member: `serviceAccount:${GCP_APP_SA}` });
export const bucketIamBinding = factory("gcp:storage/bucketIAMBinding:BucketIAMBinding", "readers", { bucket: "phi-records", role: "roles/storage.objectViewer", members: [`serviceAccount:${GCP_APP_SA}`, "group:phi-readers@example.com"] });
export const bucketIamPolicy = factory("gcp:storage/bucketIAMPolicy:BucketIAMPolicy", "policy", {
    bucket: "phi-records",
    policyData: JSON.stringify({ bindings: [{ role: "roles/storage.objectViewer", members: [`serviceAccount:${GCP_APP_SA}`] }] }),
});
export const bucketAccessControl = factory("gcp:storage/bucketAccessControl:BucketAccessControl", "acl", { bucket: "phi-records", entity: "group-phi-readers@example.com", role: "READER" });
export const bucketAcl = factory("gcp:storage/bucketACL:BucketACL", "bucket-acl", { bucket: "phi-records", roleEntities: ["OWNER:project-owners-123", "READER:group-phi-readers@example.com"] });

export const bigqueryDataset = factory("gcp:bigquery/dataset:Dataset", "phi", {
    datasetId: "phi_claims",
    location: "US",
    defaultEncryptionConfiguration: { kmsKeyName: GCP_KMS_KEY },
    accesses: [
        { role: "OWNER", specialGroup: "projectOwners" },
        { role: "READER", groupByEmail: "phi-analysts@example.com" },
        { role: "READER", iamMember: `serviceAccount:${GCP_APP_SA}` },
    ],
});
export const bigqueryTable = factory("gcp:bigquery/table:Table", "claims", { datasetId: "phi_claims", tableId: "claims", encryptionConfiguration: { kmsKeyName: GCP_KMS_KEY } });
export const bigqueryDatasetIamMember = factory("gcp:bigquery/datasetIamMember:DatasetIamMember", "reader", { datasetId: "phi_claims", role: "roles/bigquery.dataViewer", member: `serviceAccount:${GCP_APP_SA}` });
export const bigqueryTableIamBinding = factory("gcp:bigquery/iamBinding:IamBinding", "readers", { datasetId: "phi_claims", tableId: "claims", role: "roles/bigquery.dataViewer", members: ["group:phi-analysts@example.com"] });
export const bigqueryDatasetAccess = factory("gcp:bigquery/datasetAccess:DatasetAccess", "access", { datasetId: "phi_claims", role: "READER", userByEmail: "analyst@example.com" });

export const pubsubTopic = factory("gcp:pubsub/topic:Topic", "events", { name: "phi-events", kmsKeyName: GCP_KMS_KEY, messageStoragePolicy: { allowedPersistenceRegions: ["us-central1"], enforceInTransit: true } });
export const pubsubTopicIamMember = factory("gcp:pubsub/topicIAMMember:TopicIAMMember", "publisher", { topic: "phi-events", role: "roles/pubsub.publisher", member: `serviceAccount:${GCP_APP_SA}` });

export const redisCluster = factory("gcp:redis/cluster:Cluster", "cluster", {
    region: "us-central1",
    shardCount: 3,
    pscConfigs: [{ network: "projects/phi/global/networks/phi" }],
    transitEncryptionMode: "TRANSIT_ENCRYPTION_MODE_SERVER_AUTHENTICATION",
    authorizationMode: "AUTH_MODE_IAM_AUTH",
    kmsKey: GCP_KMS_KEY,
    replicaCount: 1,
    persistenceConfig: { mode: "RDB", rdbConfig: { rdbSnapshotPeriod: "ONE_HOUR" } },
});
export const valkeyInstance = factory("gcp:memorystore/instance:Instance", "valkey", {
    instanceId: "phi-sessions",
    location: "us-central1",
    shardCount: 1,
    transitEncryptionMode: "SERVER_AUTHENTICATION",
    authorizationMode: "IAM_AUTH",
    kmsKey: GCP_KMS_KEY,
    replicaCount: 2,
    persistenceConfig: { mode: "AOF", aofConfig: { appendFsync: "EVERYSEC" } },
});

export const spannerDatabase = factory("gcp:spanner/database:Database", "db", { instance: "phi", name: "claims", encryptionConfig: { kmsKeyName: GCP_KMS_KEY }, enableDropProtection: true });
export const spannerInstance = factory("gcp:spanner/instance:Instance", "spanner", { config: "regional-us-central1", displayName: "PHI", numNodes: 1 });
export const filestoreInstance = factory("gcp:filestore/instance:Instance", "files", {
    location: "us-central1",
    tier: "REGIONAL",
    fileShares: { name: "share1", capacityGb: 1024 },
    networks: [{ network: "phi", modes: ["MODE_IPV4"] }],
    kmsKeyName: GCP_KMS_KEY,
    deletionProtectionEnabled: true,
});
export const dataprocCluster = factory("gcp:dataproc/cluster:Cluster", "spark", {
    region: "us-central1",
    clusterConfig: {
        encryptionConfig: { kmsKeyName: GCP_KMS_KEY },
        gceClusterConfig: { internalIpOnly: true, subnetwork: "phi-subnet" },
        securityConfig: { kerberosConfig: { enableKerberos: true, kmsKeyUri: GCP_KMS_KEY, rootPrincipalPasswordUri: "gs://phi-secrets/root.encrypted" } },
    },
});
export const healthcareDataset = factory("gcp:healthcare/dataset:Dataset", "fhir", { location: "us-central1", name: "phi", encryptionSpec: { kmsKeyName: GCP_KMS_KEY } });
export const fhirStoreIamMember = factory("gcp:healthcare/fhirStoreIamMember:FhirStoreIamMember", "reader", { fhirStoreId: "projects/p/locations/us-central1/datasets/phi/fhirStores/r4", role: "roles/healthcare.fhirResourceReader", member: `serviceAccount:${GCP_APP_SA}` });

export const bigtableInstance = factory("gcp:bigtable/instance:Instance", "bt", {
    clusters: [
        { clusterId: "phi-c1", zone: "us-central1-a", kmsKeyName: GCP_KMS_KEY },
        { clusterId: "phi-c2", zone: "us-central1-b", kmsKeyName: GCP_KMS_KEY },
    ],
});
export const artifactRepository = factory("gcp:artifactregistry/repository:Repository", "images", { location: "us-central1", repositoryId: "phi", format: "DOCKER", kmsKeyName: GCP_KMS_KEY });

export const alloydbCluster = factory("gcp:alloydb/cluster:Cluster", "alloy", { clusterId: "phi", location: "us-central1", networkConfig: { network: "phi" }, encryptionConfig: { kmsKeyName: GCP_KMS_KEY } });
export const alloydbInstance = factory("gcp:alloydb/instance:Instance", "alloy-primary", {
    cluster: "phi",
    instanceId: "primary",
    instanceType: "PRIMARY",
    networkConfig: { enablePublicIp: false },
    clientConnectionConfig: { requireConnectors: true, sslConfig: { sslMode: "ENCRYPTED_ONLY" } },
});

// --- Outputs-shaped (as `pulumi stack export` and state-based audits see resources) ----------------
// Every property the provider reports, its defaults filled in, "" for a string nobody set, empty
// lists and maps, and (where older exports keep them so) single nested blocks as one-element lists.
// Each is the compliant resource as state records it; cases change what they are about.

/** Marks a resource as outputs-shaped, for test titles (not sent anywhere). */
export function asOutputs(resource: ResourceInput): ResourceInput {
    Object.defineProperty(resource, "shape", { value: "outputs", enumerable: false });
    return resource;
}

function outputsFactory(type: string, name: string, outputs: Props): Factory {
    const make = factory(type, name, outputs);
    return changes => asOutputs(make(changes));
}

export const trailOutputs = outputsFactory("aws:cloudtrail/trail:Trail", "audit", {
    advancedEventSelectors: [],
    arn: "arn:aws:cloudtrail:us-east-1:111122223333:trail/hipaa-audit-trail",
    cloudWatchLogsGroupArn: "arn:aws:logs:us-east-1:111122223333:log-group:/aws/cloudtrail:*",
    cloudWatchLogsRoleArn: "arn:aws:iam::111122223333:role/CloudTrailCloudWatchRole",
    enableLogFileValidation: true,
    enableLogging: true,
    eventSelectors: [],
    homeRegion: "us-east-1",
    id: "hipaa-audit-trail",
    includeGlobalServiceEvents: true,
    insightSelectors: [],
    isMultiRegionTrail: true,
    isOrganizationTrail: false,
    kmsKeyId: KMS_KEY_ARN,
    name: "hipaa-audit-trail",
    region: "us-east-1",
    s3BucketName: "hipaa-cloudtrail-logs",
    s3KeyPrefix: "",
    snsTopicArn: "",
    snsTopicName: "",
    tags: {},
    tagsAll: {},
});

export const logGroupOutputs = outputsFactory("aws:cloudwatch/logGroup:LogGroup", "audit", {
    arn: "arn:aws:logs:us-east-1:111122223333:log-group:/aws/ecs/hipaa-app-prod",
    kmsKeyId: KMS_KEY_ARN,
    logGroupClass: "STANDARD",
    name: "/aws/ecs/hipaa-app-prod",
    namePrefix: "",
    region: "us-east-1",
    retentionInDays: 2192,
    skipDestroy: false,
    tags: {},
    tagsAll: {},
});

export const kmsKeyOutputs = outputsFactory("aws:kms/key:Key", "phi-key", {
    arn: "arn:aws:kms:us-east-1:111122223333:key/abcd",
    bypassPolicyLockoutSafetyCheck: false,
    customKeyStoreId: "",
    customerMasterKeySpec: "SYMMETRIC_DEFAULT",
    deletionWindowInDays: 30,
    description: "PHI key",
    enableKeyRotation: true,
    id: "abcd",
    isEnabled: true,
    keyId: "abcd",
    keyUsage: "ENCRYPT_DECRYPT",
    multiRegion: false,
    policy: '{"Version":"2012-10-17","Statement":[]}',
    region: "us-east-1",
    rotationPeriodInDays: 365,
    tags: {},
    tagsAll: {},
    xksKeyId: "",
});

export const replicationGroupOutputs = outputsFactory("aws:elasticache/replicationGroup:ReplicationGroup", "cache", {
    arn: "arn:aws:elasticache:us-east-1:111122223333:replicationgroup:phi-cache",
    atRestEncryptionEnabled: true,
    authToken: secret(AUTH_TOKEN),
    authTokenUpdateStrategy: "",
    autoMinorVersionUpgrade: "true",
    automaticFailoverEnabled: true,
    clusterEnabled: false,
    clusterMode: "disabled",
    configurationEndpointAddress: "",
    dataTieringEnabled: false,
    description: "PHI session cache",
    engine: "redis",
    engineVersion: "7.1",
    engineVersionActual: "7.1.0",
    finalSnapshotIdentifier: "",
    globalReplicationGroupId: "",
    id: "phi-cache",
    ipDiscovery: "ipv4",
    kmsKeyId: KMS_KEY_ARN,
    logDeliveryConfigurations: [],
    maintenanceWindow: "sun:05:00-sun:06:00",
    memberClusters: ["phi-cache-001", "phi-cache-002"],
    multiAzEnabled: true,
    networkType: "ipv4",
    nodeType: "cache.t4g.small",
    notificationTopicArn: "",
    numCacheClusters: 2,
    numNodeGroups: 1,
    parameterGroupName: "default.redis7",
    port: 6379,
    preferredCacheClusterAzs: [],
    primaryEndpointAddress: "master.phi-cache.abcd.use1.cache.amazonaws.com",
    readerEndpointAddress: "replica.phi-cache.abcd.use1.cache.amazonaws.com",
    region: "us-east-1",
    replicasPerNodeGroup: 1,
    replicationGroupId: "phi-cache",
    securityGroupIds: ["sg-0abc"],
    securityGroupNames: [],
    snapshotRetentionLimit: 35,
    snapshotWindow: "03:00-04:00",
    subnetGroupName: "phi-cache",
    tags: {},
    tagsAll: {},
    transitEncryptionEnabled: true,
    transitEncryptionMode: "required",
    userGroupIds: [],
});

export const cacheClusterOutputs = outputsFactory("aws:elasticache/cluster:Cluster", "memcached", {
    arn: "arn:aws:elasticache:us-east-1:111122223333:cluster:phi-memcached",
    autoMinorVersionUpgrade: "true",
    availabilityZone: "",
    azMode: "cross-az",
    cacheNodes: [{ address: "phi-memcached.abcd.0001.use1.cache.amazonaws.com", availabilityZone: "us-east-1a", id: "0001", outpostArn: "", port: 11211 }],
    clusterAddress: "phi-memcached.abcd.cfg.use1.cache.amazonaws.com",
    clusterId: "phi-memcached",
    configurationEndpoint: "phi-memcached.abcd.cfg.use1.cache.amazonaws.com:11211",
    engine: "memcached",
    engineVersion: "1.6.22",
    engineVersionActual: "1.6.22",
    finalSnapshotIdentifier: "",
    ipDiscovery: "ipv4",
    logDeliveryConfigurations: [],
    maintenanceWindow: "sun:05:00-sun:06:00",
    networkType: "ipv4",
    nodeType: "cache.t4g.small",
    notificationTopicArn: "",
    numCacheNodes: 3,
    outpostMode: "",
    parameterGroupName: "default.memcached1.6",
    port: 11211,
    preferredAvailabilityZones: [],
    preferredOutpostArn: "",
    region: "us-east-1",
    replicationGroupId: "",
    securityGroupIds: ["sg-0abc"],
    snapshotArns: [],
    snapshotName: "",
    snapshotRetentionLimit: 0,
    snapshotWindow: "",
    subnetGroupName: "phi-cache",
    tags: {},
    tagsAll: {},
    transitEncryptionEnabled: true,
});

export const serverlessCacheOutputs = outputsFactory("aws:elasticache/serverlessCache:ServerlessCache", "serverless", {
    arn: "arn:aws:elasticache:us-east-1:111122223333:serverlesscache:phi-serverless",
    cacheUsageLimits: [{ dataStorages: [{ maximum: 10, minimum: 0, unit: "GB" }], ecpuPerSeconds: [{ maximum: 5000, minimum: 0 }] }],
    createTime: "2026-01-01T00:00:00Z",
    dailySnapshotTime: "09:00",
    description: "",
    endpoints: [{ address: "phi-serverless-abcd.serverless.use1.cache.amazonaws.com", port: 6379 }],
    engine: "valkey",
    fullEngineVersion: "8.0",
    kmsKeyId: KMS_KEY_ARN,
    majorEngineVersion: "8",
    name: "phi-serverless",
    readerEndpoints: [{ address: "phi-serverless-abcd.serverless.use1.cache.amazonaws.com", port: 6380 }],
    region: "us-east-1",
    securityGroupIds: ["sg-0abc"],
    snapshotArnsToRestores: [],
    snapshotRetentionLimit: 35,
    status: "available",
    subnetIds: ["subnet-0a", "subnet-0b"],
    tags: {},
    tagsAll: {},
    timeouts: null,
    userGroupId: "phi-users",
});

const gcpProject = "https://www.googleapis.com/compute/v1/projects/phi-prod";

export const instanceOutputs = outputsFactory("gcp:compute/instance:Instance", "vm", {
    advancedMachineFeatures: null,
    attachedDisks: [{ deviceName: "persistent-disk-1", diskEncryptionKeyRaw: "", diskEncryptionKeySha256: "", kmsKeySelfLink: "", mode: "READ_WRITE", source: `${gcpProject}/zones/us-central1-a/disks/phi-data` }],
    bootDisk: {
        autoDelete: true,
        deviceName: "persistent-disk-0",
        diskEncryptionKeyRaw: "",
        diskEncryptionKeySha256: "",
        initializeParams: { enableConfidentialCompute: false, image: `${gcpProject}/global/images/debian-12-bookworm-v20260101`, labels: {}, provisionedIops: 0, provisionedThroughput: 0, resourceManagerTags: {}, size: 10, type: "pd-balanced" },
        interface: "",
        kmsKeySelfLink: `${GCP_KMS_KEY}/cryptoKeyVersions/1`,
        mode: "READ_WRITE",
        source: `${gcpProject}/zones/us-central1-a/disks/vm`,
    },
    canIpForward: false,
    confidentialInstanceConfig: null,
    cpuPlatform: "Intel Cascade Lake",
    currentStatus: "RUNNING",
    deletionProtection: false,
    description: "",
    effectiveLabels: {},
    enableDisplay: false,
    guestAccelerators: [],
    hostname: "",
    id: "projects/phi-prod/zones/us-central1-a/instances/vm",
    instanceId: "1234567890123456789",
    labelFingerprint: "42WmSpB8rSM=",
    labels: {},
    machineType: "n2-standard-2",
    metadata: { "enable-oslogin": "TRUE", "block-project-ssh-keys": "TRUE" },
    metadataFingerprint: "abcdEFGH123=",
    metadataStartupScript: "",
    minCpuPlatform: "",
    name: "vm",
    networkInterfaces: [{
        accessConfigs: [], aliasIpRanges: [], internalIpv6PrefixLength: 0, ipv6AccessConfigs: [], ipv6AccessType: "", ipv6Address: "",
        name: "nic0", network: `${gcpProject}/global/networks/phi`, networkIp: "10.0.0.2", nicType: "", queueCount: 0, stackType: "IPV4_ONLY",
        subnetwork: `${gcpProject}/regions/us-central1/subnetworks/phi-subnet`, subnetworkProject: "phi-prod",
    }],
    project: "phi-prod",
    resourcePolicies: [],
    scheduling: { automaticRestart: true, onHostMaintenance: "MIGRATE", preemptible: false, provisioningModel: "STANDARD" },
    scratchDisks: [],
    selfLink: `${gcpProject}/zones/us-central1-a/instances/vm`,
    serviceAccount: { email: GCP_APP_SA, scopes: ["https://www.googleapis.com/auth/cloud-platform"] },
    shieldedInstanceConfig: { enableIntegrityMonitoring: true, enableSecureBoot: true, enableVtpm: true },
    tags: [],
    zone: "us-central1-a",
});

export const instanceTemplateOutputs = outputsFactory("gcp:compute/instanceTemplate:InstanceTemplate", "tmpl", {
    canIpForward: false,
    description: "",
    disks: [{
        autoDelete: true, boot: true, deviceName: "", diskEncryptionKey: { kmsKeySelfLink: GCP_KMS_KEY, kmsKeyServiceAccount: "" }, diskName: "", diskSizeGb: 0,
        diskType: "pd-balanced", interface: "SCSI", labels: {}, mode: "READ_WRITE", provisionedIops: 0, resourcePolicies: [], source: "",
        sourceImage: "projects/debian-cloud/global/images/family/debian-12", sourceImageEncryptionKeys: [], sourceSnapshot: "", sourceSnapshotEncryptionKeys: [], type: "PERSISTENT",
    }],
    effectiveLabels: {},
    id: "projects/phi-prod/global/instanceTemplates/tmpl",
    instanceDescription: "",
    labels: {},
    machineType: "n2-standard-2",
    metadata: { "enable-oslogin": "TRUE", "block-project-ssh-keys": "TRUE" },
    metadataFingerprint: "abcdEFGH123=",
    metadataStartupScript: "",
    minCpuPlatform: "",
    name: "tmpl",
    namePrefix: "",
    networkInterfaces: [{ accessConfigs: [], aliasIpRanges: [], ipv6AccessConfigs: [], name: "nic0", network: `${gcpProject}/global/networks/phi`, networkIp: "", queueCount: 0, stackType: "IPV4_ONLY", subnetwork: `${gcpProject}/regions/us-central1/subnetworks/phi-subnet` }],
    project: "phi-prod",
    scheduling: { automaticRestart: true, onHostMaintenance: "MIGRATE", preemptible: false, provisioningModel: "STANDARD" },
    selfLink: `${gcpProject}/global/instanceTemplates/tmpl`,
    serviceAccount: { email: GCP_APP_SA, scopes: ["https://www.googleapis.com/auth/cloud-platform"] },
    shieldedInstanceConfig: { enableIntegrityMonitoring: true, enableSecureBoot: true, enableVtpm: true },
    tags: [],
});

export const diskOutputs = outputsFactory("gcp:compute/disk:Disk", "disk", {
    architecture: "X86_64",
    asyncPrimaryDisk: null,
    description: "",
    diskEncryptionKey: { kmsKeySelfLink: `${GCP_KMS_KEY}/cryptoKeyVersions/1`, kmsKeyServiceAccount: "", rawKey: "", rsaEncryptedKey: "", sha256: "" },
    effectiveLabels: {},
    id: "projects/phi-prod/zones/us-central1-a/disks/disk",
    image: "",
    labelFingerprint: "42WmSpB8rSM=",
    labels: {},
    lastAttachTimestamp: "",
    lastDetachTimestamp: "",
    name: "disk",
    physicalBlockSizeBytes: 4096,
    project: "phi-prod",
    provisionedIops: 0,
    provisionedThroughput: 0,
    selfLink: `${gcpProject}/zones/us-central1-a/disks/disk`,
    size: 100,
    snapshot: "",
    sourceDisk: "",
    sourceDiskId: "",
    sourceImageEncryptionKey: null,
    sourceImageId: "",
    sourceSnapshotEncryptionKey: null,
    sourceSnapshotId: "",
    type: "pd-balanced",
    users: [],
    zone: "us-central1-a",
});

export const redisInstanceOutputs = outputsFactory("gcp:redis/instance:Instance", "cache", {
    alternativeLocationId: "us-central1-f",
    authEnabled: true,
    authString: secret("SECRET-auth-string"),
    authorizedNetwork: "projects/phi-prod/global/networks/phi",
    connectMode: "DIRECT_PEERING",
    createTime: "2026-01-01T00:00:00Z",
    currentLocationId: "us-central1-a",
    customerManagedKey: GCP_KMS_KEY,
    displayName: "",
    effectiveLabels: {},
    host: "10.0.0.3",
    id: "projects/phi-prod/locations/us-central1/instances/cache",
    labels: {},
    locationId: "us-central1-a",
    maintenancePolicy: null,
    maintenanceSchedules: [],
    memorySizeGb: 5,
    name: "cache",
    nodes: [{ id: "node-0", zone: "us-central1-a" }, { id: "node-1", zone: "us-central1-f" }],
    persistenceConfig: { persistenceMode: "RDB", rdbNextSnapshotTime: "2026-01-01T01:00:00Z", rdbSnapshotPeriod: "ONE_HOUR", rdbSnapshotStartTime: "2026-01-01T00:00:00Z" },
    persistenceIamIdentity: "serviceAccount:service-123@cloud-redis.iam.gserviceaccount.com",
    port: 6378,
    project: "phi-prod",
    readEndpoint: "",
    readEndpointPort: 0,
    readReplicasMode: "READ_REPLICAS_DISABLED",
    redisConfigs: {},
    redisVersion: "REDIS_7_2",
    region: "us-central1",
    replicaCount: 1,
    reservedIpRange: "10.0.0.0/29",
    secondaryIpRange: "",
    serverCaCerts: [{ cert: "-----BEGIN CERTIFICATE-----", createTime: "2026-01-01T00:00:00Z", expireTime: "2036-01-01T00:00:00Z", serialNumber: "0", sha1Fingerprint: "00" }],
    tier: "STANDARD_HA",
    transitEncryptionMode: "SERVER_AUTHENTICATION",
});

export const projectBucketOutputs = outputsFactory("gcp:logging/projectBucketConfig:ProjectBucketConfig", "audit", {
    bucketId: "phi-audit",
    cmekSettings: null,
    description: "",
    enableAnalytics: false,
    id: "projects/phi-logs/locations/global/buckets/phi-audit",
    indexConfigs: [],
    lifecycleState: "ACTIVE",
    location: "global",
    locked: false,
    name: "projects/phi-logs/locations/global/buckets/phi-audit",
    project: "phi-logs",
    retentionDays: 2192,
});

export const cryptoKeyOutputs = outputsFactory("gcp:kms/cryptoKey:CryptoKey", "phi-key", {
    destroyScheduledDuration: "2592000s",
    effectiveLabels: {},
    id: "projects/phi/locations/us/keyRings/phi/cryptoKeys/phi-key",
    importOnly: false,
    keyAccessJustificationsPolicy: null,
    keyRing: "projects/phi/locations/us/keyRings/phi",
    labels: {},
    name: "phi-key",
    primaries: [{ name: "projects/phi/locations/us/keyRings/phi/cryptoKeys/phi-key/cryptoKeyVersions/1", state: "ENABLED" }],
    purpose: "ENCRYPT_DECRYPT",
    rotationPeriod: "7776000s",
    skipInitialVersionCreation: false,
    versionTemplate: { algorithm: "GOOGLE_SYMMETRIC_ENCRYPTION", protectionLevel: "SOFTWARE" },
});

// Stack outputs: related resources name each other by literal values only.
export const bucketOutputs = (name: string, bucket: string, changes: Props = {}): ResourceInput =>
    asOutputs(res(T.bucket, name, {
        accelerationStatus: "",
        arn: `arn:aws:s3:::${bucket}`,
        bucket,
        bucketDomainName: `${bucket}.s3.amazonaws.com`,
        bucketPrefix: "",
        bucketRegionalDomainName: `${bucket}.s3.us-east-1.amazonaws.com`,
        corsRules: [],
        forceDestroy: false,
        grants: [{ id: "abc", permissions: ["FULL_CONTROL"], type: "CanonicalUser", uri: "" }],
        hostedZoneId: "Z3AQBSTGFYJSTF",
        id: bucket,
        lifecycleRules: [],
        objectLockEnabled: false,
        policy: "",
        region: "us-east-1",
        requestPayer: "BucketOwner",
        // S3 encrypts every bucket with SSE-S3 by default, and the provider reports it inline.
        serverSideEncryptionConfiguration: { rule: { applyServerSideEncryptionByDefault: { kmsMasterKeyId: "", sseAlgorithm: "AES256" }, bucketKeyEnabled: false } },
        tags: {},
        tagsAll: {},
        versioning: { enabled: false, mfaDelete: false },
        ...changes,
    }));
export const publicAccessBlockOutputs = (name: string, bucket: string, changes: Props = {}): ResourceInput =>
    asOutputs(res(T.pab, name, { ...allFlags, bucket, id: bucket, region: "us-east-1", skipDestroy: false, ...changes }));
export const encryptionOutputs = (name: string, bucket: string, changes: Props = {}): ResourceInput =>
    asOutputs(res(T.sse, name, { bucket, expectedBucketOwner: "", id: bucket, region: "us-east-1", rules: [{ applyServerSideEncryptionByDefault: { kmsMasterKeyId: KMS_KEY_ARN, sseAlgorithm: "aws:kms" }, bucketKeyEnabled: true }], ...changes }));
export const versioningOutputs = (name: string, bucket: string, changes: Props = {}): ResourceInput =>
    asOutputs(res(T.versioning, name, { bucket, expectedBucketOwner: "", id: bucket, mfa: "", region: "us-east-1", versioningConfiguration: { mfaDelete: "", status: "Enabled" }, ...changes }));
export const stackLogGroupOutputs = (name: string, arn: string, changes: Props = {}): ResourceInput =>
    asOutputs(res(T.logGroup, name, { arn, kmsKeyId: KMS_KEY_ARN, logGroupClass: "STANDARD", name: arn.split(":log-group:")[1], namePrefix: "", retentionInDays: 2192, skipDestroy: false, tags: {}, tagsAll: {}, ...changes }));
export const stackTrailOutputs = (name: string, changes: Props = {}): ResourceInput => asOutputs({ ...trailOutputs(changes), name, urn: urnOf(T.trail, name) });
export const vpcOutputs = (name: string, id: string, changes: Props = {}): ResourceInput =>
    asOutputs(res(T.vpc, name, {
        arn: `arn:aws:ec2:us-east-1:111122223333:vpc/${id}`, assignGeneratedIpv6CidrBlock: false, cidrBlock: "10.0.0.0/16", defaultNetworkAclId: "acl-0a", defaultRouteTableId: "rtb-0a",
        defaultSecurityGroupId: "sg-0a", dhcpOptionsId: "dopt-0a", enableDnsHostnames: false, enableDnsSupport: true, enableNetworkAddressUsageMetrics: false, id, instanceTenancy: "default",
        ipv4IpamPoolId: "", ipv6AssociationId: "", ipv6CidrBlock: "", ipv6CidrBlockNetworkBorderGroup: "", ipv6IpamPoolId: "", ipv6NetmaskLength: 0, mainRouteTableId: "rtb-0a",
        ownerId: "111122223333", region: "us-east-1", tags: {}, tagsAll: {}, ...changes,
    }));
export const flowLogOutputs = (name: string, vpcId: string, changes: Props = {}): ResourceInput =>
    asOutputs(res(T.flowLog, name, {
        arn: `arn:aws:ec2:us-east-1:111122223333:vpc-flow-log/fl-${name}`, deliverCrossAccountRole: "", eniId: "", iamRoleArn: "arn:aws:iam::111122223333:role/flow-logs", id: `fl-${name}`,
        logDestination: "arn:aws:logs:us-east-1:111122223333:log-group:/vpc/flow", logDestinationType: "cloud-watch-logs", logFormat: "${version} ${account-id} ${interface-id}",
        logGroupName: "/vpc/flow", maxAggregationInterval: 600, region: "us-east-1", subnetId: "", tags: {}, tagsAll: {}, trafficType: "ALL", transitGatewayAttachmentId: "",
        transitGatewayId: "", vpcId, ...changes,
    }));

// --- GKE, Cloud Run and Cloud Functions (issue 20) ------------------------------------------------

export const GKE_CLIENT_KEY = "LS0tLS1CRUdJTiBSU0EgUFJJVkFURSBLRVktU0VDUkVU";
const gkeNodeConfig = {
    machineType: "e2-standard-4",
    serviceAccount: GCP_APP_SA,
    oauthScopes: ["https://www.googleapis.com/auth/cloud-platform"],
    bootDiskKmsKey: GCP_KMS_KEY,
    imageType: "COS_CONTAINERD",
    shieldedInstanceConfig: { enableSecureBoot: true, enableIntegrityMonitoring: true },
    workloadMetadataConfig: { mode: "GKE_METADATA" },
};
/** A compliant node pool block (as `nodeConfig` on a cluster or a pool). */
export const gkeNodes = gkeNodeConfig;
const gkeClusterProps = {
    location: "us-central1",
    network: "phi",
    subnetwork: "phi-private",
    initialNodeCount: 1,
    removeDefaultNodePool: true,
    networkingMode: "VPC_NATIVE",
    ipAllocationPolicy: { clusterSecondaryRangeName: "pods", servicesSecondaryRangeName: "services" },
    privateClusterConfig: { enablePrivateNodes: true, masterIpv4CidrBlock: "172.16.0.0/28" },
    masterAuthorizedNetworksConfig: { cidrBlocks: [{ cidrBlock: "10.30.0.0/24", displayName: "admins" }] },
    workloadIdentityConfig: { workloadPool: "phi-prod.svc.id.goog" },
    databaseEncryption: { state: "ENCRYPTED", keyName: GCP_KMS_KEY },
    datapathProvider: "ADVANCED_DATAPATH",
    releaseChannel: { channel: "REGULAR" },
    binaryAuthorization: { evaluationMode: "PROJECT_SINGLETON_POLICY_ENFORCE" },
    enableIntranodeVisibility: true,
    loggingConfig: { enableComponents: ["SYSTEM_COMPONENTS", "WORKLOADS"] },
    monitoringConfig: { enableComponents: ["SYSTEM_COMPONENTS"] },
};
/** A private Standard cluster whose nodes run in separate NodePool resources. */
export const gkeCluster = factory("gcp:container/cluster:Cluster", "gke", gkeClusterProps);
/** A Standard cluster that keeps its default node pool, configured by its own nodeConfig. */
const { removeDefaultNodePool: _removed, ...gkeDefaultPoolProps } = gkeClusterProps;
export const gkeClusterWithNodes = factory("gcp:container/cluster:Cluster", "gke", { ...gkeDefaultPoolProps, nodeConfig: gkeNodeConfig });
/** An Autopilot cluster: Google runs the nodes, the customer picks their account and boot-disk key. */
export const gkeAutopilot = factory("gcp:container/cluster:Cluster", "autopilot", {
    location: "us-central1",
    enableAutopilot: true,
    privateClusterConfig: { enablePrivateNodes: true },
    masterAuthorizedNetworksConfig: { cidrBlocks: [{ cidrBlock: "10.30.0.0/24" }] },
    databaseEncryption: { state: "ENCRYPTED", keyName: GCP_KMS_KEY },
    binaryAuthorization: { evaluationMode: "PROJECT_SINGLETON_POLICY_ENFORCE" },
    enableIntranodeVisibility: true,
    workloadIdentityConfig: { workloadPool: "phi-prod.svc.id.goog" },
    clusterAutoscaling: { autoProvisioningDefaults: { serviceAccount: GCP_APP_SA, bootDiskKmsKey: GCP_KMS_KEY } },
});
export const gkeNodePool = factory("gcp:container/nodePool:NodePool", "pool", {
    cluster: "gke",
    location: "us-central1",
    nodeCount: 1,
    management: { autoRepair: true, autoUpgrade: true },
    nodeConfig: gkeNodeConfig,
});
/** Garbage every GKE policy must survive: wrong types, nulls, nested unknowns, a client key as a secret. */
export const gkeGarbage: readonly Props[] = [
    { nodeConfig: null, nodePools: null, privateClusterConfig: null, masterAuth: null, databaseEncryption: null, management: null, releaseChannel: null },
    { nodeConfig: "e2", nodePools: "pool", privateClusterConfig: true, masterAuthorizedNetworksConfig: 7, loggingConfig: "on", binaryAuthorization: [3], removeDefaultNodePool: "yes" },
    { masterAuth: { clientKey: secret(GKE_CLIENT_KEY), clientCertificateConfig: secret({ issueClientCertificate: true }) }, nodeConfig: { serviceAccount: secret(GCP_DEFAULT_SA) } },
    { nodePools: [unknown, null, 3, { nodeConfig: [unknown], management: "auto" }], masterAuthorizedNetworksConfig: { cidrBlocks: [unknown, 4, { cidrBlock: [GKE_CLIENT_KEY] }] } },
    { enableAutopilot: "true", clusterAutoscaling: { autoProvisioningDefaults: "x" }, workloadIdentityConfig: [{ workloadPool: 5 }], location: 9, enableLegacyAbac: unknown },
    { nodeConfig: { shieldedInstanceConfig: "on", workloadMetadataConfig: { mode: 1 }, imageType: ["COS"], bootDiskKmsKey: 3 }, networkPolicy: { enabled: "true" }, datapathProvider: 2 },
];
export const gkeSecrets = [GKE_CLIENT_KEY, GCP_DEFAULT_SA];

const gkeNodeConfigOutputs = {
    ...gkeNodeConfig,
    diskSizeGb: 100,
    diskType: "pd-balanced",
    labels: {},
    localSsdCount: 0,
    metadata: { "disable-legacy-endpoints": "true" },
    minCpuPlatform: "",
    nodeGroup: "",
    preemptible: false,
    spot: false,
    tags: [],
    shieldedInstanceConfig: [{ enableIntegrityMonitoring: true, enableSecureBoot: true }],
    workloadMetadataConfig: [{ mode: "GKE_METADATA" }],
};
export const gkeNodeConfigState = gkeNodeConfigOutputs;
export const gkeClusterOutputs = outputsFactory("gcp:container/cluster:Cluster", "gke", {
    binaryAuthorization: [{ enabled: false, evaluationMode: "PROJECT_SINGLETON_POLICY_ENFORCE" }],
    clusterAutoscaling: [{ autoProvisioningDefaults: [], autoProvisioningLocations: [], autoscalingProfile: "BALANCED", enabled: false, resourceLimits: [] }],
    databaseEncryption: [{ keyName: GCP_KMS_KEY, state: "ENCRYPTED" }],
    datapathProvider: "ADVANCED_DATAPATH",
    enableAutopilot: false,
    enableIntranodeVisibility: true,
    enableLegacyAbac: false,
    enableShieldedNodes: true,
    endpoint: "172.16.0.2",
    id: "projects/phi-prod/locations/us-central1/clusters/gke",
    initialNodeCount: 1,
    ipAllocationPolicy: [{ clusterIpv4CidrBlock: "10.40.0.0/14", clusterSecondaryRangeName: "pods", servicesIpv4CidrBlock: "10.44.0.0/20", servicesSecondaryRangeName: "services", stackType: "IPV4" }],
    location: "us-central1",
    loggingConfig: [{ enableComponents: ["SYSTEM_COMPONENTS", "WORKLOADS"] }],
    loggingService: "logging.googleapis.com/kubernetes",
    masterAuth: [{ clientCertificate: "", clientCertificateConfig: [{ issueClientCertificate: false }], clientKey: "", clusterCaCertificate: "LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0t" }],
    masterAuthorizedNetworksConfig: [{ cidrBlocks: [{ cidrBlock: "10.30.0.0/24", displayName: "admins" }], gcpPublicCidrsAccessEnabled: false, privateEndpointEnforcementEnabled: false }],
    monitoringConfig: [{ advancedDatapathObservabilityConfig: [{ enableMetrics: false, enableRelay: false }], enableComponents: ["SYSTEM_COMPONENTS"], managedPrometheus: [{ enabled: true }] }],
    monitoringService: "monitoring.googleapis.com/kubernetes",
    network: `${gcpProject}/global/networks/phi`,
    networkPolicy: [{ enabled: false, provider: "PROVIDER_UNSPECIFIED" }],
    networkingMode: "VPC_NATIVE",
    nodeConfig: [gkeNodeConfigOutputs],
    nodeLocations: ["us-central1-a", "us-central1-b", "us-central1-c"],
    nodePools: [{ name: "pool", management: [{ autoRepair: true, autoUpgrade: true }], nodeConfig: [gkeNodeConfigOutputs], nodeCount: 1, version: "1.33.5-gke.1000" }],
    privateClusterConfig: [{ enablePrivateEndpoint: false, enablePrivateNodes: true, masterGlobalAccessConfig: [{ enabled: false }], masterIpv4CidrBlock: "172.16.0.0/28", peeringName: "", privateEndpoint: "172.16.0.2", privateEndpointSubnetwork: "", publicEndpoint: "34.1.2.3" }],
    releaseChannel: [{ channel: "REGULAR" }],
    removeDefaultNodePool: true,
    selfLink: "https://container.googleapis.com/v1/projects/phi-prod/locations/us-central1/clusters/gke",
    subnetwork: `${gcpProject}/regions/us-central1/subnetworks/phi-private`,
    workloadIdentityConfig: [{ workloadPool: "phi-prod.svc.id.goog" }],
});
export const gkeNodePoolOutputs = outputsFactory("gcp:container/nodePool:NodePool", "pool", {
    cluster: "gke",
    id: "projects/phi-prod/locations/us-central1/clusters/gke/nodePools/pool",
    instanceGroupUrls: [`${gcpProject}/zones/us-central1-a/instanceGroupManagers/gke-pool-grp`],
    location: "us-central1",
    management: [{ autoRepair: true, autoUpgrade: true }],
    name: "pool",
    networkConfig: [{ createPodRange: false, enablePrivateNodes: true, podIpv4CidrBlock: "10.40.0.0/14", podRange: "pods" }],
    nodeConfig: [gkeNodeConfigOutputs],
    nodeCount: 1,
    nodeLocations: ["us-central1-a"],
    version: "1.33.5-gke.1000",
});

const runImage = "us-central1-docker.pkg.dev/phi-prod/phi/api:1.0";
const runSecretRef = { secretKeyRef: { secret: "db-password", version: "latest" } };
export const runService = factory("gcp:cloudrunv2/service:Service", "api", {
    name: "api",
    location: "us-central1",
    ingress: "INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER",
    template: {
        serviceAccount: GCP_APP_SA,
        encryptionKey: GCP_KMS_KEY,
        containers: [{ image: runImage, envs: [{ name: "LOG_LEVEL", value: "info" }, { name: "DB_PASSWORD", valueSource: runSecretRef }] }],
    },
});
export const runServiceOutputs = outputsFactory("gcp:cloudrunv2/service:Service", "api", {
    name: "api",
    location: "us-central1",
    ingress: "INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER",
    invokerIamDisabled: false,
    defaultUriDisabled: false,
    uri: "https://api-abc123-uc.a.run.app",
    template: [{
        serviceAccount: GCP_APP_SA,
        encryptionKey: GCP_KMS_KEY,
        executionEnvironment: "",
        containers: [{ image: runImage, args: [], commands: [], envs: [{ name: "LOG_LEVEL", value: "info" }, { name: "DB_PASSWORD", value: "", valueSource: runSecretRef }], name: "" }],
    }],
});
export const runJob = factory("gcp:cloudrunv2/job:Job", "batch", {
    location: "us-central1",
    template: { template: { encryptionKey: GCP_KMS_KEY, containers: [{ image: runImage, envs: [{ name: "API_TOKEN", valueSource: runSecretRef }] }] } },
});
export const runV1Service = factory("gcp:cloudrun/service:Service", "api-v1", {
    location: "us-central1",
    metadata: { annotations: { "run.googleapis.com/ingress": "internal-and-cloud-load-balancing" } },
    template: {
        metadata: { annotations: { "run.googleapis.com/encryption-key": GCP_KMS_KEY } },
        spec: { containers: [{ image: runImage, envs: [{ name: "LOG_LEVEL", value: "info" }, { name: "DB_PASSWORD", valueFrom: { secretKeyRef: { name: "db-password", key: "latest" } } }] }] },
    },
});
export const runV1ServiceOutputs = outputsFactory("gcp:cloudrun/service:Service", "api-v1", {
    location: "us-central1",
    metadata: [{ annotations: { "run.googleapis.com/ingress": "internal-and-cloud-load-balancing" }, effectiveAnnotations: { "run.googleapis.com/ingress": "internal-and-cloud-load-balancing", "run.googleapis.com/ingress-status": "internal-and-cloud-load-balancing" }, generation: 1, labels: {}, namespace: "phi-prod", resourceVersion: "AAY", selfLink: "", uid: "4c1c" }],
    template: [{
        metadata: [{ annotations: { "run.googleapis.com/encryption-key": GCP_KMS_KEY }, generation: 0, labels: {}, name: "", namespace: "", resourceVersion: "", selfLink: "", uid: "" }],
        spec: [{ containerConcurrency: 80, containers: [{ image: runImage, args: [], commands: [], envs: [{ name: "LOG_LEVEL", value: "info", valueFrom: [] }], ports: [] }], serviceAccountName: GCP_APP_SA, timeoutSeconds: 300, volumes: [] }],
    }],
});
const invoker = { role: "roles/run.invoker", member: `serviceAccount:${GCP_APP_SA}` };
export const runIamMember = factory("gcp:cloudrunv2/serviceIamMember:ServiceIamMember", "invoker", { name: "api", location: "us-central1", ...invoker });
export const runIamBinding = factory("gcp:cloudrunv2/serviceIamBinding:ServiceIamBinding", "invokers", { name: "api", location: "us-central1", role: "roles/run.invoker", members: [`serviceAccount:${GCP_APP_SA}`] });
export const runIamPolicy = factory("gcp:cloudrunv2/serviceIamPolicy:ServiceIamPolicy", "policy", {
    name: "api",
    location: "us-central1",
    policyData: JSON.stringify({ bindings: [{ role: "roles/run.invoker", members: [`serviceAccount:${GCP_APP_SA}`] }] }),
});
export const runV1IamMember = factory("gcp:cloudrun/iamMember:IamMember", "invoker-v1", { service: "api-v1", location: "us-central1", ...invoker });
export const runJobIamBinding = factory("gcp:cloudrunv2/jobIamBinding:JobIamBinding", "runners", { name: "batch", location: "us-central1", role: "roles/run.invoker", members: ["group:phi-ops@example.com"] });

export const cloudFunction = factory("gcp:cloudfunctions/function:Function", "ingest", {
    name: "ingest",
    region: "us-central1",
    runtime: "nodejs20",
    entryPoint: "ingest",
    triggerHttp: true,
    httpsTriggerSecurityLevel: "SECURE_ALWAYS",
    ingressSettings: "ALLOW_INTERNAL_AND_GCLB",
    kmsKeyName: GCP_KMS_KEY,
    dockerRepository: "projects/phi-prod/locations/us-central1/repositories/phi",
    environmentVariables: { LOG_LEVEL: "info" },
    secretEnvironmentVariables: [{ key: "DB_PASSWORD", secret: "db-password", version: "latest" }],
});
export const cloudFunctionOutputs = outputsFactory("gcp:cloudfunctions/function:Function", "ingest", {
    ...cloudFunction().props,
    availableMemoryMb: 256,
    buildEnvironmentVariables: {},
    dockerRegistry: "ARTIFACT_REGISTRY",
    httpsTriggerUrl: "https://us-central1-phi-prod.cloudfunctions.net/ingest",
    maxInstances: 0,
    serviceAccountEmail: GCP_APP_SA,
    sourceRepository: [],
    timeout: 60,
    vpcConnector: "",
});
export const cloudFunctionV2 = factory("gcp:cloudfunctionsv2/function:Function", "ingest-v2", {
    name: "ingest-v2",
    location: "us-central1",
    kmsKeyName: GCP_KMS_KEY,
    buildConfig: { runtime: "nodejs20", entryPoint: "ingest", dockerRepository: "projects/phi-prod/locations/us-central1/repositories/phi", environmentVariables: { NODE_ENV: "production" } },
    serviceConfig: {
        ingressSettings: "ALLOW_INTERNAL_ONLY",
        serviceAccountEmail: GCP_APP_SA,
        environmentVariables: { LOG_LEVEL: "info" },
        secretEnvironmentVariables: [{ key: "DB_PASSWORD", projectId: "phi-prod", secret: "db-password", version: "latest" }],
    },
});
export const cloudFunctionV2Outputs = outputsFactory("gcp:cloudfunctionsv2/function:Function", "ingest-v2", {
    name: "ingest-v2",
    location: "us-central1",
    kmsKeyName: GCP_KMS_KEY,
    environment: "GEN_2",
    url: "https://ingest-v2-abc123-uc.a.run.app",
    buildConfig: [{ runtime: "nodejs20", entryPoint: "ingest", dockerRepository: "projects/phi-prod/locations/us-central1/repositories/phi", environmentVariables: { NODE_ENV: "production" }, serviceAccount: "", workerPool: "" }],
    serviceConfig: [{
        ingressSettings: "ALLOW_INTERNAL_ONLY",
        serviceAccountEmail: GCP_APP_SA,
        environmentVariables: { LOG_LEVEL: "info" },
        secretEnvironmentVariables: [{ key: "DB_PASSWORD", projectId: "phi-prod", secret: "db-password", version: "latest" }],
        vpcConnector: "",
        allTrafficOnLatestRevision: true,
    }],
});
const fnInvoker = { role: "roles/cloudfunctions.invoker", member: `serviceAccount:${GCP_APP_SA}` };
export const functionIamMember = factory("gcp:cloudfunctions/functionIamMember:FunctionIamMember", "fn-invoker", { cloudFunction: "ingest", region: "us-central1", ...fnInvoker });
export const functionV2IamBinding = factory("gcp:cloudfunctionsv2/functionIamBinding:FunctionIamBinding", "fn-invokers", { cloudFunction: "ingest-v2", location: "us-central1", role: "roles/cloudfunctions.invoker", members: [`serviceAccount:${GCP_APP_SA}`] });
export const functionV2IamPolicy = factory("gcp:cloudfunctionsv2/functionIamPolicy:FunctionIamPolicy", "fn-policy", {
    cloudFunction: "ingest-v2",
    location: "us-central1",
    policyData: JSON.stringify({ bindings: [{ role: "roles/cloudfunctions.invoker", members: [`serviceAccount:${GCP_APP_SA}`] }] }),
});
