// Sample stack "gce": the GCP twin of the AWS sample. An app VM on a private subnet, a Cloud SQL
// for PostgreSQL database on private IP, a bucket for PHI documents (with its access logs in a
// bucket of their own) and a Memorystore for Redis cache for session data, all encrypted with a
// rotating customer-managed key,
// with the audit logs kept six years, passing every hipaa-guard policy. The comment beside each
// setting names the policy it satisfies.
//
// Needs: gcp:project and gcp:region (gcp:zone optional).

import * as gcp from "@pulumi/gcp";
import * as pulumi from "@pulumi/pulumi";

const gcpConfig = new pulumi.Config("gcp");
const region = gcpConfig.require("region");
const zone = gcpConfig.get("zone") ?? `${region}-a`;
const stack = pulumi.getStack();
const labels = { project: pulumi.getProject(), stack, "data-classification": "phi" };

/** Six years (HIPAA §164.316(b)(2)(i)) in days. */
const sixYearsInDays = 2192;
/** 90 days, the longest rotation period hipaa-guard accepts for a key. */
const ninetyDays = `${90 * 24 * 60 * 60}s`;

const project = gcp.organizations.getProjectOutput();

// The APIs the sample uses, enabled (and left enabled on destroy: other workloads may use them).
const api = (service: string) => new gcp.projects.Service(service.split(".")[0], { service, disableOnDestroy: false });
const [computeApi, redisApi, kmsApi, loggingApi, iamApi, sqlApi, networkingApi, storageApi, dnsApi] = [
    "compute.googleapis.com",
    "redis.googleapis.com",
    "cloudkms.googleapis.com",
    "logging.googleapis.com",
    "iam.googleapis.com",
    "sqladmin.googleapis.com",
    "servicenetworking.googleapis.com",
    "storage.googleapis.com",
    "dns.googleapis.com",
].map(api);

// ---------------------------------------------------------------------------------------------
// A key ring and a key for PHI at rest: the VM's disk, the database, the buckets and the cache.

// Key rings cannot be deleted; `pulumi destroy` only forgets this one (its keys are destroyed).
const keyRing = new gcp.kms.KeyRing("phi", { location: region }, { dependsOn: [kmsApi] });
const key = new gcp.kms.CryptoKey("phi", {
    keyRing: keyRing.id,
    purpose: "ENCRYPT_DECRYPT",
    rotationPeriod: ninetyDays, // gcp-kms-key-rotation
    // gcp-kms-key-deletion-protection: `pulumi destroy` forgets the key instead of destroying the data's only key
    // (or set the resource option { protect: true }); destroyed versions stay restorable for the default 30 days.
    deletionPolicy: "ABANDON",
    labels,
});

// The services' own agents use the key for them.
const computeAgent = pulumi.interpolate`serviceAccount:service-${project.number}@compute-system.iam.gserviceaccount.com`;
const redisAgent = new gcp.projects.ServiceIdentity("redis", { service: "redis.googleapis.com" }, { dependsOn: [redisApi] });
const keyUser = (resourceName: string, member: pulumi.Input<string>, dependsOn: pulumi.Resource[]) =>
    new gcp.kms.CryptoKeyIAMMember(resourceName, { cryptoKeyId: key.id, role: "roles/cloudkms.cryptoKeyEncrypterDecrypter", member }, { dependsOn });
const sqlAgent = new gcp.projects.ServiceIdentity("sql", { service: "sqladmin.googleapis.com" }, { dependsOn: [sqlApi] });
const storageAgent = gcp.storage.getProjectServiceAccountOutput({}, { dependsOn: [storageApi] });
const computeKeyUser = keyUser("compute-agent-uses-phi-key", computeAgent, [computeApi]);
const redisKeyUser = keyUser("redis-agent-uses-phi-key", redisAgent.member, []);
const sqlKeyUser = keyUser("sql-agent-uses-phi-key", sqlAgent.member, []);
const storageKeyUser = keyUser("storage-agent-uses-phi-key", storageAgent.member, []);

// ---------------------------------------------------------------------------------------------
// Network: a custom-mode VPC and one private subnet with flow logs.

const network = new gcp.compute.Network("phi", { autoCreateSubnetworks: false, routingMode: "REGIONAL" }, { dependsOn: [computeApi] }); // gcp-vpc-custom-mode-network
const subnet = new gcp.compute.Subnetwork("phi-private", {
    network: network.id,
    region,
    ipCidrRange: "10.30.0.0/24",
    privateIpGoogleAccess: true, // gcp-vpc-private-google-access: Google APIs without external addresses
    logConfig: { aggregationInterval: "INTERVAL_5_SEC", flowSampling: 1, metadata: "INCLUDE_ALL_METADATA" }, // gcp-vpc-flow-logs (with the CIS settings)
});

// --- Issue 20 (network): DNS query logging for the VPC -------------------------------------------
// gcp-dns-logging: every network in the stack is bound to a Cloud DNS server policy that logs queries.
new gcp.dns.Policy("phi-dns-logging", { enableLogging: true, networks: [{ networkUrl: network.id }] }, { dependsOn: [dnsApi] });
// ---------------------------------------------------------------------------------------------------

// ---------------------------------------------------------------------------------------------
// The app VM: its own narrow service account, Shielded VM, CMEK disk, OS Login, no public address.

const appAccount = new gcp.serviceaccount.Account(
    "phi-app",
    { accountId: `phi-app-${stack}`.slice(0, 30), displayName: "PHI app VM" },
    { dependsOn: [iamApi] },
);
// Least privilege: the VM may write logs and metrics, nothing else.
for (const role of ["roles/logging.logWriter", "roles/monitoring.metricWriter"]) {
    new gcp.projects.IAMMember(`phi-app-${role.split("/")[1]}`, { project: project.apply(p => p.projectId ?? ""), role, member: appAccount.member });
}

// SSH only through Identity-Aware Proxy, with OS Login deciding who may log in.
new gcp.compute.Firewall("iap-ssh-to-app", {
    network: network.id,
    direction: "INGRESS",
    sourceRanges: ["35.235.240.0/20"], // gcp-vpc-ssh-restricted: IAP's range, not 0.0.0.0/0
    allows: [{ protocol: "tcp", ports: ["22"] }],
    targetServiceAccounts: [appAccount.email],
    logConfig: { metadata: "INCLUDE_ALL_METADATA" }, // gcp-vpc-firewall-logging
});

const vm = new gcp.compute.Instance(
    "phi-app",
    {
        zone,
        machineType: "n2d-standard-2", // an AMD series that runs Confidential VMs
        confidentialInstanceConfig: { confidentialInstanceType: "SEV" }, // gcp-compute-confidential-vm (when its knob requires it): memory encrypted in use
        scheduling: { onHostMaintenance: "TERMINATE" },
        bootDisk: {
            initializeParams: { image: "debian-cloud/debian-12", size: 20, type: "pd-balanced" },
            kmsKeySelfLink: key.id, // gcp-compute-disk-encryption
        },
        networkInterfaces: [{ subnetwork: subnet.id }], // no accessConfigs: gcp-compute-public-ip
        canIpForward: false, // gcp-compute-ip-forwarding
        shieldedInstanceConfig: { enableSecureBoot: true, enableVtpm: true, enableIntegrityMonitoring: true }, // gcp-compute-shielded-vm
        metadata: {
            "enable-oslogin": "TRUE", // gcp-compute-os-login
            "block-project-ssh-keys": "TRUE", // gcp-compute-os-login: no project-wide keys around it
            "serial-port-enable": "FALSE", // gcp-compute-serial-port
        },
        serviceAccount: {
            email: appAccount.email, // gcp-compute-service-account: a dedicated account, not the default one
            scopes: ["https://www.googleapis.com/auth/logging.write", "https://www.googleapis.com/auth/monitoring.write"], // and only the APIs it uses
        },
        allowStoppingForUpdate: true,
        labels,
    },
    { dependsOn: [computeKeyUser] },
);

// ---------------------------------------------------------------------------------------------
// The session cache: Memorystore for Redis on the private network.

const cache = new gcp.redis.Instance(
    "phi-cache",
    {
        region,
        tier: "STANDARD_HA", // gcp-redis-high-availability: a replica in another zone, automatic failover
        memorySizeGb: 1,
        redisVersion: "REDIS_7_2",
        authorizedNetwork: network.id,
        connectMode: "DIRECT_PEERING",
        transitEncryptionMode: "SERVER_AUTHENTICATION", // gcp-redis-encryption-in-transit
        authEnabled: true, // gcp-redis-auth
        customerManagedKey: key.id, // gcp-redis-encryption-at-rest
        persistenceConfig: { persistenceMode: "RDB", rdbSnapshotPeriod: "ONE_HOUR" }, // gcp-redis-persistence
        labels,
    },
    { dependsOn: [redisKeyUser] },
);

// ---------------------------------------------------------------------------------------------
// The database: Cloud SQL for PostgreSQL, reachable only over private services access.

const privateServicesRange = new gcp.compute.GlobalAddress("phi-private-services", {
    network: network.id,
    purpose: "VPC_PEERING",
    addressType: "INTERNAL",
    prefixLength: 20,
});
const privateServices = new gcp.servicenetworking.Connection(
    "phi-private-services",
    { network: network.id, service: "servicenetworking.googleapis.com", reservedPeeringRanges: [privateServicesRange.name] },
    { dependsOn: [networkingApi] },
);

const database = new gcp.sql.DatabaseInstance(
    "phi-db",
    {
        region,
        databaseVersion: "POSTGRES_15",
        encryptionKeyName: key.id, // gcp-sql-encryption-at-rest
        deletionProtection: true, // Pulumi's own guard; the API's is settings.deletionProtectionEnabled
        settings: {
            tier: "db-custom-1-3840",
            edition: "ENTERPRISE",
            availabilityType: "REGIONAL", // gcp-sql-high-availability
            deletionProtectionEnabled: true, // gcp-sql-deletion-protection
            ipConfiguration: {
                ipv4Enabled: false, // gcp-sql-no-public-ip (and so gcp-sql-authorized-networks has nothing to admit)
                privateNetwork: network.id,
                sslMode: "ENCRYPTED_ONLY", // gcp-sql-require-tls
            },
            backupConfiguration: {
                enabled: true, // gcp-sql-backups
                backupRetentionSettings: { retainedBackups: 30 }, // gcp-sql-backups: at least 7
                pointInTimeRecoveryEnabled: true, // gcp-sql-point-in-time-recovery
                transactionLogRetentionDays: 7,
            },
            // gcp-sql-database-flags: the CIS PostgreSQL flags whose defaults do not comply.
            databaseFlags: [
                { name: "log_connections", value: "on" },
                { name: "log_disconnections", value: "on" },
                { name: "log_statement", value: "ddl" },
                { name: "cloudsql.enable_pgaudit", value: "on" },
            ],
            userLabels: labels,
        },
    },
    { dependsOn: [sqlKeyUser, privateServices] },
);

// ---------------------------------------------------------------------------------------------
// PHI documents in Cloud Storage, with their access logs in a bucket of their own.

const bucketControls = {
    location: region.toUpperCase(),
    uniformBucketLevelAccess: true, // gcp-storage-uniform-bucket-level-access
    publicAccessPrevention: "enforced", // gcp-storage-public-access-prevention
    encryption: { defaultKmsKeyName: key.id }, // gcp-storage-encryption-at-rest
    versioning: { enabled: true }, // gcp-storage-versioning
    labels,
};
// Receives the documents bucket's access logs (so gcp-storage-access-logging exempts it).
const accessLogs = new gcp.storage.Bucket("phi-access-logs", { ...bucketControls, name: `phi-access-logs-${stack}-${region}` }, { dependsOn: [storageKeyUser] });
new gcp.storage.BucketIAMMember("phi-access-logs-writer", {
    bucket: accessLogs.name,
    role: "roles/storage.objectCreator",
    member: "group:cloud-storage-analytics@google.com", // Cloud Storage's log writer; no public member: gcp-storage-no-public-access
});
const documents = new gcp.storage.Bucket(
    "phi-documents",
    {
        ...bucketControls,
        name: `phi-documents-${stack}-${region}`,
        logging: { logBucket: accessLogs.name }, // gcp-storage-access-logging: to another bucket
    },
    { dependsOn: [storageKeyUser] },
);

// ---------------------------------------------------------------------------------------------
// Audit logs: a log bucket that keeps six years, and a sink routing the project's audit logs to it.

const auditLogs = new gcp.logging.ProjectBucketConfig(
    "phi-audit",
    {
        project: project.apply(p => p.projectId ?? ""),
        location: "global",
        bucketId: `phi-audit-${stack}`,
        description: "Cloud Audit Logs, kept six years",
        retentionDays: sixYearsInDays, // gcp-logging-bucket-retention
    },
    { dependsOn: [loggingApi] },
);
new gcp.logging.ProjectSink("phi-audit", {
    destination: pulumi.interpolate`logging.googleapis.com/${auditLogs.id}`,
    filter: 'logName:"cloudaudit.googleapis.com"',
    uniqueWriterIdentity: true,
});

// ---------------------------------------------------------------------------------------------
// Identity and audit (issue 18): Data Access audit logs for every service, with no one exempted
// (gcp-logging-data-access-audit). The IAM grants above name service accounts and service agents
// only, never allUsers or a personal account (gcp-iam-no-public-members, gcp-iam-allowed-members),
// use no basic or admin role (gcp-iam-basic-roles, gcp-iam-service-account-privileges), grant no
// project-wide Service Account User (gcp-iam-service-account-user), and the VM runs as its attached
// service account with no key (gcp-iam-service-account-keys). Every API enabled above is a HIPAA
// Covered Product's (gcp-projects-baa-covered-apis).

new gcp.projects.IAMAuditConfig("data-access", {
    project: project.apply(p => p.projectId ?? ""),
    service: "allServices",
    auditLogConfigs: [{ logType: "ADMIN_READ" }, { logType: "DATA_READ" }, { logType: "DATA_WRITE" }],
});
// GKE and Cloud Run (issue 20): a private GKE cluster whose nodes run in a node pool of their own,
// and an internal Cloud Run service, both on the private network and encrypted with the PHI key.

const [containerApi, runApi] = ["container.googleapis.com", "run.googleapis.com"].map(api);
const gkeKeyUser = keyUser("gke-agent-uses-phi-key", pulumi.interpolate`serviceAccount:service-${project.number}@container-engine-robot.iam.gserviceaccount.com`, [containerApi]);
const runKeyUser = keyUser("run-agent-uses-phi-key", pulumi.interpolate`serviceAccount:service-${project.number}@serverless-robot-prod.iam.gserviceaccount.com`, [runApi]);

// The nodes' own account, with only the role GKE nodes need (gcp-gke-node-service-account).
const nodeAccount = new gcp.serviceaccount.Account("gke-nodes", { accountId: `gke-nodes-${stack}`.slice(0, 30), displayName: "PHI GKE nodes" }, { dependsOn: [iamApi] });
new gcp.projects.IAMMember("gke-nodes-default-node-sa", { project: project.apply(p => p.projectId ?? ""), role: "roles/container.defaultNodeServiceAccount", member: nodeAccount.member });

const gke = new gcp.container.Cluster(
    "phi-gke",
    {
        location: region,
        network: network.id,
        subnetwork: subnet.id,
        removeDefaultNodePool: true, // the nodes run in phi-gke-nodes below, so the node policies check that pool
        initialNodeCount: 1,
        networkingMode: "VPC_NATIVE", // gcp-gke-vpc-native
        ipAllocationPolicy: { clusterIpv4CidrBlock: "/17", servicesIpv4CidrBlock: "/22" }, // GKE adds the secondary ranges
        privateClusterConfig: { enablePrivateNodes: true, enablePrivateEndpoint: true, masterIpv4CidrBlock: "172.16.0.0/28" }, // gcp-gke-private-nodes
        masterAuthorizedNetworksConfig: { cidrBlocks: [{ cidrBlock: "10.30.0.0/24", displayName: "phi-private" }] }, // gcp-gke-master-authorized-networks
        workloadIdentityConfig: { workloadPool: project.apply(p => `${p.projectId}.svc.id.goog`) }, // gcp-gke-workload-identity
        databaseEncryption: { state: "ENCRYPTED", keyName: key.id }, // gcp-gke-secrets-encryption
        datapathProvider: "ADVANCED_DATAPATH", // gcp-gke-network-policy: Dataplane V2 enforces NetworkPolicy
        releaseChannel: { channel: "REGULAR" }, // gcp-gke-release-channel
        binaryAuthorization: { evaluationMode: "PROJECT_SINGLETON_POLICY_ENFORCE" }, // gcp-gke-binary-authorization
        enableIntranodeVisibility: true, // gcp-gke-intranode-visibility
        enableShieldedNodes: true, // gcp-gke-shielded-nodes
        loggingConfig: { enableComponents: ["SYSTEM_COMPONENTS", "WORKLOADS"] }, // gcp-gke-logging-monitoring
        monitoringConfig: { enableComponents: ["SYSTEM_COMPONENTS"] },
        resourceLabels: labels,
    },
    { dependsOn: [gkeKeyUser] },
);
new gcp.container.NodePool(
    "phi-gke-nodes",
    {
        cluster: gke.id,
        location: region,
        nodeCount: 1,
        management: { autoRepair: true, autoUpgrade: true }, // gcp-gke-auto-repair-upgrade
        nodeConfig: {
            machineType: "e2-standard-2",
            serviceAccount: nodeAccount.email, // gcp-gke-node-service-account
            oauthScopes: ["https://www.googleapis.com/auth/cloud-platform"], // IAM roles limit what the account may do
            bootDiskKmsKey: key.id, // gcp-gke-boot-disk-encryption
            imageType: "COS_CONTAINERD", // gcp-gke-cos-image
            shieldedInstanceConfig: { enableSecureBoot: true, enableIntegrityMonitoring: true }, // gcp-gke-shielded-nodes
            workloadMetadataConfig: { mode: "GKE_METADATA" }, // gcp-gke-workload-identity
            resourceLabels: labels,
        },
    },
    { dependsOn: [computeKeyUser] },
);

// An internal API on Cloud Run, called by the app VM's account only.
const apiAccount = new gcp.serviceaccount.Account("phi-api", { accountId: `phi-api-${stack}`.slice(0, 30), displayName: "PHI API on Cloud Run" }, { dependsOn: [iamApi] });
const apiService = new gcp.cloudrunv2.Service(
    "phi-api",
    {
        location: region,
        ingress: "INGRESS_TRAFFIC_INTERNAL_ONLY", // gcp-cloudrun-ingress
        template: {
            serviceAccount: apiAccount.email,
            encryptionKey: key.id, // gcp-cloudrun-encryption-at-rest
            vpcAccess: { networkInterfaces: [{ network: network.id, subnetwork: subnet.id }], egress: "ALL_TRAFFIC" },
            containers: [
                {
                    image: project.apply(p => `${region}-docker.pkg.dev/${p.projectId}/phi/api:1.0`), // the team's image, in Artifact Registry
                    envs: [{ name: "LOG_LEVEL", value: "info" }], // gcp-cloudrun-env-secrets: secrets would come from Secret Manager
                },
            ],
        },
        labels,
    },
    { dependsOn: [runKeyUser] },
);
// gcp-cloudrun-not-public: the invoker role goes to one account, never allUsers.
new gcp.cloudrunv2.ServiceIamMember("phi-api-invoker", { name: apiService.name, location: region, role: "roles/run.invoker", member: appAccount.member });

export const networkId = network.id;
export const vmName = vm.name;
export const cacheHost = cache.host;
export const databaseConnectionName = database.connectionName;
export const documentsBucket = documents.url;
export const auditLogBucket = auditLogs.id;
export const gkeClusterName = gke.name;
export const apiUrl = apiService.uri;
