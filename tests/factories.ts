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

// Vertex AI (policies/gcp/vertex.ts): Workbench and user-managed notebook instances, endpoints, datasets.
export const workbenchInstance = factory("gcp:workbench/instance:Instance", "notebook", {
    location: "us-central1-a",
    gceSetup: {
        machineType: "e2-standard-4",
        disablePublicIp: true,
        bootDisk: { diskEncryption: "CMEK", kmsKey: GCP_KMS_KEY },
        dataDisks: { diskEncryption: "CMEK", kmsKey: GCP_KMS_KEY, diskSizeGb: "100" },
        networkInterfaces: [{ network: "phi", subnet: "phi-subnet" }],
    },
});
/** As state holds it: blocks as one-element lists, the input-only diskEncryption empty. */
export const workbenchInstanceOutputs = factory("gcp:workbench/instance:Instance", "notebook", {
    location: "us-central1-a",
    state: "ACTIVE",
    gceSetup: [
        {
            machineType: "e2-standard-4",
            disablePublicIp: true,
            enableIpForwarding: false,
            bootDisk: [{ diskEncryption: "", diskSizeGb: "150", diskType: "PD_BALANCED", kmsKey: GCP_KMS_KEY }],
            dataDisks: [{ diskEncryption: "", diskSizeGb: "100", diskType: "PD_BALANCED", kmsKey: GCP_KMS_KEY }],
        },
    ],
});
export const notebooksInstance = factory("gcp:notebooks/instance:Instance", "legacy-notebook", {
    location: "us-central1-a",
    machineType: "e2-standard-4",
    noPublicIp: true,
    diskEncryption: "CMEK",
    kmsKey: GCP_KMS_KEY,
});
export const aiEndpoint = factory("gcp:vertex/aiEndpoint:AiEndpoint", "endpoint", { displayName: "claims-model", location: "us-central1", encryptionSpec: { kmsKeyName: GCP_KMS_KEY } });
export const aiDataset = factory("gcp:vertex/aiDataset:AiDataset", "dataset", { displayName: "claims", metadataSchemaUri: "gs://google-cloud-aiplatform/schema/dataset/metadata/tabular_1.0.0.yaml", region: "us-central1", encryptionSpec: { kmsKeyName: GCP_KMS_KEY } });
// --- Lambda, ECS, EMR, SageMaker notebooks, Elastic Beanstalk, CodeBuild, SSM (issue 17) -------------

export const T17 = {
    permission: "aws:lambda/permission:Permission",
    functionUrl: "aws:lambda/functionUrl:FunctionUrl",
    taskDefinition: "aws:ecs/taskDefinition:TaskDefinition",
    emrCluster: "aws:emr/cluster:Cluster",
    emrSecurityConfiguration: "aws:emr/securityConfiguration:SecurityConfiguration",
    subnet: "aws:ec2/subnet:Subnet",
    ebEnvironment: "aws:elasticbeanstalk/environment:Environment",
    ebTemplate: "aws:elasticbeanstalk/configurationTemplate:ConfigurationTemplate",
    codebuildProject: "aws:codebuild/project:Project",
    ssmDocument: "aws:ssm/document:Document",
} as const;

/** A secret a container's environment, a URL or a password holds: never echoed. */
export const BUILD_SECRET = "SECRET-do-not-echo-5e1c";

/** An S3 bucket allowed to invoke a function, restricted to its bucket and account. */
export const lambdaPermission = factory(T17.permission, "phi-s3-invoke", {
    action: "lambda:InvokeFunction",
    function: "phi-ingest",
    principal: "s3.amazonaws.com",
    sourceArn: "arn:aws:s3:::phi-intake",
    sourceAccount: "111122223333",
});
export const lambdaPermissionOutputs = outputsFactory(T17.permission, "phi-s3-invoke", {
    action: "lambda:InvokeFunction", eventSourceToken: "", function: "phi-ingest", functionUrlAuthType: "", id: "s3-invoke", invokedViaFunctionUrl: false,
    principal: "s3.amazonaws.com", principalOrgId: "", qualifier: "", region: "us-east-1", sourceAccount: "111122223333", sourceArn: "arn:aws:s3:::phi-intake",
    statementId: "s3-invoke", statementIdPrefix: "",
});

export const lambdaFunctionUrl = factory(T17.functionUrl, "phi-url", { authorizationType: "AWS_IAM", functionName: "phi-ingest" });
export const lambdaFunctionUrlOutputs = outputsFactory(T17.functionUrl, "phi-url", {
    authorizationType: "AWS_IAM", cors: [], functionArn: "arn:aws:lambda:us-east-1:111122223333:function:phi-ingest", functionName: "phi-ingest",
    functionUrl: "https://abcd.lambda-url.us-east-1.on.aws/", id: "phi-ingest", invokeMode: "BUFFERED", qualifier: "", region: "us-east-1", urlId: "abcd",
});

/** One compliant container definition (read-only root, non-root user), with a secret in its environment. */
export const ecsContainer = (changes: Props = {}): Props => ({
    name: "app",
    image: "111122223333.dkr.ecr.us-east-1.amazonaws.com/phi-app:1.4.2",
    essential: true,
    readonlyRootFilesystem: true,
    user: "1000",
    environment: [{ name: "DB_PASSWORD", value: BUILD_SECRET }],
    ...changes,
});
/** A task definition in host network mode (so both ECS policies apply) whose containers comply. */
export const taskDefinition = factory(T17.taskDefinition, "phi-app", {
    family: "phi-app",
    networkMode: "host",
    requiresCompatibilities: ["EC2"],
    containerDefinitions: JSON.stringify([ecsContainer()]),
});
export const taskDefinitionOutputs = outputsFactory(T17.taskDefinition, "phi-app", {
    arn: "arn:aws:ecs:us-east-1:111122223333:task-definition/phi-app:3", arnWithoutRevision: "arn:aws:ecs:us-east-1:111122223333:task-definition/phi-app",
    containerDefinitions: JSON.stringify([{ ...ecsContainer(), cpu: 0, mountPoints: [], portMappings: [], systemControls: [], volumesFrom: [] }]),
    cpu: "", enableFaultInjection: false, ephemeralStorage: [], executionRoleArn: "", family: "phi-app", id: "phi-app", inferenceAccelerators: [], ipcMode: "", memory: "",
    networkMode: "host", pidMode: "", placementConstraints: [], proxyConfiguration: [], region: "us-east-1", requiresCompatibilities: ["EC2"], revision: 3,
    runtimePlatform: [], skipDestroy: false, tags: {}, tagsAll: {}, taskRoleArn: "", trackLatest: false, volumes: [],
});

const emrCommon = {
    name: "phi-emr",
    releaseLabel: "emr-7.1.0",
    applications: ["Spark"],
    serviceRole: "arn:aws:iam::111122223333:role/EMR_DefaultRole",
    masterInstanceGroup: { instanceType: "m5.xlarge" },
    coreInstanceGroup: { instanceType: "m5.xlarge", instanceCount: 2 },
};
/** A Kerberized cluster in a private subnet (named literally here; stack cases connect it to a subnet). */
export const emrCluster = factory(T17.emrCluster, "phi-emr", {
    ...emrCommon,
    securityConfiguration: "phi-kerberos",
    kerberosAttributes: { realm: "EC2.INTERNAL", kdcAdminPassword: secret(BUILD_SECRET) },
    ec2Attributes: { subnetId: "subnet-0priv", instanceProfile: "arn:aws:iam::111122223333:instance-profile/EMR_EC2", serviceAccessSecurityGroup: "sg-0svc" },
});
/** As state records it: single nested blocks as one-element lists, "" for unset strings. */
export const emrClusterOutputs = outputsFactory(T17.emrCluster, "phi-emr", {
    ...emrCommon,
    additionalInfo: "", arn: "arn:aws:elasticmapreduce:us-east-1:111122223333:cluster/j-ABC", autoscalingRole: "", bootstrapActions: [], clusterState: "WAITING",
    configurations: "", configurationsJson: "", customAmiId: "", ebsRootVolumeSize: 15, id: "j-ABC", keepJobFlowAliveWhenNoSteps: true, logEncryptionKmsKeyId: "", logUri: "",
    masterPublicDns: "ip-10-0-1-5.ec2.internal", region: "us-east-1", scaleDownBehavior: "TERMINATE_AT_TASK_COMPLETION", securityConfiguration: "phi-kerberos",
    stepConcurrencyLevel: 1, steps: [], tags: {}, tagsAll: {}, terminationProtection: false, unhealthyNodeReplacement: false, visibleToAllUsers: true,
    kerberosAttributes: [{ adDomainJoinPassword: "", adDomainJoinUser: "", crossRealmTrustPrincipalPassword: "", kdcAdminPassword: secret(BUILD_SECRET), realm: "EC2.INTERNAL" }],
    ec2Attributes: [{
        additionalMasterSecurityGroups: "", additionalSlaveSecurityGroups: "", emrManagedMasterSecurityGroup: "sg-0m", emrManagedSlaveSecurityGroup: "sg-0s",
        instanceProfile: "arn:aws:iam::111122223333:instance-profile/EMR_EC2", keyName: "", serviceAccessSecurityGroup: "sg-0svc", subnetId: "subnet-0priv", subnetIds: ["subnet-0priv"],
    }],
});
/** A subnet as a program declares it (its id unknown at preview). */
export const subnetOf = (name: string, changes: Props = {}): ResourceInput => res(T17.subnet, name, { vpcId: unknown, cidrBlock: "10.0.1.0/24", ...changes });
export const subnetOutputs = (name: string, id: string, changes: Props = {}): ResourceInput =>
    asOutputs(res(T17.subnet, name, {
        arn: `arn:aws:ec2:us-east-1:111122223333:subnet/${id}`, assignIpv6AddressOnCreation: false, availabilityZone: "us-east-1a", cidrBlock: "10.0.1.0/24", customerOwnedIpv4Pool: "",
        enableDns64: false, id, ipv6CidrBlock: "", mapCustomerOwnedIpOnLaunch: false, mapPublicIpOnLaunch: false, outpostArn: "", ownerId: "111122223333", region: "us-east-1",
        tags: {}, tagsAll: {}, vpcId: "vpc-0a", ...changes,
    }));
/** A cluster in `subnet`, connected by property dependency (its subnet id unknown at preview). */
export const emrClusterIn = (name: string, subnet: ResourceInput | undefined, changes: Props = {}): ResourceInput =>
    res(T17.emrCluster, name, { ...emrCluster().props, ec2Attributes: { ...(emrCluster().props.ec2Attributes as Props), subnetId: unknown }, ...changes }, subnet ? { ec2Attributes: [subnet] } : {});

/** Managed platform updates on, as environment settings. */
export const managedUpdateSettings = [
    { namespace: "aws:elasticbeanstalk:managedactions", name: "ManagedActionsEnabled", value: "true" },
    { namespace: "aws:elasticbeanstalk:managedactions", name: "PreferredStartTime", value: "Sun:02:00" },
    { namespace: "aws:elasticbeanstalk:managedactions:platformupdate", name: "UpdateLevel", value: "minor" },
    { namespace: "aws:elasticbeanstalk:healthreporting:system", name: "SystemType", value: "enhanced" },
];
export const ebEnvironmentOf = (name: string, changes: Props = {}, deps: Record<string, readonly ResourceInput[]> = {}): ResourceInput =>
    res(T17.ebEnvironment, name, { application: "phi-portal", solutionStackName: "64bit Amazon Linux 2023 v6.1.0 running Node.js 20", settings: managedUpdateSettings, ...changes }, deps);
export const ebTemplateOf = (name: string, changes: Props = {}): ResourceInput =>
    res(T17.ebTemplate, name, { application: "phi-portal", name, solutionStackName: "64bit Amazon Linux 2023 v6.1.0 running Node.js 20", settings: managedUpdateSettings, ...changes });
/** As state records it: every option in allSettings, with `resource` "" and the environment's own settings. */
export const ebEnvironmentOutputs = (name: string, changes: Props = {}): ResourceInput =>
    asOutputs(res(T17.ebEnvironment, name, {
        allSettings: managedUpdateSettings.map(s => ({ ...s, resource: "" })), application: "phi-portal", arn: `arn:aws:elasticbeanstalk:us-east-1:111122223333:environment/phi-portal/${name}`,
        autoscalingGroups: ["awseb-asg"], cname: `${name}.us-east-1.elasticbeanstalk.com`, cnamePrefix: "", description: "", endpointUrl: "", id: "e-abc123", instances: ["i-0a"],
        launchConfigurations: [], loadBalancers: ["awseb-lb"], name, platformArn: "arn:aws:elasticbeanstalk:us-east-1::platform/Node.js 20 running on 64bit Amazon Linux 2023/6.1.0",
        pollInterval: "", queues: [], region: "us-east-1", settings: managedUpdateSettings.map(s => ({ ...s, resource: "" })), solutionStackName: "64bit Amazon Linux 2023 v6.1.0 running Node.js 20",
        tags: {}, tagsAll: {}, templateName: "", tier: "WebServer", triggers: [], versionLabel: "", waitForReadyTimeout: "20m", ...changes,
    }));

const buildEnvironment = {
    computeType: "BUILD_GENERAL1_SMALL",
    image: "aws/codebuild/amazonlinux-x86_64-standard:5.0",
    type: "LINUX_CONTAINER",
    environmentVariables: [
        { name: "STAGE", value: "prod" },
        { name: "AWS_SECRET_ACCESS_KEY", type: "SECRETS_MANAGER", value: "arn:aws:secretsmanager:us-east-1:111122223333:secret:ci-key" },
    ],
};
export const codebuildProject = factory(T17.codebuildProject, "phi-build", {
    name: "phi-build",
    serviceRole: "arn:aws:iam::111122223333:role/codebuild",
    artifacts: { type: "NO_ARTIFACTS" },
    environment: buildEnvironment,
    source: { type: "GITHUB", location: "https://github.com/example/phi-app.git" },
    secondarySources: [{ type: "BITBUCKET", location: "https://jdoe@bitbucket.org/example/phi-lib.git", sourceIdentifier: "lib" }],
});
/** As state records it: single blocks as one-element lists, the variables' default type filled in. */
export const codebuildProjectOutputs = outputsFactory(T17.codebuildProject, "phi-build", {
    arn: "arn:aws:codebuild:us-east-1:111122223333:project/phi-build", artifacts: [{ type: "NO_ARTIFACTS", location: "", name: "", path: "" }], badgeEnabled: false, badgeUrl: "",
    buildTimeout: 60, cache: [{ type: "NO_CACHE", location: "", modes: [] }], concurrentBuildLimit: 0, description: "", encryptionKey: "arn:aws:kms:us-east-1:111122223333:alias/aws/s3",
    environment: [{ ...buildEnvironment, certificate: "", imagePullCredentialsType: "CODEBUILD", privilegedMode: false, registryCredential: [],
        environmentVariables: buildEnvironment.environmentVariables.map(v => ({ type: "PLAINTEXT", ...v })) }],
    id: "phi-build", name: "phi-build", projectVisibility: "PRIVATE", publicProjectAlias: "", queuedTimeout: 480, region: "us-east-1", resourceAccessRole: "",
    secondaryArtifacts: [], secondarySourceVersions: [], secondarySources: [], serviceRole: "arn:aws:iam::111122223333:role/codebuild",
    source: [{ type: "GITHUB", location: "https://github.com/example/phi-app.git", buildspec: "", gitCloneDepth: 1, insecureSsl: false, reportBuildStatus: false, auth: [], buildStatusConfig: [], gitSubmodulesConfig: [] }],
    sourceVersion: "", tags: {}, tagsAll: {}, vpcConfig: [],
});

export const ssmDocument = factory(T17.ssmDocument, "phi-runbook", {
    name: "phi-runbook",
    documentType: "Command",
    content: JSON.stringify({ schemaVersion: "2.2", description: "Rotate logs", mainSteps: [] }),
    permissions: { type: "Share", accountIds: "111122223333,444455556666" },
});
export const ssmDocumentOutputs = outputsFactory(T17.ssmDocument, "phi-runbook", {
    arn: "arn:aws:ssm:us-east-1:111122223333:document/phi-runbook", attachmentsSources: [], content: "{}", createdDate: "2026-12-01T00:00:00Z", defaultVersion: "1",
    description: "Rotate logs", documentFormat: "JSON", documentType: "Command", documentVersion: "1", hash: "abc", hashType: "Sha256", id: "phi-runbook", latestVersion: "1",
    name: "phi-runbook", owner: "111122223333", parameters: [], permissions: { type: "Share", accountIds: "111122223333" }, platformTypes: ["Linux"], region: "us-east-1",
    schemaVersion: "2.2", status: "Active", tags: {}, tagsAll: {}, targetType: "", versionName: "",
});

// --- AWS IAM, CloudWatch alarms (issue 18) ---------------------------------------------------------

/** An IAM policy document as a JSON string, as `JSON.stringify` or a deployed policy holds it. */
export const iamDocument = (...statements: readonly Record<string, unknown>[]): string => JSON.stringify({ Version: "2012-10-17", Statement: statements });
/** A least-privilege statement: named actions on a named key and log group. */
export const scopedStatement = { Effect: "Allow", Action: ["kms:Decrypt", "logs:PutLogEvents"], Resource: [KMS_KEY_ARN, "arn:aws:logs:us-east-1:111122223333:log-group:/aws/ecs/hipaa-app-prod:*"] };

export const iamPolicy = factory("aws:iam/policy:Policy", "app", { name: "hipaa-app", path: "/", policy: iamDocument(scopedStatement) });
export const iamRolePolicy = factory("aws:iam/rolePolicy:RolePolicy", "app", { role: "hipaa-app", policy: iamDocument(scopedStatement) });
export const iamUserPolicy = factory("aws:iam/userPolicy:UserPolicy", "alice", { user: "alice", policy: iamDocument(scopedStatement) });
export const iamGroupPolicy = factory("aws:iam/groupPolicy:GroupPolicy", "analysts", { group: "analysts", policy: iamDocument(scopedStatement) });
export const iamRole = factory("aws:iam/role:Role", "app", {
    name: "hipaa-app",
    assumeRolePolicy: iamDocument({ Effect: "Allow", Principal: { Service: "ecs-tasks.amazonaws.com" }, Action: "sts:AssumeRole" }),
});
export const iamUserPolicyAttachment = factory("aws:iam/userPolicyAttachment:UserPolicyAttachment", "alice", { user: "alice", policyArn: "arn:aws:iam::111122223333:policy/hipaa-app" });
export const iamPolicyAttachment = factory("aws:iam/policyAttachment:PolicyAttachment", "app", { name: "hipaa-app", policyArn: "arn:aws:iam::111122223333:policy/hipaa-app", roles: ["hipaa-app"] });
export const accountPasswordPolicy = factory("aws:iam/accountPasswordPolicy:AccountPasswordPolicy", "strict", {
    minimumPasswordLength: 14,
    requireLowercaseCharacters: true,
    requireUppercaseCharacters: true,
    requireNumbers: true,
    requireSymbols: true,
    passwordReusePrevention: 24,
    maxPasswordAge: 90,
});
export const ALARM_TOPIC_ARN = "arn:aws:sns:us-east-1:111122223333:hipaa-alarms";
export const metricAlarm = factory("aws:cloudwatch/metricAlarm:MetricAlarm", "errors", {
    comparisonOperator: "GreaterThanThreshold",
    evaluationPeriods: 1,
    metricName: "Errors",
    namespace: "AWS/Lambda",
    period: 300,
    statistic: "Sum",
    threshold: 0,
    alarmActions: [ALARM_TOPIC_ARN],
    insufficientDataActions: [ALARM_TOPIC_ARN],
});

export const iamPolicyOutputs = outputsFactory("aws:iam/policy:Policy", "app", {
    arn: "arn:aws:iam::111122223333:policy/hipaa-app",
    attachmentCount: 1,
    description: "",
    id: "arn:aws:iam::111122223333:policy/hipaa-app",
    name: "hipaa-app",
    namePrefix: "",
    path: "/",
    policy: iamDocument(scopedStatement),
    policyId: "ANPAEXAMPLE",
    tags: {},
    tagsAll: {},
});
export const iamRoleOutputs = outputsFactory("aws:iam/role:Role", "app", {
    arn: "arn:aws:iam::111122223333:role/hipaa-app",
    assumeRolePolicy: iamDocument({ Effect: "Allow", Principal: { Service: "ecs-tasks.amazonaws.com" }, Action: "sts:AssumeRole" }),
    createDate: "2026-12-01T00:00:00Z",
    description: "",
    forceDetachPolicies: false,
    id: "hipaa-app",
    inlinePolicies: [],
    managedPolicyArns: ["arn:aws:iam::111122223333:policy/hipaa-app"],
    maxSessionDuration: 3600,
    name: "hipaa-app",
    namePrefix: "",
    path: "/",
    permissionsBoundary: "",
    tags: {},
    tagsAll: {},
    uniqueId: "AROAEXAMPLE",
});
export const accountPasswordPolicyOutputs = outputsFactory("aws:iam/accountPasswordPolicy:AccountPasswordPolicy", "strict", {
    allowUsersToChangePassword: true,
    expirePasswords: true,
    hardExpiry: false,
    id: "iam-account-password-policy",
    maxPasswordAge: 90,
    minimumPasswordLength: 14,
    passwordReusePrevention: 24,
    requireLowercaseCharacters: true,
    requireNumbers: true,
    requireSymbols: true,
    requireUppercaseCharacters: true,
});
export const metricAlarmOutputs = outputsFactory("aws:cloudwatch/metricAlarm:MetricAlarm", "errors", {
    actionsEnabled: true,
    alarmActions: [ALARM_TOPIC_ARN],
    alarmDescription: "",
    arn: "arn:aws:cloudwatch:us-east-1:111122223333:alarm:errors",
    comparisonOperator: "GreaterThanThreshold",
    datapointsToAlarm: 0,
    dimensions: {},
    evaluateLowSampleCountPercentiles: "",
    evaluationPeriods: 1,
    extendedStatistic: "",
    id: "errors",
    insufficientDataActions: [ALARM_TOPIC_ARN],
    metricName: "Errors",
    metricQueries: [],
    name: "errors",
    namespace: "AWS/Lambda",
    okActions: [],
    period: 300,
    statistic: "Sum",
    tags: {},
    tagsAll: {},
    threshold: 0,
    thresholdMetricId: "",
    treatMissingData: "missing",
    unit: "",
});

// --- Elastic Load Balancing, API Gateway and WAF (issue 17) -------------------------------------------

export const ACM_CERT_ARN = "arn:aws:acm:us-east-1:111122223333:certificate/0f2b7a1c-6d8e-4b1a-9c3d-2e5f7a9b1c3d";
export const IAM_CERT_ARN = "arn:aws:iam::111122223333:server-certificate/legacy-phi";
export const ALB_ARN = "arn:aws:elasticloadbalancing:us-east-1:111122223333:loadbalancer/app/phi/50dc6c495c0c9188";
export const TLS_POLICY = "ELBSecurityPolicy-TLS13-1-2-2021-06";

export const lbLoadBalancer = factory("aws:lb/loadBalancer:LoadBalancer", "phi-alb", {
    internal: true,
    loadBalancerType: "application",
    subnets: ["subnet-0a", "subnet-0b"],
    enableDeletionProtection: true,
    accessLogs: { bucket: "phi-alb-logs", enabled: true },
});
export const albLoadBalancer = factory("aws:alb/loadBalancer:LoadBalancer", "phi-alb", lbLoadBalancer().props);
/** An HTTPS listener with an ACM certificate and a TLS 1.2+ policy. */
export const lbListener = factory("aws:lb/listener:Listener", "https", {
    loadBalancerArn: ALB_ARN,
    port: 443,
    protocol: "HTTPS",
    certificateArn: ACM_CERT_ARN,
    sslPolicy: TLS_POLICY,
    defaultActions: [{ type: "forward", targetGroupArn: "arn:aws:elasticloadbalancing:us-east-1:111122223333:targetgroup/app/73e2d6bc24d8a067" }],
});
export const albListener = factory("aws:alb/listener:Listener", "https", lbListener().props);
/** The HTTP listener that redirects to HTTPS. */
export const lbHttpListener = factory("aws:lb/listener:Listener", "http", {
    loadBalancerArn: ALB_ARN,
    port: 80,
    protocol: "HTTP",
    defaultActions: [{ type: "redirect", redirect: { protocol: "HTTPS", port: "443", statusCode: "HTTP_301" } }],
});
export const lbListenerCertificate = factory("aws:lb/listenerCertificate:ListenerCertificate", "extra-cert", { listenerArn: unknown, certificateArn: ACM_CERT_ARN });
export const classicLoadBalancer = factory("aws:elb/loadBalancer:LoadBalancer", "phi-clb", {
    subnets: ["subnet-0a", "subnet-0b"],
    internal: true,
    crossZoneLoadBalancing: true,
    accessLogs: { bucket: "phi-clb-logs" },
    listeners: [{ lbPort: 443, lbProtocol: "HTTPS", instancePort: 443, instanceProtocol: "HTTPS", sslCertificateId: ACM_CERT_ARN }],
});
export const apigatewayStage = factory("aws:apigateway/stage:Stage", "prod", { restApi: "a1b2c3d4e5", deployment: "dep123", stageName: "prod", clientCertificateId: "cc1234" });

export const lbLoadBalancerOutputs = outputsFactory("aws:lb/loadBalancer:LoadBalancer", "phi-alb", {
    accessLogs: { bucket: "phi-alb-logs", enabled: true, prefix: "" },
    arn: ALB_ARN, arnSuffix: "app/phi/50dc6c495c0c9188", clientKeepAlive: 3600, connectionLogs: { bucket: "", enabled: false, prefix: "" }, customerOwnedIpv4Pool: "",
    desyncMitigationMode: "defensive", dnsName: "internal-phi-1.us-east-1.elb.amazonaws.com", dnsRecordClientRoutingPolicy: "", dropInvalidHeaderFields: false,
    enableCrossZoneLoadBalancing: true, enableDeletionProtection: true, enableHttp2: true, enableTlsVersionAndCipherSuiteHeaders: false, enableWafFailOpen: false,
    enableXffClientPort: false, enableZonalShift: false, enforceSecurityGroupInboundRulesOnPrivateLinkTraffic: "", id: ALB_ARN, idleTimeout: 60, internal: true,
    ipAddressType: "ipv4", loadBalancerType: "application", name: "phi", namePrefix: "", preserveHostHeader: false, region: "us-east-1", securityGroups: ["sg-0a"],
    subnets: ["subnet-0a", "subnet-0b"], tags: {}, tagsAll: {}, vpcId: "vpc-0a", xffHeaderProcessingMode: "append", zoneId: "Z35SXDOTRQ7X7K",
});
export const lbListenerOutputs = outputsFactory("aws:lb/listener:Listener", "https", {
    alpnPolicy: "", arn: `${ALB_ARN.replace(":loadbalancer/", ":listener/")}/f2f7dc8efc522ab2`, certificateArn: ACM_CERT_ARN,
    defaultActions: [{ authenticateCognito: [], authenticateOidc: [], fixedResponse: [], forward: [], order: 1, redirect: [], targetGroupArn: "arn:aws:elasticloadbalancing:us-east-1:111122223333:targetgroup/app/73e2d6bc24d8a067", type: "forward" }],
    id: "listener-1", loadBalancerArn: ALB_ARN, mutualAuthentication: [], port: 443, protocol: "HTTPS", region: "us-east-1", sslPolicy: TLS_POLICY, tags: {}, tagsAll: {},
});
export const lbHttpListenerOutputs = outputsFactory("aws:lb/listener:Listener", "http", {
    alpnPolicy: "", arn: `${ALB_ARN.replace(":loadbalancer/", ":listener/")}/a1a1a1a1a1a1a1a1`, certificateArn: "",
    defaultActions: [{ authenticateCognito: [], authenticateOidc: [], fixedResponse: [], forward: [], order: 1, redirect: [{ host: "#{host}", path: "/#{path}", port: "443", protocol: "HTTPS", query: "#{query}", statusCode: "HTTP_301" }], targetGroupArn: "", type: "redirect" }],
    id: "listener-2", loadBalancerArn: ALB_ARN, mutualAuthentication: [], port: 80, protocol: "HTTP", region: "us-east-1", sslPolicy: "", tags: {}, tagsAll: {},
});
export const classicLoadBalancerOutputs = outputsFactory("aws:elb/loadBalancer:LoadBalancer", "phi-clb", {
    accessLogs: { bucket: "phi-clb-logs", bucketPrefix: "", enabled: true, interval: 60 }, arn: "arn:aws:elasticloadbalancing:us-east-1:111122223333:loadbalancer/phi-clb",
    availabilityZones: ["us-east-1a", "us-east-1b"], connectionDraining: false, connectionDrainingTimeout: 300, crossZoneLoadBalancing: true, desyncMitigationMode: "defensive",
    dnsName: "internal-phi-clb.us-east-1.elb.amazonaws.com", healthCheck: { healthyThreshold: 10, interval: 30, target: "HTTPS:443/health", timeout: 5, unhealthyThreshold: 2 },
    id: "phi-clb", idleTimeout: 60, instances: [], internal: true,
    listeners: [{ instancePort: 443, instanceProtocol: "https", lbPort: 443, lbProtocol: "https", sslCertificateId: ACM_CERT_ARN }],
    name: "phi-clb", namePrefix: "", region: "us-east-1", securityGroups: ["sg-0a"], sourceSecurityGroup: "111122223333/default", sourceSecurityGroupId: "sg-0a",
    subnets: ["subnet-0a", "subnet-0b"], tags: {}, tagsAll: {}, zoneId: "Z35SXDOTRQ7X7K",
});
export const apigatewayStageOutputs = outputsFactory("aws:apigateway/stage:Stage", "prod", {
    accessLogSettings: [], arn: "arn:aws:apigateway:us-east-1::/restapis/a1b2c3d4e5/stages/prod", cacheClusterEnabled: false, cacheClusterSize: "", canarySettings: [],
    clientCertificateId: "cc1234", deployment: "dep123", description: "", documentationVersion: "", executionArn: "arn:aws:execute-api:us-east-1:111122223333:a1b2c3d4e5/prod",
    id: "ags-a1b2c3d4e5-prod", invokeUrl: "https://a1b2c3d4e5.execute-api.us-east-1.amazonaws.com/prod", region: "us-east-1", restApi: "a1b2c3d4e5", stageName: "prod",
    tags: {}, tagsAll: {}, variables: {}, webAclArn: "", xrayTracingEnabled: false,
});

// --- AWS EC2, VPC and Auto Scaling (issue 17: security groups, routing, instances, groups) ---------
// Compliant inputs first, then the same resources as state (outputs) holds them.

export const NET = {
    securityGroup: "aws:ec2/securityGroup:SecurityGroup",
    securityGroupRule: "aws:ec2/securityGroupRule:SecurityGroupRule",
    ingressRule: "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
    defaultSecurityGroup: "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup",
    subnet: "aws:ec2/subnet:Subnet",
    instance: "aws:ec2/instance:Instance",
    launchTemplate: "aws:ec2/launchTemplate:LaunchTemplate",
    launchConfiguration: "aws:ec2/launchConfiguration:LaunchConfiguration",
    metadataDefaults: "aws:ec2/instanceMetadataDefaults:InstanceMetadataDefaults",
    internetGateway: "aws:ec2/internetGateway:InternetGateway",
    igwAttachment: "aws:ec2/internetGatewayAttachment:InternetGatewayAttachment",
    route: "aws:ec2/route:Route",
    routeTable: "aws:ec2/routeTable:RouteTable",
    defaultRouteTable: "aws:ec2/defaultRouteTable:DefaultRouteTable",
    vpnGateway: "aws:ec2/vpnGateway:VpnGateway",
    group: "aws:autoscaling/group:Group",
    asgAttachment: "aws:autoscaling/attachment:Attachment",
    targetGroup: "aws:lb/targetGroup:TargetGroup",
} as const;

/** HTTPS from inside the VPC only. */
export const securityGroup = factory(NET.securityGroup, "app", {
    vpcId: unknown, description: "app tier",
    ingress: [{ protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["10.20.0.0/16"] }],
    egress: [{ protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"] }],
});
export const securityGroupRule = factory(NET.securityGroupRule, "app-https", { type: "ingress", securityGroupId: unknown, protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["10.20.0.0/16"] });
export const ingressRule = factory(NET.ingressRule, "app-https", { securityGroupId: unknown, ipProtocol: "tcp", fromPort: 443, toPort: 443, cidrIpv4: "10.20.0.0/16" });
export const ec2Subnet = factory(NET.subnet, "app-0", { vpcId: unknown, cidrBlock: "10.20.0.0/24", mapPublicIpOnLaunch: false });
export const ec2Instance = factory(NET.instance, "app", {
    ami: "ami-0abc", instanceType: "t3.small", subnetId: "subnet-0a", associatePublicIpAddress: false, iamInstanceProfile: "app",
    metadataOptions: { httpTokens: "required" }, rootBlockDevice: { encrypted: true, kmsKeyId: KMS_KEY_ARN },
});
export const ec2LaunchTemplate = factory(NET.launchTemplate, "app", {
    imageId: "ami-0abc", instanceType: "t3.small", iamInstanceProfile: { name: "app" }, metadataOptions: { httpTokens: "required" },
    networkInterfaces: [{ associatePublicIpAddress: "false", securityGroups: [unknown] }],
    blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { encrypted: "true", kmsKeyId: KMS_KEY_ARN } }],
});
export const ec2LaunchConfiguration = factory(NET.launchConfiguration, "app", {
    imageId: "ami-0abc", instanceType: "t3.small", associatePublicIpAddress: false, iamInstanceProfile: "app", metadataOptions: { httpTokens: "required" },
    rootBlockDevice: { encrypted: true },
});

export const securityGroupOutputs = outputsFactory(NET.securityGroup, "app", {
    arn: "arn:aws:ec2:us-east-1:111122223333:security-group/sg-0app", description: "app tier",
    egress: [{ cidrBlocks: ["0.0.0.0/0"], description: "", fromPort: 0, ipv6CidrBlocks: [], prefixListIds: [], protocol: "-1", securityGroups: [], self: false, toPort: 0 }],
    id: "sg-0app",
    ingress: [{ cidrBlocks: ["10.20.0.0/16"], description: "", fromPort: 443, ipv6CidrBlocks: [], prefixListIds: [], protocol: "tcp", securityGroups: [], self: false, toPort: 443 }],
    name: "app-1234", namePrefix: "", ownerId: "111122223333", region: "us-east-1", revokeRulesOnDelete: false, tags: {}, tagsAll: {}, vpcId: "vpc-0a",
});
export const securityGroupRuleOutputs = outputsFactory(NET.securityGroupRule, "app-https", {
    cidrBlocks: ["10.20.0.0/16"], description: "", fromPort: 443, id: "sgrule-1", ipv6CidrBlocks: [], prefixListIds: [], protocol: "tcp", region: "us-east-1",
    securityGroupId: "sg-0app", securityGroupRuleId: "sgr-0a", self: false, sourceSecurityGroupId: "", toPort: 443, type: "ingress",
});
export const ingressRuleOutputs = outputsFactory(NET.ingressRule, "app-https", {
    arn: "arn:aws:ec2:us-east-1:111122223333:security-group-rule/sgr-0a", cidrIpv4: "10.20.0.0/16", cidrIpv6: "", description: "", fromPort: 443, id: "sgr-0a",
    ipProtocol: "tcp", prefixListId: "", referencedSecurityGroupId: "", region: "us-east-1", securityGroupId: "sg-0app", securityGroupRuleId: "sgr-0a", tags: {}, tagsAll: {}, toPort: 443,
});
export const ec2SubnetOutputs = outputsFactory(NET.subnet, "app-0", {
    arn: "arn:aws:ec2:us-east-1:111122223333:subnet/subnet-0a", assignIpv6AddressOnCreation: false, availabilityZone: "us-east-1a", availabilityZoneId: "use1-az1",
    cidrBlock: "10.20.0.0/24", customerOwnedIpv4Pool: "", enableDns64: false, enableLniAtDeviceIndex: 0, enableResourceNameDnsARecordOnLaunch: false,
    enableResourceNameDnsAaaaRecordOnLaunch: false, id: "subnet-0a", ipv6CidrBlock: "", ipv6CidrBlockAssociationId: "", ipv6Native: false,
    mapCustomerOwnedIpOnLaunch: false, mapPublicIpOnLaunch: false, outpostArn: "", ownerId: "111122223333", privateDnsHostnameTypeOnLaunch: "ip-name",
    region: "us-east-1", tags: {}, tagsAll: {}, vpcId: "vpc-0a",
});
export const ec2InstanceOutputs = outputsFactory(NET.instance, "app", {
    ami: "ami-0abc", arn: "arn:aws:ec2:us-east-1:111122223333:instance/i-0a", associatePublicIpAddress: false, availabilityZone: "us-east-1a",
    ebsBlockDevices: [], iamInstanceProfile: "app", id: "i-0a", instanceType: "t3.small",
    metadataOptions: { httpEndpoint: "enabled", httpProtocolIpv6: "disabled", httpPutResponseHopLimit: 1, httpTokens: "required", instanceMetadataTags: "disabled" },
    primaryNetworkInterfaceId: "eni-0a", privateIp: "10.20.0.10", publicDns: "", publicIp: "",
    rootBlockDevice: { deleteOnTermination: true, deviceName: "/dev/xvda", encrypted: true, iops: 3000, kmsKeyId: KMS_KEY_ARN, tags: {}, throughput: 125, volumeId: "vol-0a", volumeSize: 8, volumeType: "gp3" },
    subnetId: "subnet-0a", tags: {}, tagsAll: {}, vpcSecurityGroupIds: ["sg-0app"],
});
export const ec2LaunchTemplateOutputs = outputsFactory(NET.launchTemplate, "app", {
    arn: "arn:aws:ec2:us-east-1:111122223333:launch-template/lt-0a", blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { encrypted: "true", kmsKeyId: KMS_KEY_ARN, snapshotId: "", volumeType: "gp3" }, noDevice: "", virtualName: "" }],
    defaultVersion: 1, description: "", iamInstanceProfile: { arn: "", name: "app" }, id: "lt-0a", imageId: "ami-0abc", instanceType: "t3.small", latestVersion: 1,
    metadataOptions: { httpEndpoint: "enabled", httpProtocolIpv6: "", httpPutResponseHopLimit: 1, httpTokens: "required", instanceMetadataTags: "" },
    name: "app-1234", namePrefix: "", networkInterfaces: [{ associateCarrierIpAddress: "", associatePublicIpAddress: "false", deleteOnTermination: "", description: "", deviceIndex: 0, networkInterfaceId: "", securityGroups: ["sg-0app"], subnetId: "" }],
    tags: {}, tagsAll: {}, updateDefaultVersion: false, vpcSecurityGroupIds: [],
});
export const ec2LaunchConfigurationOutputs = outputsFactory(NET.launchConfiguration, "app", {
    arn: "arn:aws:autoscaling:us-east-1:111122223333:launchConfiguration:lc-app", associatePublicIpAddress: false, ebsBlockDevices: [], ebsOptimized: false, enableMonitoring: true,
    iamInstanceProfile: "app", id: "app-1234", imageId: "ami-0abc", instanceType: "t3.small", keyName: "",
    metadataOptions: { httpEndpoint: "enabled", httpPutResponseHopLimit: 1, httpTokens: "required" }, name: "app-1234", namePrefix: "", placementTenancy: "",
    rootBlockDevice: { deleteOnTermination: true, encrypted: true, iops: 0, throughput: 0, volumeSize: 8, volumeType: "gp3" }, securityGroups: ["sg-0app"], spotPrice: "", userData: "", userDataBase64: "",
});

// --- GCP VPC, firewalls, Cloud DNS, load balancing and snapshots (issue 20, wp6-net) ---------------

export const GCP_NETWORK_ID = "projects/phi-prod/global/networks/phi";
const gcpNetworkLink = `${gcpProject}/global/networks/phi`;
export const firewall = factory("gcp:compute/firewall:Firewall", "iap-ssh", {
    network: GCP_NETWORK_ID,
    direction: "INGRESS",
    sourceRanges: ["35.235.240.0/20"],
    allows: [{ protocol: "tcp", ports: ["22"] }],
    logConfig: { metadata: "INCLUDE_ALL_METADATA" },
});
/** A firewall open to the world on HTTPS only (compliant with every firewall policy). */
export const webFirewall = (changes: Props = {}): ResourceInput => firewall({ sourceRanges: ["0.0.0.0/0", "::/0"], allows: [{ protocol: "tcp", ports: ["443"] }], ...changes });
const policyRule = { action: "allow", direction: "INGRESS", priority: 1000, enableLogging: true, match: { srcIpRanges: ["10.0.0.0/8"], layer4Configs: [{ ipProtocol: "tcp", ports: ["22"] }] } };
export const firewallPolicyRule = factory("gcp:compute/firewallPolicyRule:FirewallPolicyRule", "org-rule", { ...policyRule, firewallPolicy: "locations/global/firewallPolicies/1" });
export const networkFirewallPolicyRule = factory("gcp:compute/networkFirewallPolicyRule:NetworkFirewallPolicyRule", "net-rule", { ...policyRule, firewallPolicy: "phi-policy" });
export const regionNetworkFirewallPolicyRule = factory("gcp:compute/regionNetworkFirewallPolicyRule:RegionNetworkFirewallPolicyRule", "region-rule", { ...policyRule, firewallPolicy: "phi-policy", region: "us-central1" });
export const networkFirewallPolicyWithRules = factory("gcp:compute/networkFirewallPolicyWithRules:NetworkFirewallPolicyWithRules", "with-rules", { rules: [policyRule, { ...policyRule, priority: 1001, action: "deny" }] });
export const firewallPolicyWithRules = factory("gcp:compute/firewallPolicyWithRules:FirewallPolicyWithRules", "org-with-rules", { parent: "organizations/1", shortName: "phi", rules: [policyRule] });
export const regionNetworkFirewallPolicyWithRules = factory("gcp:compute/regionNetworkFirewallPolicyWithRules:RegionNetworkFirewallPolicyWithRules", "region-with-rules", { region: "us-central1", rules: [policyRule] });
export const firewalls = (changes?: Props): ResourceInput[] => [firewall(changes), firewallPolicyRule(changes), networkFirewallPolicyRule(changes), regionNetworkFirewallPolicyRule(changes)];
export const policyRules = (changes?: Props): ResourceInput[] => [firewallPolicyRule(changes), networkFirewallPolicyRule(changes), regionNetworkFirewallPolicyRule(changes)];
export const withRulesPolicies = (rules: readonly unknown[]): ResourceInput[] => [networkFirewallPolicyWithRules({ rules }), firewallPolicyWithRules({ rules }), regionNetworkFirewallPolicyWithRules({ rules })];

export const subnetwork = factory("gcp:compute/subnetwork:Subnetwork", "phi-private", {
    network: GCP_NETWORK_ID,
    region: "us-central1",
    ipCidrRange: "10.30.0.0/24",
    privateIpGoogleAccess: true,
    logConfig: { aggregationInterval: "INTERVAL_5_SEC", flowSampling: 1, metadata: "INCLUDE_ALL_METADATA" },
});
export const vpcNetwork = factory("gcp:compute/network:Network", "phi", { autoCreateSubnetworks: false, routingMode: "REGIONAL" });
export const organizationsProject = factory("gcp:organizations/project:Project", "phi-prod", { projectId: "phi-prod", name: "PHI prod", orgId: "1", autoCreateNetwork: false });
export const managedZone = factory("gcp:dns/managedZone:ManagedZone", "public", { dnsName: "example.com.", dnssecConfig: { state: "on" } });
export const dnsPolicy = factory("gcp:dns/policy:Policy", "dns-logging", { enableLogging: true, networks: [{ networkUrl: GCP_NETWORK_ID }] });
export const backendService = factory("gcp:compute/backendService:BackendService", "web", { protocol: "HTTPS", loadBalancingScheme: "EXTERNAL_MANAGED", logConfig: { enable: true, sampleRate: 1 } });
export const regionBackendService = factory("gcp:compute/regionBackendService:RegionBackendService", "internal", { region: "us-central1", loadBalancingScheme: "INTERNAL_MANAGED", protocol: "HTTPS", logConfig: { enable: true } });
export const sslPolicy = factory("gcp:compute/sSLPolicy:SSLPolicy", "tls12", { name: "phi-tls12", profile: "MODERN", minTlsVersion: "TLS_1_2" });
export const regionSslPolicy = factory("gcp:compute/regionSslPolicy:RegionSslPolicy", "rtls12", { name: "phi-rtls12", region: "us-central1", profile: "RESTRICTED" });
export const targetHttpsProxy = factory("gcp:compute/targetHttpsProxy:TargetHttpsProxy", "web", { urlMap: "phi-map", sslCertificates: ["phi-cert"], sslPolicy: "phi-tls12" });
export const regionTargetHttpsProxy = factory("gcp:compute/regionTargetHttpsProxy:RegionTargetHttpsProxy", "rweb", { region: "us-central1", urlMap: "phi-rmap", sslCertificates: ["phi-rcert"], sslPolicy: "phi-rtls12" });
export const targetSslProxy = factory("gcp:compute/targetSSLProxy:TargetSSLProxy", "tls", { backendService: "phi-tcp", sslCertificates: ["phi-cert"], sslPolicy: "phi-tls12" });
export const computeSnapshot = factory("gcp:compute/snapshot:Snapshot", "phi-snap", { sourceDisk: "disk", zone: "us-central1-a", snapshotEncryptionKey: { kmsKeySelfLink: GCP_KMS_KEY } });

export const firewallOutputs = outputsFactory("gcp:compute/firewall:Firewall", "iap-ssh", {
    allows: [{ ports: ["22"], protocol: "tcp" }], creationTimestamp: "2026-01-01T00:00:00.000-08:00", denies: [], description: "", destinationRanges: [], direction: "INGRESS",
    disabled: false, enableLogging: true, id: "projects/phi-prod/global/firewalls/iap-ssh", logConfig: { metadata: "INCLUDE_ALL_METADATA" }, name: "iap-ssh", network: gcpNetworkLink,
    priority: 1000, project: "phi-prod", selfLink: `${gcpProject}/global/firewalls/iap-ssh`, sourceRanges: ["35.235.240.0/20"], sourceServiceAccounts: [], sourceTags: [],
    targetServiceAccounts: [], targetTags: [],
});
export const networkFirewallPolicyRuleOutputs = outputsFactory("gcp:compute/networkFirewallPolicyRule:NetworkFirewallPolicyRule", "net-rule", {
    action: "allow", description: "", direction: "INGRESS", disabled: false, enableLogging: true, firewallPolicy: "phi-policy", kind: "compute#firewallPolicyRule",
    match: { destAddressGroups: [], destFqdns: [], destIpRanges: [], destRegionCodes: [], destThreatIntelligences: [], layer4Configs: [{ ipProtocol: "tcp", ports: ["22"] }], srcAddressGroups: [], srcFqdns: [], srcIpRanges: ["10.0.0.0/8"], srcNetworkScope: "", srcNetworks: [], srcRegionCodes: [], srcSecureTags: [], srcThreatIntelligences: [] },
    priority: 1000, project: "phi-prod", ruleName: "", ruleTupleCount: 2, securityProfileGroup: "", targetSecureTags: [], targetServiceAccounts: [], tlsInspect: false,
});
export const subnetworkOutputs = outputsFactory("gcp:compute/subnetwork:Subnetwork", "phi-private", {
    creationTimestamp: "2026-01-01T00:00:00.000-08:00", description: "", externalIpv6Prefix: "", fingerprint: "", gatewayAddress: "10.30.0.1", id: "projects/phi-prod/regions/us-central1/subnetworks/phi-private",
    internalIpv6Prefix: "", ipCidrRange: "10.30.0.0/24", ipv6AccessType: "", ipv6CidrRange: "", logConfig: [{ aggregationInterval: "INTERVAL_5_SEC", filterExpr: "true", flowSampling: 1, metadata: "INCLUDE_ALL_METADATA", metadataFields: [] }],
    name: "phi-private", network: gcpNetworkLink, privateIpGoogleAccess: true, privateIpv6GoogleAccess: "DISABLE_GOOGLE_ACCESS", project: "phi-prod", purpose: "PRIVATE", region: "us-central1",
    role: "", secondaryIpRanges: [], selfLink: `${gcpProject}/regions/us-central1/subnetworks/phi-private`, stackType: "IPV4_ONLY",
});
export const vpcNetworkOutputs = (changes: Props = {}): ResourceInput =>
    asOutputs(res("gcp:compute/network:Network", "phi", {
        autoCreateSubnetworks: false, deleteDefaultRoutesOnCreate: false, description: "", enableUlaInternalIpv6: false, gatewayIpv4: "", id: GCP_NETWORK_ID, internalIpv6Range: "",
        mtu: 1460, name: "phi", networkFirewallPolicyEnforcementOrder: "AFTER_CLASSIC_FIREWALL", numericId: "1234567890", project: "phi-prod", routingMode: "REGIONAL", selfLink: gcpNetworkLink, ...changes,
    }));
export const managedZoneOutputs = outputsFactory("gcp:dns/managedZone:ManagedZone", "public", {
    cloudLoggingConfig: [{ enableLogging: false }], creationTime: "2026-01-01T00:00:00.000Z", description: "Managed by Pulumi", dnsName: "example.com.",
    dnssecConfig: [{ defaultKeySpecs: [{ algorithm: "rsasha256", keyLength: 2048, keyType: "keySigning", kind: "dns#dnsKeySpec" }, { algorithm: "rsasha256", keyLength: 1024, keyType: "zoneSigning", kind: "dns#dnsKeySpec" }], kind: "dns#managedZoneDnsSecConfig", nonExistence: "nsec3", state: "on" }],
    forceDestroy: false, forwardingConfig: null, id: "projects/phi-prod/managedZones/public", labels: {}, managedZoneId: 1, name: "public", nameServers: ["ns-cloud-a1.googledomains.com."], peeringConfig: null,
    privateVisibilityConfig: null, project: "phi-prod", visibility: "public",
});
export const backendServiceOutputs = outputsFactory("gcp:compute/backendService:BackendService", "web", {
    affinityCookieTtlSec: 0, backends: [], cdnPolicy: [], circuitBreakers: [], compressionMode: "", connectionDrainingTimeoutSec: 300, customRequestHeaders: [], customResponseHeaders: [], description: "",
    enableCdn: false, fingerprint: "abc", healthChecks: [], iap: [], id: "projects/phi-prod/global/backendServices/web", loadBalancingScheme: "EXTERNAL_MANAGED", localityLbPolicy: "",
    logConfig: [{ enable: true, optionalFields: [], optionalMode: "", sampleRate: 1 }], name: "web", portName: "http", project: "phi-prod", protocol: "HTTPS", securityPolicy: "",
    selfLink: `${gcpProject}/global/backendServices/web`, sessionAffinity: "NONE", timeoutSec: 30,
});
export const snapshotOutputs = outputsFactory("gcp:compute/snapshot:Snapshot", "phi-snap", {
    chainName: "", creationTimestamp: "2026-01-01T00:00:00.000-08:00", description: "", diskSizeGb: 100, id: "projects/phi-prod/global/snapshots/phi-snap", labelFingerprint: "", labels: {},
    licenses: [], name: "phi-snap", project: "phi-prod", selfLink: `${gcpProject}/global/snapshots/phi-snap`, snapshotEncryptionKey: [{ kmsKeySelfLink: GCP_KMS_KEY, kmsKeyServiceAccount: "", rawKey: "", rsaEncryptedKey: "", sha256: "" }],
    snapshotId: 1, snapshotType: "STANDARD", sourceDisk: `${gcpProject}/zones/us-central1-a/disks/disk`, sourceDiskEncryptionKey: null, storageBytes: 0, storageLocations: ["us"], zone: "us-central1-a",
});
// --- GCP identity, audit logging and key access (issue 18): IAM on the resource hierarchy, KMS key
// IAM, service account keys, audit configs, log sinks, projects and enabled APIs. Inputs-shaped, then
// outputs-shaped (etag, condition as an empty list, "" for unset strings).

export const GCP_PROJECT = "phi-prod";
const projectGrant = { project: GCP_PROJECT, role: "roles/logging.logWriter" };
export const projectIamMember = factory("gcp:projects/iAMMember:IAMMember", "log-writer", { ...projectGrant, member: `serviceAccount:${GCP_APP_SA}` });
export const projectIamBinding = factory("gcp:projects/iAMBinding:IAMBinding", "log-writers", { ...projectGrant, members: [`serviceAccount:${GCP_APP_SA}`, "group:phi-ops@example.com"] });
export const projectIamPolicy = factory("gcp:projects/iAMPolicy:IAMPolicy", "policy", {
    project: GCP_PROJECT,
    policyData: JSON.stringify({ bindings: [{ role: "roles/logging.logWriter", members: [`serviceAccount:${GCP_APP_SA}`] }] }),
});
export const folderIamMember = factory("gcp:folder/iAMMember:IAMMember", "folder-viewer", { folder: "folders/1234", role: "roles/logging.viewer", member: "group:phi-ops@example.com" });
export const organizationIamBinding = factory("gcp:organizations/iAMBinding:IAMBinding", "org-auditors", { orgId: "123456789", role: "roles/iam.securityReviewer", members: ["group:auditors@example.com"] });
export const projectIamMemberOutputs = (changes: Props = {}): ResourceInput =>
    asOutputs(factory("gcp:projects/iAMMember:IAMMember", "log-writer", { ...projectGrant, member: `serviceAccount:${GCP_APP_SA}`, condition: [], etag: "BwY=", id: `${GCP_PROJECT}/roles/logging.logWriter/serviceAccount:${GCP_APP_SA}` })(changes));
export const projectIamBindingOutputs = (changes: Props = {}): ResourceInput =>
    asOutputs(factory("gcp:projects/iAMBinding:IAMBinding", "log-writers", { ...projectGrant, members: [`serviceAccount:${GCP_APP_SA}`], condition: null, etag: "BwY=", id: `${GCP_PROJECT}/roles/logging.logWriter` })(changes));

export const cryptoKeyIamMember = factory("gcp:kms/cryptoKeyIAMMember:CryptoKeyIAMMember", "sql-agent-uses-key", { cryptoKeyId: GCP_KMS_KEY, role: "roles/cloudkms.cryptoKeyEncrypterDecrypter", member: "serviceAccount:service-123@gcp-sa-cloud-sql.iam.gserviceaccount.com" });
export const keyRingIamBinding = factory("gcp:kms/keyRingIAMBinding:KeyRingIAMBinding", "ring-viewers", { keyRingId: "projects/phi/locations/us-central1/keyRings/phi", role: "roles/cloudkms.viewer", members: ["group:phi-ops@example.com"] });
export const cryptoKeyIamPolicy = factory("gcp:kms/cryptoKeyIAMPolicy:CryptoKeyIAMPolicy", "key-policy", {
    cryptoKeyId: GCP_KMS_KEY,
    policyData: JSON.stringify({ bindings: [{ role: "roles/cloudkms.cryptoKeyEncrypterDecrypter", members: [`serviceAccount:${GCP_APP_SA}`] }] }),
});
export const protectedCryptoKey = factory("gcp:kms/cryptoKey:CryptoKey", "phi-key", { keyRing: "projects/phi/locations/us/keyRings/phi", rotationPeriod: "7776000s", deletionPolicy: "PREVENT" });
export const secretIamMember = factory("gcp:secretmanager/secretIamMember:SecretIamMember", "secret-reader", { secretId: "projects/phi/secrets/db", role: "roles/secretmanager.secretAccessor", member: `serviceAccount:${GCP_APP_SA}` });
export const serviceAccountKey = factory("gcp:serviceaccount/key:Key", "app-key", { serviceAccountId: GCP_APP_SA });

const allLogTypes = [{ logType: "ADMIN_READ" }, { logType: "DATA_READ" }, { logType: "DATA_WRITE" }];
export const projectAuditConfig = factory("gcp:projects/iAMAuditConfig:IAMAuditConfig", "data-access", { project: GCP_PROJECT, service: "allServices", auditLogConfigs: allLogTypes });
export const folderAuditConfig = factory("gcp:folder/iamAuditConfig:IamAuditConfig", "folder-data-access", { folder: "folders/1234", service: "allServices", auditLogConfigs: allLogTypes });
export const organizationAuditConfig = factory("gcp:organizations/iamAuditConfig:IamAuditConfig", "org-data-access", { orgId: "123456789", service: "allServices", auditLogConfigs: allLogTypes });
export const projectAuditConfigOutputs = (changes: Props = {}): ResourceInput =>
    asOutputs(factory("gcp:projects/iAMAuditConfig:IAMAuditConfig", "data-access", {
        project: GCP_PROJECT, service: "allServices", etag: "BwY=", id: `${GCP_PROJECT}/audit_config/allServices`,
        auditLogConfigs: allLogTypes.map(c => ({ ...c, exemptedMembers: [] })),
    })(changes));

export const projectResource = factory("gcp:organizations/project:Project", "phi-project", { projectId: GCP_PROJECT, name: "PHI production", folderId: "1234", billingAccount: "000000-000000-000000" });
export const projectSink = factory("gcp:logging/projectSink:ProjectSink", "all-logs", { project: GCP_PROJECT, destination: "storage.googleapis.com/phi-log-archive", uniqueWriterIdentity: true });
export const projectSinkOutputs = (changes: Props = {}): ResourceInput =>
    asOutputs(factory("gcp:logging/projectSink:ProjectSink", "all-logs", {
        project: GCP_PROJECT, destination: "storage.googleapis.com/phi-log-archive", uniqueWriterIdentity: true, bigqueryOptions: null, customWriterIdentity: "", description: "",
        disabled: false, exclusions: [], filter: "", id: `projects/${GCP_PROJECT}/sinks/all-logs`, name: "all-logs", writerIdentity: "serviceAccount:service-1@gcp-sa-logging.iam.gserviceaccount.com",
    })(changes));
export const folderSink = factory("gcp:logging/folderSink:FolderSink", "folder-logs", { folder: "1234", destination: "storage.googleapis.com/phi-log-archive", includeChildren: true });

export const projectService = factory("gcp:projects/service:Service", "sqladmin", { service: "sqladmin.googleapis.com", disableOnDestroy: false });
export const projectServiceOutputs = (changes: Props = {}): ResourceInput =>
    asOutputs(factory("gcp:projects/service:Service", "sqladmin", { service: "sqladmin.googleapis.com", disableOnDestroy: false, disableDependentServices: false, checkIfServiceHasUsageOnDestroy: false, id: `${GCP_PROJECT}/sqladmin.googleapis.com`, project: GCP_PROJECT })(changes));
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

// --- CIS log-based metric alerts (gcp-logging-cis-metric-alerts) ----------------------------------

const cisMetricType = "gcp:logging/metric:Metric";
const cisAlertType = "gcp:monitoring/alertPolicy:AlertPolicy";

/** A log-based metric in the PHI project, named `cis-<change>`, with `filter`. */
export const logMetric = (change: string, filter: unknown, changes: Props = {}): ResourceInput =>
    factory(cisMetricType, `cis-${change}`, { project: GCP_PROJECT, name: `cis-${change}`, filter })(changes);

/** An alert policy in the PHI project with one threshold condition on the user metric `metricName`. */
export const alertPolicy = (metricName: string, changes: Props = {}): ResourceInput =>
    factory(cisAlertType, `alert-${metricName}`, {
        project: GCP_PROJECT,
        displayName: `CIS ${metricName}`,
        combiner: "OR",
        conditions: [{
            displayName: `${metricName} changed`,
            conditionThreshold: { filter: `metric.type="logging.googleapis.com/user/${metricName}" AND resource.type="global"`, comparison: "COMPARISON_GT", duration: "0s", thresholdValue: 0 },
        }],
        notificationChannels: ["projects/phi-prod/notificationChannels/123"],
    })(changes);

/** The metric as state and `pulumi stack export` show it: provider defaults filled in, "" for unset strings, blocks as lists. */
export const logMetricOutputs = (change: string, filter: string, changes: Props = {}): ResourceInput =>
    asOutputs(factory(cisMetricType, `cis-${change}`, {
        project: GCP_PROJECT, name: `cis-${change}`, filter, bucketName: "", description: "", disabled: false, valueExtractor: "", labelExtractors: {}, bucketOptions: null,
        deletionPolicy: "DELETE", id: `cis-${change}`,
        metricDescriptor: [{ metricKind: "DELTA", valueType: "INT64", unit: "1", displayName: "", labels: [] }],
    })(changes));

export const alertPolicyOutputs = (metricName: string, changes: Props = {}): ResourceInput =>
    asOutputs(factory(cisAlertType, `alert-${metricName}`, {
        project: GCP_PROJECT, displayName: `CIS ${metricName}`, combiner: "OR", enabled: true, severity: "", userLabels: {}, documentation: [], alertStrategy: [],
        notificationChannels: ["projects/phi-prod/notificationChannels/123"], name: `projects/${GCP_PROJECT}/alertPolicies/42`, deletionPolicy: "DELETE", id: `projects/${GCP_PROJECT}/alertPolicies/42`,
        creationRecords: [{ mutateTime: "2026-12-01T00:00:00Z", mutatedBy: "ci@phi-prod.iam.gserviceaccount.com" }],
        conditions: [{
            displayName: `${metricName} changed`,
            name: `projects/${GCP_PROJECT}/alertPolicies/42/conditions/7`,
            conditionThreshold: [{
                filter: `metric.type="logging.googleapis.com/user/${metricName}"`, comparison: "COMPARISON_GT", duration: "0s", thresholdValue: 0, denominatorFilter: "",
                evaluationMissingData: "", aggregations: [{ alignmentPeriod: "60s", perSeriesAligner: "ALIGN_COUNT", crossSeriesReducer: "", groupByFields: [] }],
                denominatorAggregations: [], forecastOptions: [], trigger: [{ count: 1, percent: 0 }],
            }],
            conditionAbsent: [], conditionMatchedLog: [], conditionMonitoringQueryLanguage: [], conditionPrometheusQueryLanguage: [], conditionSql: [],
        }],
    })(changes));
