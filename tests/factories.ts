// One compliant resource per type the pack checks: each test starts from it and changes only what
// the case is about, so a case's properties say exactly what it tests.

import { ResourceInput, secret, unknown } from "../tools/lib/analyzer-client";

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

export const serverlessCache = factory("aws:elasticache/serverlessCache:ServerlessCache", "serverless", {
    engine: "valkey",
    majorEngineVersion: "8",
    snapshotRetentionLimit: 35,
    userGroupId: unknown,
    kmsKeyId: unknown,
});

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
export const instanceTemplate = factory("gcp:compute/instanceTemplate:InstanceTemplate", "tmpl", template);
export const regionInstanceTemplate = factory("gcp:compute/regionInstanceTemplate:RegionInstanceTemplate", "rtmpl", { ...template, region: "us-central1" });
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
