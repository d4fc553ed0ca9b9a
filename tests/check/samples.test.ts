// The sample stacks pass every policy, and each control catches its own setting being switched
// off: every stack is run once offline (as `npm run check` runs it), then patched copies of what
// it registered go through the pack.

import * as assert from "assert";
import { repoRoot, ResourceInput, Secret } from "../../tools/lib/analyzer-client";
import { analyzeCapture, isViolation, TargetReport } from "../../tools/lib/check/analyze";
import { Capture } from "../../tools/lib/check/capture";
import { captureProgram } from "../../tools/lib/check/program";
import { ProgramTarget, resolveTargets } from "../../tools/lib/check/project";
import { allPolicies } from "../../policies/registry";
import { usePack } from "../pack";

type StackName = "aws" | "gce";

/** A resource of a sample stack: its type, and its name when the stack has several of that type. */
interface Pick {
    readonly type: string;
    readonly name?: string;
}

/** One control switched off in one sample stack. */
interface Breakage {
    readonly stack: StackName;
    readonly target: Pick;
    /** Property path (dots; list indexes as numbers) to its new value; `undefined` removes it. */
    readonly set?: Record<string, unknown>;
    /** Drop the resource from the stack instead (e.g. the flow log a VPC needs). */
    readonly remove?: true;
    /** A second resource changed with it, for controls that only two resources together break (separation of duties). */
    readonly also?: { readonly target: Pick; readonly set: Record<string, unknown> };
    /** Where the finding lands when not on the target: stack policies report on the related resource. */
    readonly findingOn?: Pick;
    /**
     * Policy config that turns the control on (a knob whose default checks nothing): the sample's
     * resource must pass under it before the change, and violate after. Resource policies only.
     */
    readonly knobs?: Record<string, unknown>;
}

const T = {
    replicationGroup: "aws:elasticache/replicationGroup:ReplicationGroup",
    logGroup: "aws:cloudwatch/logGroup:LogGroup",
    trail: "aws:cloudtrail/trail:Trail",
    kmsKey: "aws:kms/key:Key",
    bucket: "aws:s3/bucket:Bucket",
    bucketVersioning: "aws:s3/bucketVersioning:BucketVersioning",
    bucketPublicAccessBlock: "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
    bucketOwnershipControls: "aws:s3/bucketOwnershipControls:BucketOwnershipControls",
    bucketEncryption: "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
    bucketLogging: "aws:s3/bucketLogging:BucketLogging",
    bucketPolicy: "aws:s3/bucketPolicy:BucketPolicy",
    bucketReplication: "aws:s3/bucketReplicationConfig:BucketReplicationConfig",
    bucketNotification: "aws:s3/bucketNotification:BucketNotification",
    bucketLifecycle: "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration",
    vpc: "aws:ec2/vpc:Vpc",
    flowLog: "aws:ec2/flowLog:FlowLog",
    instance: "gcp:compute/instance:Instance",
    redis: "gcp:redis/instance:Instance",
    logBucket: "gcp:logging/projectBucketConfig:ProjectBucketConfig",
    cryptoKey: "gcp:kms/cryptoKey:CryptoKey",
    sql: "gcp:sql/databaseInstance:DatabaseInstance",
    gcsBucket: "gcp:storage/bucket:Bucket",
    gcsMember: "gcp:storage/bucketIAMMember:BucketIAMMember",
    sink: "gcp:logging/projectSink:ProjectSink",
    projectMember: "gcp:projects/iAMMember:IAMMember",
    keyMember: "gcp:kms/cryptoKeyIAMMember:CryptoKeyIAMMember",
    auditConfig: "gcp:projects/iAMAuditConfig:IAMAuditConfig",
    projectService: "gcp:projects/service:Service",
    dbInstance: "aws:rds/instance:Instance",
    table: "aws:dynamodb/table:Table",
    iamPolicy: "aws:iam/policy:Policy",
    role: "aws:iam/role:Role",
    firewall: "gcp:compute/firewall:Firewall",
    subnetwork: "gcp:compute/subnetwork:Subnetwork",
    network: "gcp:compute/network:Network",
    dnsPolicy: "gcp:dns/policy:Policy",
};

const cache: Pick = { type: T.replicationGroup, name: "phi-cache" };
const trail: Pick = { type: T.trail, name: "audit" };
const vm: Pick = { type: T.instance, name: "phi-app" };
const memorystore: Pick = { type: T.redis, name: "phi-cache" };
const phiBucket: Pick = { type: T.bucket, name: "phi-data" };
/** A setting of the PHI bucket, by the type of the resource that holds it. */
const ofPhiBucket = (type: string): Pick => ({ type, name: "phi-data" });
const database: Pick = { type: T.sql, name: "phi-db" };
const documents: Pick = { type: T.gcsBucket, name: "phi-documents" };
const db: Pick = { type: T.dbInstance, name: "phi-db" };
const logWriter: Pick = { type: T.projectMember, name: "phi-app-logging.logWriter" };
const metricWriter: Pick = { type: T.projectMember, name: "phi-app-monitoring.metricWriter" };
const table: Pick = { type: T.table, name: "phi-records" };
const replicationPolicy: Pick = { type: T.iamPolicy, name: "s3-replication" };
const iamDocument = (statement: Record<string, unknown>): string => JSON.stringify({ Version: "2012-10-17", Statement: [statement] });
const appIngress: Pick = { type: "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", name: "app-https-from-vpc" };
const appTemplate: Pick = { type: "aws:ec2/launchTemplate:LaunchTemplate", name: "app" };
const gke: Pick = { type: "gcp:container/cluster:Cluster", name: "phi-gke" };
const gkeNodes: Pick = { type: "gcp:container/nodePool:NodePool", name: "phi-gke-nodes" };
const runApi: Pick = { type: "gcp:cloudrunv2/service:Service", name: "phi-api" };

/** For every policy that applies to a sample stack: the one change that must make it fire. */
const breakages: Record<string, Breakage> = {
    "aws-elasticache-engine-version": { stack: "aws", target: cache, set: { engineVersion: "3.2.10" } },
    "aws-elasticache-encryption-in-transit": { stack: "aws", target: cache, set: { transitEncryptionMode: "preferred" } },
    "aws-elasticache-encryption-at-rest": { stack: "aws", target: cache, set: { atRestEncryptionEnabled: false } },
    "aws-elasticache-multi-az": { stack: "aws", target: cache, set: { multiAzEnabled: false } },
    "aws-elasticache-backup-retention": { stack: "aws", target: cache, set: { snapshotRetentionLimit: 0 } },
    "aws-elasticache-auth": { stack: "aws", target: cache, set: { authTokenWo: undefined, authTokenWoVersion: undefined } },
    "aws-cloudwatch-log-retention": { stack: "aws", target: { type: T.logGroup, name: "vpc-flow-logs" }, set: { retentionInDays: 365 } },
    "aws-cloudwatch-log-encryption": { stack: "aws", target: { type: T.logGroup, name: "cache-slow-log" }, set: { kmsKeyId: undefined } },
    "aws-cloudtrail-log-file-validation": { stack: "aws", target: trail, set: { enableLogFileValidation: false } },
    "aws-cloudtrail-multi-region": { stack: "aws", target: trail, set: { isMultiRegionTrail: false } },
    "aws-cloudtrail-encryption": { stack: "aws", target: trail, set: { kmsKeyId: undefined } },
    "aws-cloudtrail-cloudwatch-integration": { stack: "aws", target: trail, set: { cloudWatchLogsGroupArn: undefined, cloudWatchLogsRoleArn: undefined } },
    "aws-cloudtrail-logging-enabled": { stack: "aws", target: trail, set: { enableLogging: false } },
    "aws-kms-key-rotation": { stack: "aws", target: { type: T.kmsKey, name: "phi" }, set: { enableKeyRotation: false } },
    "aws-cloudtrail-bucket-protected": {
        stack: "aws",
        target: { type: T.bucketVersioning, name: "audit-trail" },
        set: { "versioningConfiguration.status": "Suspended" },
        findingOn: { type: T.bucket, name: "audit-trail" },
    },
    "aws-cloudtrail-log-group-retention": { stack: "aws", target: { type: T.logGroup, name: "audit-trail" }, set: { retentionInDays: 365 } },
    "aws-rds-storage-encrypted": { stack: "aws", target: db, set: { storageEncrypted: false } },
    "aws-rds-backup-retention": { stack: "aws", target: db, set: { backupRetentionPeriod: 0 } },
    "aws-rds-multi-az": { stack: "aws", target: db, set: { multiAz: false } },
    "aws-rds-public-access": { stack: "aws", target: db, set: { publiclyAccessible: true } },
    "aws-rds-deletion-protection": { stack: "aws", target: db, set: { deletionProtection: false } },
    "aws-rds-enhanced-monitoring": { stack: "aws", target: db, set: { monitoringInterval: 0 } },
    "aws-rds-minor-version-upgrade": { stack: "aws", target: db, set: { autoMinorVersionUpgrade: false } },
    "aws-rds-log-exports": { stack: "aws", target: db, set: { enabledCloudwatchLogsExports: ["upgrade"] } },
    "aws-dynamodb-point-in-time-recovery": { stack: "aws", target: table, set: { "pointInTimeRecovery.enabled": false } },
    "aws-dynamodb-autoscaling": { stack: "aws", target: table, set: { billingMode: "PROVISIONED" } },
    "aws-vpc-flow-logs": { stack: "aws", target: { type: T.flowLog, name: "vpc" }, remove: true, findingOn: { type: T.vpc, name: "phi" } },
    "aws-ebs-encrypted-volumes": { stack: "aws", target: { type: "aws:ebs/volume:Volume", name: "phi-data" }, set: { encrypted: false } },
    "aws-backup-plan-frequency-retention": { stack: "aws", target: { type: "aws:backup/plan:Plan", name: "phi" }, set: { "rules.0.schedule": "cron(0 5 ? * SUN *)" } },
    "aws-backup-recovery-point-deletion-protected": { stack: "aws", target: { type: "aws:backup/vaultPolicy:VaultPolicy", name: "phi" }, remove: true, findingOn: { type: "aws:backup/vault:Vault", name: "phi" } },
    "aws-backup-in-plan": { stack: "aws", target: { type: "aws:backup/selection:Selection", name: "phi" }, remove: true, findingOn: { type: "aws:ebs/volume:Volume", name: "phi-data" } },
    "aws-s3-no-public-access": { stack: "aws", target: ofPhiBucket(T.bucketPublicAccessBlock), set: { restrictPublicBuckets: false }, findingOn: phiBucket },
    "aws-s3-acls-disabled": { stack: "aws", target: ofPhiBucket(T.bucketOwnershipControls), set: { "rule.objectOwnership": "ObjectWriter" }, findingOn: phiBucket },
    "aws-s3-default-encryption-kms": { stack: "aws", target: ofPhiBucket(T.bucketEncryption), set: { "rules.0.applyServerSideEncryptionByDefault.sseAlgorithm": "AES256" }, findingOn: phiBucket },
    "aws-s3-versioning": { stack: "aws", target: ofPhiBucket(T.bucketVersioning), set: { "versioningConfiguration.status": "Suspended" }, findingOn: phiBucket },
    "aws-s3-access-logging": { stack: "aws", target: ofPhiBucket(T.bucketLogging), remove: true, findingOn: phiBucket },
    "aws-s3-ssl-requests-only": { stack: "aws", target: ofPhiBucket(T.bucketPolicy), remove: true, findingOn: phiBucket },
    "aws-s3-object-lock": { stack: "aws", target: phiBucket, set: { objectLockEnabled: false } },
    "aws-s3-replication": { stack: "aws", target: ofPhiBucket(T.bucketReplication), set: { "rules.0.status": "Disabled" }, findingOn: phiBucket },
    "aws-s3-event-notifications": { stack: "aws", target: ofPhiBucket(T.bucketNotification), set: { eventbridge: false }, findingOn: phiBucket },
    "aws-s3-version-lifecycle": { stack: "aws", target: ofPhiBucket(T.bucketLifecycle), remove: true, findingOn: phiBucket },
    // IAM and CloudTrail data events (issue 18): a known document, so the preview can decide it.
    "aws-iam-no-admin-access": { stack: "aws", target: replicationPolicy, set: { policy: iamDocument({ Effect: "Allow", Action: "*", Resource: "*" }) } },
    "aws-iam-no-full-service-access": { stack: "aws", target: replicationPolicy, set: { policy: iamDocument({ Effect: "Allow", Action: "s3:*", Resource: "*" }) } },
    "aws-iam-no-kms-decrypt-all-keys": { stack: "aws", target: replicationPolicy, set: { policy: iamDocument({ Effect: "Allow", Action: "kms:Decrypt", Resource: "*" }) } },
    "aws-iam-no-inline-policies": { stack: "aws", target: { type: T.role, name: "vpc-flow-logs" }, set: { inlinePolicies: [{ name: "inline", policy: iamDocument({ Effect: "Allow", Action: "logs:PutLogEvents", Resource: "*" }) }] } },
    "aws-cloudtrail-s3-data-events": { stack: "aws", target: trail, set: { eventSelectors: undefined } },
    "aws-cloudwatch-alarm-actions": { stack: "aws", target: { type: "aws:cloudwatch/metricAlarm:MetricAlarm", name: "cache-cpu" }, set: { alarmActions: [] } },
    "aws-sns-topic-encryption": { stack: "aws", target: { type: "aws:sns/topic:Topic", name: "alarms" }, set: { kmsMasterKeyId: undefined } },
    // The internal HTTPS load balancer and its WAF (issue 17).
    "aws-elb-https-redirect": { stack: "aws", target: { type: "aws:lb/listener:Listener", name: "app-http" }, set: { "defaultActions.0.redirect.protocol": "HTTP" } },
    "aws-elb-listener-tls-policy": { stack: "aws", target: { type: "aws:lb/listener:Listener", name: "app-https" }, set: { sslPolicy: "ELBSecurityPolicy-2016-08" } },
    "aws-elb-acm-certificate": { stack: "aws", target: { type: "aws:lb/listener:Listener", name: "app-https" }, set: { certificateArn: "arn:aws:iam::111122223333:server-certificate/app" } },
    "aws-elb-deletion-protection": { stack: "aws", target: { type: "aws:lb/loadBalancer:LoadBalancer", name: "app" }, set: { enableDeletionProtection: false } },
    "aws-elb-access-logs": { stack: "aws", target: { type: "aws:lb/loadBalancer:LoadBalancer", name: "app" }, set: { "accessLogs.enabled": false } },
    "aws-elb-waf": {
        stack: "aws",
        target: { type: "aws:wafv2/webAclAssociation:WebAclAssociation", name: "app" },
        remove: true,
        findingOn: { type: "aws:lb/loadBalancer:LoadBalancer", name: "app" },
    },
    "aws-wafv2-logging": {
        stack: "aws",
        target: { type: "aws:wafv2/webAclLoggingConfiguration:WebAclLoggingConfiguration", name: "app" },
        remove: true,
        findingOn: { type: "aws:wafv2/webAcl:WebAcl", name: "app" },
    },
    // The app tier's network and compute (issue 17).
    "aws-ec2-sg-ssh-restricted": { stack: "aws", target: appIngress, set: { fromPort: 22, toPort: 22, cidrIpv4: "0.0.0.0/0" } },
    "aws-ec2-sg-common-ports-restricted": { stack: "aws", target: appIngress, set: { fromPort: 3389, toPort: 3389, cidrIpv4: "0.0.0.0/0" } },
    "aws-ec2-sg-authorized-ports": { stack: "aws", target: appIngress, set: { fromPort: 80, toPort: 80, cidrIpv4: "0.0.0.0/0" } },
    "aws-vpc-default-sg-closed": { stack: "aws", target: { type: "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup", name: "default" }, remove: true, findingOn: { type: T.vpc, name: "phi" } },
    "aws-vpc-subnet-no-public-ip": { stack: "aws", target: { type: "aws:ec2/subnet:Subnet", name: "app-0" }, set: { mapPublicIpOnLaunch: true } },
    "aws-ec2-imdsv2": { stack: "aws", target: appTemplate, set: { "metadataOptions.httpTokens": "optional" } },
    "aws-autoscaling-launch-no-public-ip": { stack: "aws", target: appTemplate, set: { "networkInterfaces.0.associatePublicIpAddress": "true" } },
    "aws-autoscaling-elb-health-check": { stack: "aws", target: { type: "aws:autoscaling/group:Group", name: "app" }, set: { healthCheckType: undefined } },

    "gcp-compute-disk-encryption": { stack: "gce", target: vm, set: { "bootDisk.kmsKeySelfLink": undefined } },
    "gcp-compute-shielded-vm": { stack: "gce", target: vm, set: { "shieldedInstanceConfig.enableSecureBoot": false } },
    "gcp-compute-os-login": { stack: "gce", target: vm, set: { "metadata.enable-oslogin": "FALSE" } },
    "gcp-compute-serial-port": { stack: "gce", target: vm, set: { "metadata.serial-port-enable": "TRUE" } },
    // Left out, enable-oslogin comes from project metadata, which this sample does not manage: the stack policy decides it.
    "gcp-compute-inherited-settings": { stack: "gce", target: vm, set: { "metadata.enable-oslogin": undefined } },
    "gcp-compute-public-ip": { stack: "gce", target: vm, set: { "networkInterfaces.0.accessConfigs": [{}] } },
    "gcp-compute-service-account": {
        stack: "gce",
        target: vm,
        // No email: the default Compute Engine account, here with access to every Cloud API.
        set: { "serviceAccount.email": undefined, "serviceAccount.scopes": ["https://www.googleapis.com/auth/cloud-platform"] },
    },
    "gcp-compute-ip-forwarding": { stack: "gce", target: vm, set: { canIpForward: true } },
    // Issue 20 (network): firewalls, subnet, network, DNS logging, Confidential VM.
    "gcp-vpc-ssh-restricted": { stack: "gce", target: { type: T.firewall, name: "iap-ssh-to-app" }, set: { sourceRanges: ["0.0.0.0/0"] } },
    "gcp-vpc-rdp-restricted": { stack: "gce", target: { type: T.firewall, name: "iap-ssh-to-app" }, set: { sourceRanges: ["0.0.0.0/0"], "allows.0.ports": ["3389"] } },
    "gcp-vpc-authorized-ports": { stack: "gce", target: { type: T.firewall, name: "iap-ssh-to-app" }, set: { sourceRanges: ["0.0.0.0/0"], "allows.0.ports": ["80"] } },
    "gcp-vpc-firewall-logging": { stack: "gce", target: { type: T.firewall, name: "iap-ssh-to-app" }, set: { logConfig: undefined } },
    "gcp-vpc-flow-logs": { stack: "gce", target: { type: T.subnetwork, name: "phi-private" }, set: { logConfig: undefined } },
    "gcp-vpc-private-google-access": { stack: "gce", target: { type: T.subnetwork, name: "phi-private" }, set: { privateIpGoogleAccess: false } },
    "gcp-vpc-custom-mode-network": { stack: "gce", target: { type: T.network, name: "phi" }, set: { autoCreateSubnetworks: true } },
    "gcp-dns-logging": { stack: "gce", target: { type: T.dnsPolicy, name: "phi-dns-logging" }, set: { enableLogging: false } },
    "gcp-compute-confidential-vm": { stack: "gce", target: vm, set: { "confidentialInstanceConfig.confidentialInstanceType": undefined }, knobs: { required: true } },
    "gcp-redis-encryption-in-transit": { stack: "gce", target: memorystore, set: { transitEncryptionMode: "DISABLED" } },
    "gcp-redis-auth": { stack: "gce", target: memorystore, set: { authEnabled: false } },
    "gcp-redis-high-availability": { stack: "gce", target: memorystore, set: { tier: "BASIC" } },
    "gcp-redis-encryption-at-rest": { stack: "gce", target: memorystore, set: { customerManagedKey: undefined } },
    "gcp-redis-persistence": { stack: "gce", target: memorystore, set: { "persistenceConfig.persistenceMode": "DISABLED" } },
    "gcp-logging-bucket-retention": { stack: "gce", target: { type: T.logBucket, name: "phi-audit" }, set: { retentionDays: 30 } },
    "gcp-kms-key-rotation": { stack: "gce", target: { type: T.cryptoKey, name: "phi" }, set: { rotationPeriod: `${365 * 24 * 3600}s` } },
    "gcp-sql-require-tls": { stack: "gce", target: database, set: { "settings.ipConfiguration.sslMode": "ALLOW_UNENCRYPTED_AND_ENCRYPTED" } },
    "gcp-sql-no-public-ip": { stack: "gce", target: database, set: { "settings.ipConfiguration.ipv4Enabled": undefined } },
    "gcp-sql-authorized-networks": {
        stack: "gce",
        target: database,
        set: { "settings.ipConfiguration.ipv4Enabled": true, "settings.ipConfiguration.authorizedNetworks": [{ name: "anyone", value: "0.0.0.0/0" }] },
    },
    "gcp-sql-backups": { stack: "gce", target: database, set: { "settings.backupConfiguration.enabled": false } },
    "gcp-sql-point-in-time-recovery": { stack: "gce", target: database, set: { "settings.backupConfiguration.pointInTimeRecoveryEnabled": false } },
    "gcp-sql-encryption-at-rest": { stack: "gce", target: database, set: { encryptionKeyName: undefined } },
    "gcp-sql-high-availability": { stack: "gce", target: database, set: { "settings.availabilityType": "ZONAL" } },
    "gcp-sql-deletion-protection": { stack: "gce", target: database, set: { "settings.deletionProtectionEnabled": undefined } },
    "gcp-sql-database-flags": { stack: "gce", target: database, set: { "settings.databaseFlags.0.value": "off" } },
    "gcp-storage-uniform-bucket-level-access": { stack: "gce", target: documents, set: { uniformBucketLevelAccess: false } },
    "gcp-storage-public-access-prevention": { stack: "gce", target: documents, set: { publicAccessPrevention: "inherited" } },
    "gcp-storage-no-public-access": { stack: "gce", target: { type: T.gcsMember, name: "phi-access-logs-writer" }, set: { member: "allUsers" } },
    "gcp-storage-encryption-at-rest": { stack: "gce", target: documents, set: { encryption: undefined } },
    "gcp-storage-versioning": { stack: "gce", target: documents, set: { "versioning.enabled": false } },
    "gcp-storage-access-logging": { stack: "gce", target: documents, set: { logging: undefined } },
    // The sample exports audit logs to a log bucket; pointed at the documents bucket instead, that bucket needs a locked retention policy.
    "gcp-storage-log-bucket-retention": {
        stack: "gce",
        target: { type: T.sink, name: "phi-audit" },
        set: { destination: "storage.googleapis.com/phi-documents-gce-us-central1" },
        findingOn: documents,
    },
    "gcp-storage-location": { stack: "gce", target: documents, set: { location: "EUROPE-WEST1" }, knobs: { allowedLocations: ["US-CENTRAL1"] } },
    // Identity, audit logging and key access (issue 18).
    "gcp-iam-no-public-members": { stack: "gce", target: logWriter, set: { member: "allUsers" } },
    "gcp-iam-allowed-members": { stack: "gce", target: logWriter, set: { member: "user:someone@gmail.com" } },
    "gcp-iam-basic-roles": { stack: "gce", target: logWriter, set: { role: "roles/editor" } },
    "gcp-iam-service-account-user": { stack: "gce", target: logWriter, set: { role: "roles/iam.serviceAccountUser" } },
    // The sample's member is the account's computed email (unknown offline): the breakage names one.
    "gcp-iam-service-account-privileges": { stack: "gce", target: logWriter, set: { role: "roles/storage.admin", member: "serviceAccount:phi-app@phi-prod.iam.gserviceaccount.com" } },
    "gcp-iam-separation-of-duties": {
        stack: "gce",
        target: logWriter,
        // The sample's project id comes from a data source (unknown offline): the breakage names it.
        set: { role: "roles/iam.serviceAccountAdmin", member: "user:ops@example.com", project: "phi-prod" },
        also: { target: metricWriter, set: { role: "roles/iam.serviceAccountUser", member: "user:ops@example.com", project: "phi-prod" } },
    },
    "gcp-kms-no-public-access": { stack: "gce", target: { type: T.keyMember, name: "sql-agent-uses-phi-key" }, set: { member: "allAuthenticatedUsers" } },
    "gcp-kms-key-deletion-protection": { stack: "gce", target: { type: T.cryptoKey, name: "phi" }, set: { deletionPolicy: "DELETE" } },
    "gcp-logging-data-access-audit": { stack: "gce", target: { type: T.auditConfig, name: "data-access" }, set: { auditLogConfigs: [{ logType: "ADMIN_READ" }] } },
    "gcp-projects-baa-covered-apis": { stack: "gce", target: { type: T.projectService, name: "compute" }, set: { service: "generativelanguage.googleapis.com" } },
    // GKE and Cloud Run (issue 20).
    "gcp-gke-private-nodes": { stack: "gce", target: gke, set: { "privateClusterConfig.enablePrivateNodes": false } },
    "gcp-gke-master-authorized-networks": { stack: "gce", target: gke, set: { "masterAuthorizedNetworksConfig.cidrBlocks.0.cidrBlock": "0.0.0.0/0" } },
    "gcp-gke-logging-monitoring": { stack: "gce", target: gke, set: { loggingService: "none" } },
    "gcp-gke-legacy-abac": { stack: "gce", target: gke, set: { enableLegacyAbac: true } },
    "gcp-gke-client-certificate": { stack: "gce", target: gke, set: { masterAuth: { clientCertificateConfig: { issueClientCertificate: true } } } },
    "gcp-gke-node-service-account": { stack: "gce", target: gkeNodes, set: { "nodeConfig.serviceAccount": undefined } },
    "gcp-gke-shielded-nodes": { stack: "gce", target: gkeNodes, set: { "nodeConfig.shieldedInstanceConfig.enableSecureBoot": false } },
    "gcp-gke-workload-identity": { stack: "gce", target: gke, set: { workloadIdentityConfig: undefined } },
    "gcp-gke-secrets-encryption": { stack: "gce", target: gke, set: { "databaseEncryption.state": "DECRYPTED" } },
    "gcp-gke-boot-disk-encryption": { stack: "gce", target: gkeNodes, set: { "nodeConfig.bootDiskKmsKey": undefined } },
    "gcp-gke-network-policy": { stack: "gce", target: gke, set: { datapathProvider: undefined } },
    "gcp-gke-auto-repair-upgrade": { stack: "gce", target: gkeNodes, set: { "management.autoUpgrade": false } },
    "gcp-gke-release-channel": { stack: "gce", target: gke, set: { "releaseChannel.channel": "UNSPECIFIED" } },
    "gcp-gke-cos-image": { stack: "gce", target: gkeNodes, set: { "nodeConfig.imageType": "UBUNTU_CONTAINERD" } },
    "gcp-gke-binary-authorization": { stack: "gce", target: gke, set: { "binaryAuthorization.evaluationMode": "DISABLED" } },
    "gcp-gke-vpc-native": { stack: "gce", target: gke, set: { networkingMode: "ROUTES" } },
    "gcp-gke-intranode-visibility": { stack: "gce", target: gke, set: { enableIntranodeVisibility: false } },
    "gcp-gke-location": { stack: "gce", target: gke, set: { location: "europe-west1" }, knobs: { allowedLocations: ["us-central1"] } },
    "gcp-cloudrun-not-public": { stack: "gce", target: { type: "gcp:cloudrunv2/serviceIamMember:ServiceIamMember", name: "phi-api-invoker" }, set: { member: "allUsers" } },
    "gcp-cloudrun-ingress": { stack: "gce", target: runApi, set: { ingress: "INGRESS_TRAFFIC_ALL" } },
    "gcp-cloudrun-encryption-at-rest": { stack: "gce", target: runApi, set: { "template.encryptionKey": undefined } },
    "gcp-cloudrun-env-secrets": { stack: "gce", target: runApi, set: { "template.containers.0.envs.0.name": "DB_PASSWORD" } },
};

/** A deep copy that keeps the `unknown` marker and secrets as they are. */
function clone<T>(value: T): T {
    if (value instanceof Secret) return new Secret(clone(value.value)) as T;
    if (Array.isArray(value)) return value.map(clone) as T;
    if (value !== null && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, clone(v)])) as T;
    return value;
}

function setPath(props: Record<string, unknown>, dotted: string, value: unknown): void {
    const keys = dotted.split(".");
    let node: Record<string, unknown> = props;
    for (const key of keys.slice(0, -1)) {
        const next = node[key];
        assert.ok(next !== null && typeof next === "object", `the sample has no ${dotted} to change`);
        node = next as Record<string, unknown>;
    }
    const last = keys[keys.length - 1];
    if (value === undefined) {
        assert.ok(last in node, `the sample has no ${dotted} to remove`);
        delete node[last];
    } else {
        node[last] = value;
    }
}

function find(capture: Capture, pick: Pick): ResourceInput {
    const matches = capture.resources.filter(r => r.type === pick.type && (pick.name === undefined || r.name === pick.name));
    assert.strictEqual(matches.length, 1, `expected one ${pick.type}${pick.name ? ` named ${pick.name}` : ""} in stack ${capture.stack}, found ${matches.length}`);
    return matches[0];
}

function broken(capture: Capture, b: Breakage): Capture {
    const target = find(capture, b.target);
    const resources = capture.resources
        .filter(r => !(b.remove && r === target))
        .map(r => (r === target ? { ...r, props: clone(r.props) } : r));
    if (b.set) {
        const copy = resources.find(r => r.urn === target.urn)!;
        for (const [dotted, value] of Object.entries(b.set)) setPath(copy.props, dotted, value);
    }
    if (b.also) {
        const second = find(capture, b.also.target);
        const index = resources.findIndex(r => r.urn === second.urn);
        resources[index] = { ...second, props: clone(second.props) };
        for (const [dotted, value] of Object.entries(b.also.set)) setPath(resources[index].props, dotted, value);
    }
    return { ...capture, resources };
}

function summary(report: TargetReport): string {
    return report.findings.map(f => `${f.enforcementLevel} ${f.policyName} on ${f.name}: ${f.message}`).join("\n") || "(no findings)";
}

describe("sample stacks (offline check)", function () {
    this.timeout(120_000);
    const pack = usePack();
    const samples = {} as Record<StackName, Capture>;

    before(async () => {
        for (const target of resolveTargets(repoRoot) as ProgramTarget[]) {
            samples[target.stack as StackName] = await captureProgram(target);
        }
        assert.deepStrictEqual(Object.keys(samples).sort(), ["aws", "gce"], "the sample project has stacks aws and gce");
    });

    for (const stack of ["aws", "gce"] as const) {
        it(`stack ${stack} passes every policy`, async () => {
            const report = await analyzeCapture(pack.process, samples[stack]);
            assert.ok(report.resources > 10, `stack ${stack} registered only ${report.resources} resources`);
            assert.strictEqual(report.violations, 0, summary(report));
            assert.deepStrictEqual(report.findings.filter(isViolation), []);
        });
    }

    it("the table breaks every policy the compiled pack has for a resource type in the samples", () => {
        const compiled = pack.info.policies.map(p => p.name).sort();
        assert.deepStrictEqual(allPolicies.map(p => p.definition.name).sort(), compiled, "dist/ is stale: run npm run build");
        const sampleTypes = new Set(Object.values(samples).flatMap(c => c.resources.map(r => r.type)));
        const applicable = allPolicies.filter(p => p.definition.types.some(t => sampleTypes.has(t))).map(p => p.definition.name);
        const missing = applicable.filter(name => !(name in breakages));
        assert.deepStrictEqual(missing, [], `add a breakage for each of these policies: ${missing.join(", ")}`);
        const stale = Object.keys(breakages).filter(name => !compiled.includes(name));
        assert.deepStrictEqual(stale, [], "breakages for policies the pack does not have");
    });

    for (const [policy, b] of Object.entries(breakages)) {
        const change = b.remove ? "removed" : Object.entries(b.set ?? {}).map(([k, v]) => `${k}=${v === undefined ? "(unset)" : JSON.stringify(v)}`).join(", ");
        it(`${policy} fires when ${b.target.name ?? b.target.type} has ${change}`, async () => {
            if (b.knobs) {
                const config = { [policy]: b.knobs };
                const before = await pack.check(policy, find(samples[b.stack], b.target), config);
                assert.deepStrictEqual([...before.violations, ...before.advisories], [], `the sample does not pass ${policy} under ${JSON.stringify(b.knobs)}`);
                const after = await pack.check(policy, find(broken(samples[b.stack], b), b.target), config);
                assert.ok(after.violations.length > 0, `${policy} did not fire under ${JSON.stringify(b.knobs)}: ${JSON.stringify(after)}`);
                return;
            }
            const capture = broken(samples[b.stack], b);
            const on = find(samples[b.stack], b.findingOn ?? b.target);
            const report = await analyzeCapture(pack.process, capture);
            const fired = report.findings.filter(f => f.policyName === policy && isViolation(f) && f.urn === on.urn);
            assert.ok(fired.length > 0, `${policy} did not fire on ${on.name}; findings:\n${summary(report)}`);
        });
    }
});
