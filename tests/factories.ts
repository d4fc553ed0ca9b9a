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
export function bucketOutputs(changes: Props = {}): ResourceInput {
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
