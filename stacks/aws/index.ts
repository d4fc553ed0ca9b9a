// Sample stack "aws": a small PHI workload, an app tier in private subnets with a Redis cache for
// session data, a PostgreSQL database and a DynamoDB table for records, and the audit trail around it, that passes every hipaa-guard policy. The comment
// beside each setting names the policy it satisfies, so this file doubles as the pack's
// "how to comply" for AWS.
//
// Needs: aws:region, and the cache's AUTH token as a secret:
//   pulumi config set --secret cacheAuthToken '<16-128 printable characters>'

import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

const config = new pulumi.Config();
const prefix = `${pulumi.getProject()}-${pulumi.getStack()}`;
const tags = { project: pulumi.getProject(), stack: pulumi.getStack(), "data-classification": "phi" };

/** Six years (HIPAA §164.316(b)(2)(i)), as a retention CloudWatch Logs offers. */
const sixYearsInDays = 2192;

const account = aws.getCallerIdentityOutput().accountId;
const partition = aws.getPartitionOutput().partition;
const region = aws.getRegionOutput().region;
const zones = aws.getAvailabilityZonesOutput({ state: "available" }).names;

const trailName = `${prefix}-audit`;
// Built rather than read from the trail: the bucket and key policies must exist before the trail.
const trailArn = pulumi.interpolate`arn:${partition}:cloudtrail:${region}:${account}:trail/${trailName}`;

// ---------------------------------------------------------------------------------------------
// One customer-managed key for PHI at rest: the cache, the database, the table, every log group and the audit trail.

const key = new aws.kms.Key("phi", {
    description: `${prefix}: PHI at rest (cache, logs, audit trail)`,
    enableKeyRotation: true, // aws-kms-key-rotation
    deletionWindowInDays: 30,
    policy: pulumi.jsonStringify({
        Version: "2012-10-17",
        Statement: [
            {
                // Without this the account could lose control of the key; IAM policies grant the rest.
                Sid: "AccountAdministersKey",
                Effect: "Allow",
                Principal: { AWS: pulumi.interpolate`arn:${partition}:iam::${account}:root` },
                Action: "kms:*",
                Resource: "*",
            },
            {
                // Lets CloudWatch Logs encrypt this account's log groups (aws-cloudwatch-log-encryption).
                Sid: "CloudWatchLogsEncryptLogGroups",
                Effect: "Allow",
                Principal: { Service: pulumi.interpolate`logs.${region}.amazonaws.com` },
                Action: ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"],
                Resource: "*",
                Condition: { ArnLike: { "kms:EncryptionContext:aws:logs:arn": pulumi.interpolate`arn:${partition}:logs:${region}:${account}:log-group:*` } },
            },
            {
                // Lets this trail, and only it, encrypt log files (aws-cloudtrail-encryption).
                Sid: "CloudTrailEncryptLogFiles",
                Effect: "Allow",
                Principal: { Service: "cloudtrail.amazonaws.com" },
                Action: "kms:GenerateDataKey*",
                Resource: "*",
                Condition: {
                    StringEquals: { "aws:SourceArn": trailArn },
                    StringLike: { "kms:EncryptionContext:aws:cloudtrail:arn": pulumi.interpolate`arn:${partition}:cloudtrail:*:${account}:trail/*` },
                },
            },
            {
                // Lets S3 server access logging write encrypted log objects (aws-s3-access-logging with aws-s3-default-encryption-kms).
                Sid: "S3ServerAccessLogsEncrypt",
                Effect: "Allow",
                Principal: { Service: "logging.s3.amazonaws.com" },
                Action: ["kms:GenerateDataKey*", "kms:Decrypt"],
                Resource: "*",
                Condition: { StringEquals: { "aws:SourceAccount": account } },
            },
            {
                Sid: "CloudTrailDescribeKey",
                Effect: "Allow",
                Principal: { Service: "cloudtrail.amazonaws.com" },
                Action: "kms:DescribeKey",
                Resource: "*",
            },
        ],
    }),
    tags,
});

new aws.kms.Alias("phi", { name: `alias/${prefix}-phi`, targetKeyId: key.keyId });

/** A log group that keeps its records six years, encrypted with the PHI key. */
function logGroup(resourceName: string, path: string): aws.cloudwatch.LogGroup {
    return new aws.cloudwatch.LogGroup(resourceName, {
        name: `/${prefix}/${path}`,
        retentionInDays: sixYearsInDays, // aws-cloudwatch-log-retention
        kmsKeyId: key.arn, // aws-cloudwatch-log-encryption
        tags,
    });
}

/** An IAM role only `service` can assume, and only on behalf of this account. */
function serviceRole(resourceName: string, service: string, sourceArn: pulumi.Input<string>): aws.iam.Role {
    return new aws.iam.Role(resourceName, {
        assumeRolePolicy: pulumi.jsonStringify({
            Version: "2012-10-17",
            Statement: [
                {
                    Effect: "Allow",
                    Principal: { Service: service },
                    Action: "sts:AssumeRole",
                    Condition: { StringEquals: { "aws:SourceAccount": account }, ArnLike: { "aws:SourceArn": sourceArn } },
                },
            ],
        }),
        tags,
    });
}

// ---------------------------------------------------------------------------------------------
// Network: a VPC with no internet gateway; app subnets and data subnets in two zones.

const vpc = new aws.ec2.Vpc("phi", {
    cidrBlock: "10.20.0.0/16",
    enableDnsSupport: true,
    enableDnsHostnames: true,
    tags: { ...tags, Name: prefix },
});

// The default security group lets every member reach every other; take all its rules away.
new aws.ec2.DefaultSecurityGroup("default", { vpcId: vpc.id, tags });

const appCidrs = ["10.20.0.0/24", "10.20.1.0/24"];
const dataCidrs = ["10.20.10.0/24", "10.20.11.0/24"];
const subnet = (resourceName: string, cidrBlock: string, zone: number) =>
    new aws.ec2.Subnet(resourceName, {
        vpcId: vpc.id,
        cidrBlock,
        availabilityZone: zones.apply(z => z[zone]),
        mapPublicIpOnLaunch: false, // private: no public addresses, and the VPC has no internet gateway
        tags: { ...tags, Name: `${prefix}-${resourceName}` },
    });
const appSubnets = appCidrs.map((cidr, i) => subnet(`app-${i}`, cidr, i));
const dataSubnets = dataCidrs.map((cidr, i) => subnet(`data-${i}`, cidr, i));

// VPC flow logs, all traffic, to a six-year encrypted log group (aws-vpc-flow-logs).
const flowLogs = logGroup("vpc-flow-logs", "vpc-flow-logs");
const flowLogsRole = serviceRole("vpc-flow-logs", "vpc-flow-logs.amazonaws.com", pulumi.interpolate`arn:${partition}:ec2:${region}:${account}:vpc-flow-log/*`);
// aws-iam-no-inline-policies: a managed policy attached to the role, not an inline one.
const flowLogsPolicy = new aws.iam.Policy("vpc-flow-logs", {
    policy: pulumi.jsonStringify({
        Version: "2012-10-17",
        Statement: [
            { Effect: "Allow", Action: ["logs:CreateLogStream", "logs:PutLogEvents"], Resource: pulumi.interpolate`${flowLogs.arn}:*` },
            { Effect: "Allow", Action: ["logs:DescribeLogGroups", "logs:DescribeLogStreams"], Resource: "*" },
        ],
    }),
    tags,
});
new aws.iam.RolePolicyAttachment("vpc-flow-logs", { role: flowLogsRole.name, policyArn: flowLogsPolicy.arn });
new aws.ec2.FlowLog("vpc", {
    vpcId: vpc.id,
    trafficType: "ALL",
    logDestinationType: "cloud-watch-logs",
    logDestination: flowLogs.arn,
    iamRoleArn: flowLogsRole.arn,
    maxAggregationInterval: 60,
    tags,
});

// ---------------------------------------------------------------------------------------------
// The session cache: Redis OSS, reachable only from the app subnets, on its own port.

const cacheSecurityGroup = new aws.ec2.SecurityGroup("cache", {
    vpcId: vpc.id,
    description: "Redis: only the app subnets, only the cache port",
    tags,
});
appCidrs.forEach(
    (cidr, i) =>
        new aws.vpc.SecurityGroupIngressRule(`cache-from-app-${i}`, {
            securityGroupId: cacheSecurityGroup.id,
            description: `app subnet ${i} to Redis`,
            ipProtocol: "tcp",
            fromPort: 6379,
            toPort: 6379,
            cidrIpv4: cidr,
        }),
);

const cacheSubnets = new aws.elasticache.SubnetGroup("cache", {
    description: "Data subnets for the PHI cache",
    subnetIds: dataSubnets.map(s => s.id),
    tags,
});

const slowLog = logGroup("cache-slow-log", "elasticache/slow-log");
const engineLog = logGroup("cache-engine-log", "elasticache/engine-log");

const cache = new aws.elasticache.ReplicationGroup("phi-cache", {
    description: "PHI session cache",
    engine: "redis",
    engineVersion: "7.1", // aws-elasticache-engine-version
    nodeType: "cache.t4g.small",
    port: 6379,
    subnetGroupName: cacheSubnets.name,
    securityGroupIds: [cacheSecurityGroup.id],
    transitEncryptionEnabled: true, // aws-elasticache-encryption-in-transit
    transitEncryptionMode: "required", // aws-elasticache-encryption-in-transit: no plaintext clients
    atRestEncryptionEnabled: true, // aws-elasticache-encryption-at-rest
    kmsKeyId: key.arn, // aws-elasticache-encryption-at-rest (customer-managed key)
    authTokenWo: config.requireSecret("cacheAuthToken"), // aws-elasticache-auth (write-only: never stored in state)
    authTokenWoVersion: 1, // bump to rotate the token
    automaticFailoverEnabled: true, // aws-elasticache-multi-az
    multiAzEnabled: true, // aws-elasticache-multi-az
    numCacheClusters: 2, // aws-elasticache-multi-az: a primary and a replica in another zone
    snapshotRetentionLimit: 35, // aws-elasticache-backup-retention
    snapshotWindow: "03:00-05:00",
    maintenanceWindow: "sun:05:30-sun:06:30",
    autoMinorVersionUpgrade: true,
    logDeliveryConfigurations: [
        { destination: slowLog.name, destinationType: "cloudwatch-logs", logFormat: "json", logType: "slow-log" },
        { destination: engineLog.name, destinationType: "cloudwatch-logs", logFormat: "json", logType: "engine-log" },
    ],
    tags,
});

// ---------------------------------------------------------------------------------------------
// Block storage for the app tier's PHI working files: an EBS volume encrypted with the PHI key.
// The PHI database: RDS for PostgreSQL in the data subnets, reachable only from the app subnets.

const dbSecurityGroup = new aws.ec2.SecurityGroup("db", { vpcId: vpc.id, description: "PostgreSQL: only the app subnets, only the database port", tags });
appCidrs.forEach(
    (cidr, i) =>
        new aws.vpc.SecurityGroupIngressRule(`db-from-app-${i}`, {
            securityGroupId: dbSecurityGroup.id,
            description: `app subnet ${i} to PostgreSQL`,
            ipProtocol: "tcp",
            fromPort: 5432,
            toPort: 5432,
            cidrIpv4: cidr,
        }),
);
const dbSubnets = new aws.rds.SubnetGroup("db", { description: "Data subnets for the PHI database", subnetIds: dataSubnets.map(s => s.id), tags });

// Enhanced Monitoring publishes through a role only RDS monitoring can assume (aws-rds-enhanced-monitoring).
const dbMonitoringRole = new aws.iam.Role("db-monitoring", {
    assumeRolePolicy: pulumi.jsonStringify({
        Version: "2012-10-17",
        Statement: [{ Effect: "Allow", Principal: { Service: "monitoring.rds.amazonaws.com" }, Action: "sts:AssumeRole", Condition: { StringEquals: { "aws:SourceAccount": account } } }],
    }),
    tags,
});
new aws.iam.RolePolicyAttachment("db-monitoring", {
    role: dbMonitoringRole.name,
    policyArn: pulumi.interpolate`arn:${partition}:iam::aws:policy/service-role/AmazonRDSEnhancedMonitoringRole`,
});

const db = new aws.rds.Instance("phi-db", {
    engine: "postgres",
    engineVersion: "16",
    instanceClass: "db.t4g.medium",
    allocatedStorage: 50,
    storageType: "gp3",
    dbSubnetGroupName: dbSubnets.name,
    vpcSecurityGroupIds: [dbSecurityGroup.id],
    username: "phiadmin",
    manageMasterUserPassword: true, // the password lives in Secrets Manager, rotated by RDS
    masterUserSecretKmsKeyId: key.arn,
    storageEncrypted: true, // aws-rds-storage-encrypted
    kmsKeyId: key.arn, // aws-rds-storage-encrypted (customer-managed key)
    backupRetentionPeriod: 35, // aws-rds-backup-retention
    multiAz: true, // aws-rds-multi-az
    publiclyAccessible: false, // aws-rds-public-access
    deletionProtection: true, // aws-rds-deletion-protection
    monitoringInterval: 60, // aws-rds-enhanced-monitoring
    monitoringRoleArn: dbMonitoringRole.arn, // aws-rds-enhanced-monitoring
    autoMinorVersionUpgrade: true, // aws-rds-minor-version-upgrade
    enabledCloudwatchLogsExports: ["postgresql", "upgrade"], // aws-rds-log-exports
    finalSnapshotIdentifier: `${prefix}-phi-db-final`,
    tags,
});

// PHI records by patient: on-demand capacity, continuous backups, the PHI key.
const records = new aws.dynamodb.Table("phi-records", {
    hashKey: "patientId",
    rangeKey: "recordId",
    attributes: [
        { name: "patientId", type: "S" },
        { name: "recordId", type: "S" },
    ],
    billingMode: "PAY_PER_REQUEST", // aws-dynamodb-autoscaling
    pointInTimeRecovery: { enabled: true }, // aws-dynamodb-point-in-time-recovery
    serverSideEncryption: { enabled: true, kmsKeyArn: key.arn },
    deletionProtectionEnabled: true,
    tags,
});

// ---------------------------------------------------------------------------------------------
// The app tier's compute: an Auto Scaling group in the app subnets, launched from a template that
// requires IMDSv2, gives no public IP and encrypts its disk with the PHI key, behind the load
// balancer's target group, admitting HTTPS only from inside the VPC.

// The app tier behind the load balancer below: instances join it, the HTTPS listener forwards to it.
const appTargetGroup = new aws.lb.TargetGroup("app", { vpcId: vpc.id, port: 443, protocol: "HTTPS", targetType: "instance", tags });

// Ingress from the VPC only (aws-ec2-sg-ssh-restricted, aws-ec2-sg-common-ports-restricted, aws-ec2-sg-authorized-ports): no SSH, Session Manager instead.
const appSecurityGroup = new aws.ec2.SecurityGroup("app", { vpcId: vpc.id, description: "App tier: HTTPS from inside the VPC only", tags });
new aws.vpc.SecurityGroupIngressRule("app-https-from-vpc", {
    securityGroupId: appSecurityGroup.id,
    description: "HTTPS from the load balancer, inside the VPC",
    ipProtocol: "tcp",
    fromPort: 443,
    toPort: 443,
    cidrIpv4: vpc.cidrBlock,
});
// Out to the database, the cache and VPC endpoints only.
[443, 5432, 6379].forEach(
    port =>
        new aws.vpc.SecurityGroupEgressRule(`app-to-vpc-${port}`, {
            securityGroupId: appSecurityGroup.id,
            description: `app tier to the VPC on ${port}`,
            ipProtocol: "tcp",
            fromPort: port,
            toPort: port,
            cidrIpv4: vpc.cidrBlock,
        }),
);

// Role credentials for the instances (aws-ec2-instance-profile), with managed policies only.
const appRole = new aws.iam.Role("app", {
    assumeRolePolicy: pulumi.jsonStringify({
        Version: "2012-10-17",
        Statement: [{ Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole", Condition: { StringEquals: { "aws:SourceAccount": account } } }],
    }),
    tags,
});
new aws.iam.RolePolicyAttachment("app-ssm", { role: appRole.name, policyArn: pulumi.interpolate`arn:${partition}:iam::aws:policy/AmazonSSMManagedInstanceCore` });
const appProfile = new aws.iam.InstanceProfile("app", { role: appRole.name, tags });

// Auto Scaling launches the instances with its service-linked role, which needs a grant on the PHI key for their encrypted disks.
new aws.kms.Grant("app-autoscaling", {
    keyId: key.keyId,
    granteePrincipal: pulumi.interpolate`arn:${partition}:iam::${account}:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling`,
    operations: ["Encrypt", "Decrypt", "ReEncryptFrom", "ReEncryptTo", "GenerateDataKey", "GenerateDataKeyWithoutPlaintext", "DescribeKey", "CreateGrant"],
});

const appTemplate = new aws.ec2.LaunchTemplate("app", {
    imageId: "resolve:ssm:/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64",
    instanceType: "t3.small",
    iamInstanceProfile: { arn: appProfile.arn }, // aws-ec2-instance-profile
    metadataOptions: { httpEndpoint: "enabled", httpTokens: "required", httpPutResponseHopLimit: 1 }, // aws-ec2-imdsv2
    networkInterfaces: [{ associatePublicIpAddress: "false", securityGroups: [appSecurityGroup.id], deleteOnTermination: "true" }], // aws-autoscaling-launch-no-public-ip
    blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { encrypted: "true", kmsKeyId: key.arn, volumeSize: 20, volumeType: "gp3" } }], // aws-ebs-encrypted-volumes
    tagSpecifications: [{ resourceType: "instance", tags }, { resourceType: "volume", tags }],
    tags,
});

new aws.autoscaling.Group("app", {
    vpcZoneIdentifiers: appSubnets.map(s => s.id), // private subnets (aws-vpc-subnet-no-public-ip)
    minSize: 2,
    maxSize: 4,
    desiredCapacity: 2,
    launchTemplate: { id: appTemplate.id, version: appTemplate.latestVersion.apply(v => `${v}`) },
    targetGroupArns: [appTargetGroup.arn],
    healthCheckType: "ELB", // aws-autoscaling-elb-health-check: replace instances the load balancer finds unhealthy
    healthCheckGracePeriod: 300,
    tags: Object.entries(tags).map(([key, value]) => ({ key, value, propagateAtLaunch: true })),
});

// ---------------------------------------------------------------------------------------------
// The audit trail: every region's management events, to a protected bucket and to CloudWatch Logs.

const phiVolume = new aws.ebs.Volume("phi-data", {
    availabilityZone: zones.apply(z => z[0]),
    size: 50,
    type: "gp3",
    encrypted: true, // aws-ebs-encrypted-volumes
    kmsKeyId: key.arn, // aws-ebs-encrypted-volumes: the customer-managed PHI key
    tags,
});

// ---------------------------------------------------------------------------------------------
// AWS Backup: a daily plan into a vault encrypted with the PHI key, whose recovery points nobody
// can delete by hand, selecting the PHI data stores.

const backupVault = new aws.backup.Vault("phi", { kmsKeyArn: key.arn, tags });
new aws.backup.VaultPolicy("phi", {
    backupVaultName: backupVault.name,
    policy: pulumi.jsonStringify({
        Version: "2012-10-17",
        Statement: [{
            // aws-backup-recovery-point-deletion-protected
            Sid: "DenyManualDeletion",
            Effect: "Deny",
            Principal: { AWS: "*" },
            Action: ["backup:DeleteRecoveryPoint", "backup:UpdateRecoveryPointLifecycle"],
            Resource: "*",
        }],
    }),
});
const backupPlan = new aws.backup.Plan("phi", {
    rules: [{
        ruleName: "daily",
        targetVaultName: backupVault.name,
        schedule: "cron(0 5 ? * * *)", // aws-backup-plan-frequency-retention: daily
        lifecycle: { deleteAfter: sixYearsInDays }, // aws-backup-plan-frequency-retention: at least 35 days (here six years)
    }],
    tags,
});
const backupRole = serviceRole("backup", "backup.amazonaws.com", pulumi.interpolate`arn:${partition}:backup:${region}:${account}:*`);
new aws.iam.RolePolicyAttachment("backup", {
    role: backupRole.name,
    policyArn: pulumi.interpolate`arn:${partition}:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup`,
});
new aws.backup.Selection("phi", {
    planId: backupPlan.id,
    iamRoleArn: backupRole.arn,
    resources: [phiVolume.arn, db.arn, records.arn], // aws-backup-in-plan: the PHI volume, database and table
});

// ---------------------------------------------------------------------------------------------
// S3: every bucket gets the same protections, so one function builds a bucket and its settings.
// @pulumi/aws 7 configures a bucket through resources of its own, each naming it by `bucket.id`.

const replicationRole = serviceRole("s3-replication", "s3.amazonaws.com", pulumi.interpolate`arn:${partition}:s3:::*`);
// aws-iam-no-inline-policies: a managed policy attached to the role, not an inline one.
const replicationPolicy = new aws.iam.Policy("s3-replication", {
    policy: pulumi.jsonStringify({
        Version: "2012-10-17",
        Statement: [
            { Effect: "Allow", Action: ["s3:GetReplicationConfiguration", "s3:ListBucket", "s3:GetObjectVersionForReplication", "s3:GetObjectVersionAcl", "s3:GetObjectVersionTagging"], Resource: "*" },
            { Effect: "Allow", Action: ["s3:ReplicateObject", "s3:ReplicateDelete", "s3:ReplicateTags"], Resource: "*" },
            { Effect: "Allow", Action: ["kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey*"], Resource: key.arn },
        ],
    }),
    tags,
});
new aws.iam.RolePolicyAttachment("s3-replication", { role: replicationRole.name, policyArn: replicationPolicy.arn });

interface BucketOptions {
    /** Statements besides the TLS-only deny, given the bucket's ARN. */
    readonly statements?: (arn: pulumi.Output<string>) => pulumi.Input<Record<string, unknown>>[];
    /** Where server access logs go; omitted for the access-log bucket itself (aws-s3-access-logging exempts it). */
    readonly accessLogs?: aws.s3.Bucket;
    /** The bucket replicas go to; omitted for a replica (aws-s3-replication exempts it). */
    readonly replica?: aws.s3.Bucket;
    /** Resources the bucket policy must wait for. */
    readonly policyDependsOn?: pulumi.Resource[];
    /**
     * S3-managed keys (SSE-S3) instead of the PHI key, for a bucket that a service can only write
     * with SSE-S3 (Elastic Load Balancing access logs): the waiver of aws-s3-default-encryption-kms
     * it carries as a tag, "YYYY-MM-DD_reason".
     */
    readonly sseS3Waiver?: string;
}

function protectedBucket(resourceName: string, o: BucketOptions = {}) {
    // aws-s3-object-lock: only at creation (changing it replaces the bucket).
    const bucketTags = o.sseS3Waiver ? { ...tags, "hipaa-guard-waive-aws-s3-default-encryption-kms": o.sseS3Waiver } : tags;
    const bucket = new aws.s3.Bucket(resourceName, { objectLockEnabled: true, tags: bucketTags });
    const on = { bucket: bucket.id };
    const publicAccessBlock = new aws.s3.BucketPublicAccessBlock(resourceName, {
        ...on,
        blockPublicAcls: true, // aws-s3-no-public-access (and aws-cloudtrail-bucket-protected)
        blockPublicPolicy: true,
        ignorePublicAcls: true,
        restrictPublicBuckets: true,
    });
    // aws-s3-acls-disabled: objects owned by the bucket owner, ACLs ignored.
    new aws.s3.BucketOwnershipControls(resourceName, { ...on, rule: { objectOwnership: "BucketOwnerEnforced" } });
    new aws.s3.BucketServerSideEncryptionConfiguration(resourceName, {
        ...on,
        // aws-s3-default-encryption-kms: the PHI key, not S3-managed keys.
        rules: [o.sseS3Waiver
            ? { applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } } // waived: see sseS3Waiver
            : { applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: key.arn }, bucketKeyEnabled: true }],
    });
    const versioning = new aws.s3.BucketVersioning(resourceName, { ...on, versioningConfiguration: { status: "Enabled" } }); // aws-s3-versioning
    // aws-s3-version-lifecycle: noncurrent versions kept six years, then expired.
    new aws.s3.BucketLifecycleConfiguration(resourceName, {
        ...on,
        rules: [{ id: "noncurrent-versions", status: "Enabled", filter: {}, noncurrentVersionExpiration: { noncurrentDays: sixYearsInDays } }],
    }, { dependsOn: [versioning] });
    new aws.s3.BucketNotification(resourceName, { ...on, eventbridge: true }); // aws-s3-event-notifications
    if (o.accessLogs) {
        // aws-s3-access-logging
        new aws.s3.BucketLogging(resourceName, { ...on, targetBucket: o.accessLogs.id, targetPrefix: `${resourceName}/` });
    }
    if (o.replica) {
        // aws-s3-replication: same-region replication into the replica bucket, encrypted with the PHI key.
        new aws.s3.BucketReplicationConfig(resourceName, {
            ...on,
            role: replicationRole.arn,
            rules: [{
                id: "all",
                status: "Enabled",
                filter: {},
                deleteMarkerReplication: { status: "Enabled" },
                sourceSelectionCriteria: { sseKmsEncryptedObjects: { status: "Enabled" } },
                destination: { bucket: o.replica.arn, encryptionConfiguration: { replicaKmsKeyId: key.arn } },
            }],
        }, { dependsOn: [versioning] });
    }
    const policy = new aws.s3.BucketPolicy(resourceName, {
        ...on,
        policy: pulumi.jsonStringify({
            Version: "2012-10-17",
            Statement: [
                ...(o.statements?.(bucket.arn) ?? []),
                {
                    // aws-s3-ssl-requests-only: both the bucket and every object.
                    Sid: "DenyInsecureTransport",
                    Effect: "Deny",
                    Principal: "*",
                    Action: "s3:*",
                    Resource: [bucket.arn, pulumi.interpolate`${bucket.arn}/*`],
                    Condition: { Bool: { "aws:SecureTransport": "false" } },
                },
            ],
        }),
    // After the public access block: S3 aborts bucket configuration calls that run concurrently.
    }, { dependsOn: [publicAccessBlock, ...(o.policyDependsOn ?? [])] });
    return { bucket, versioning, policy };
}

// Replicas of every bucket below, and the access logs of every bucket (the log bucket records none of its own).
const replicas = protectedBucket("replicas");
const accessLogs = protectedBucket("access-logs", {
    replica: replicas.bucket,
    statements: arn => [{
        Sid: "S3ServerAccessLogsWrite",
        Effect: "Allow",
        Principal: { Service: "logging.s3.amazonaws.com" },
        Action: "s3:PutObject",
        Resource: pulumi.interpolate`${arn}/*`,
        Condition: { StringEquals: { "aws:SourceAccount": account } },
    }],
});
new aws.s3.BucketLogging("replicas", { bucket: replicas.bucket.id, targetBucket: accessLogs.bucket.id, targetPrefix: "replicas/" }); // aws-s3-access-logging

// The PHI documents bucket: every S3 control above, its access logged, replicated, reachable only over TLS.
const phiData = protectedBucket("phi-data", { accessLogs: accessLogs.bucket, replica: replicas.bucket });

// ---------------------------------------------------------------------------------------------
// The audit trail: every region's management events, to a protected bucket and to CloudWatch Logs.

// aws-cloudtrail-bucket-protected: no public access, objects owned by the bucket owner (no ACLs),
// encrypted with the PHI key, versioned, and reachable only over TLS, like every bucket here.
const trailBucketParts = protectedBucket("audit-trail", {
    accessLogs: accessLogs.bucket,
    replica: replicas.bucket,
    statements: arn => [
        {
            Sid: "CloudTrailAclCheck",
            Effect: "Allow",
            Principal: { Service: "cloudtrail.amazonaws.com" },
            Action: "s3:GetBucketAcl",
            Resource: arn,
            Condition: { StringEquals: { "aws:SourceArn": trailArn } },
        },
        {
            Sid: "CloudTrailWrite",
            Effect: "Allow",
            Principal: { Service: "cloudtrail.amazonaws.com" },
            Action: "s3:PutObject",
            Resource: pulumi.interpolate`${arn}/AWSLogs/${account}/*`,
            Condition: { StringEquals: { "s3:x-amz-acl": "bucket-owner-full-control", "aws:SourceArn": trailArn } },
        },
    ],
});
const trailBucket = trailBucketParts.bucket;
const trailBucketPolicy = trailBucketParts.policy;

// aws-cloudtrail-cloudwatch-integration: the trail also delivers to a log group, through a role
// only CloudTrail can assume; aws-cloudtrail-log-group-retention: that group keeps six years.
const trailLogs = logGroup("audit-trail", "cloudtrail");
const trailLogsRole = serviceRole("audit-trail-to-logs", "cloudtrail.amazonaws.com", trailArn);
// aws-iam-no-inline-policies: a managed policy attached to the role, not an inline one.
const trailLogsPolicy = new aws.iam.Policy("audit-trail-to-logs", {
    policy: pulumi.jsonStringify({
        Version: "2012-10-17",
        Statement: [{ Effect: "Allow", Action: ["logs:CreateLogStream", "logs:PutLogEvents"], Resource: pulumi.interpolate`${trailLogs.arn}:log-stream:*` }],
    }),
    tags,
});
const trailLogsRolePolicy = new aws.iam.RolePolicyAttachment("audit-trail-to-logs", { role: trailLogsRole.name, policyArn: trailLogsPolicy.arn });

const trail = new aws.cloudtrail.Trail(
    "audit",
    {
        name: trailName,
        s3BucketName: trailBucket.id,
        isMultiRegionTrail: true, // aws-cloudtrail-multi-region
        includeGlobalServiceEvents: true, // aws-cloudtrail-multi-region: IAM, STS and other global services
        enableLogFileValidation: true, // aws-cloudtrail-log-file-validation
        kmsKeyId: key.arn, // aws-cloudtrail-encryption
        cloudWatchLogsGroupArn: pulumi.interpolate`${trailLogs.arn}:*`, // aws-cloudtrail-cloudwatch-integration
        cloudWatchLogsRoleArn: trailLogsRole.arn, // aws-cloudtrail-cloudwatch-integration
        enableLogging: true, // aws-cloudtrail-logging-enabled
        // aws-cloudtrail-s3-data-events: object reads and writes in every bucket, besides all management events.
        eventSelectors: [{ readWriteType: "All", includeManagementEvents: true, dataResources: [{ type: "AWS::S3::Object", values: ["arn:aws:s3"] }] }],
        tags,
    },
    // CloudTrail checks at creation that it may write to the bucket and the log group.
    { dependsOn: [trailBucketPolicy, trailLogsRolePolicy] },
);

// ---------------------------------------------------------------------------------------------
// Alarms (issue 18): a metric alarm that tells someone, through an encrypted SNS topic whose key
// CloudWatch may use (aws-cloudwatch-alarm-actions, aws-sns-topic-encryption).

const alarmsKey = new aws.kms.Key("alarms", {
    description: `${prefix}: alarm notifications`,
    enableKeyRotation: true, // aws-kms-key-rotation
    deletionWindowInDays: 30,
    policy: pulumi.jsonStringify({
        Version: "2012-10-17",
        Statement: [
            { Sid: "AccountAdministersKey", Effect: "Allow", Principal: { AWS: pulumi.interpolate`arn:${partition}:iam::${account}:root` }, Action: "kms:*", Resource: "*" },
            {
                Sid: "CloudWatchPublishesAlarms",
                Effect: "Allow",
                Principal: { Service: "cloudwatch.amazonaws.com" },
                Action: ["kms:Decrypt", "kms:GenerateDataKey*"],
                Resource: "*",
                Condition: { StringEquals: { "aws:SourceAccount": account } },
            },
        ],
    }),
    tags,
});
const alarmsTopic = new aws.sns.Topic("alarms", { kmsMasterKeyId: alarmsKey.arn, tags }); // aws-sns-topic-encryption
new aws.cloudwatch.MetricAlarm("cache-cpu", {
    alarmDescription: "PHI cache CPU above 80% for 15 minutes",
    namespace: "AWS/ElastiCache",
    metricName: "EngineCPUUtilization",
    dimensions: { ReplicationGroupId: cache.id },
    statistic: "Average",
    period: 300,
    evaluationPeriods: 3,
    comparisonOperator: "GreaterThanThreshold",
    threshold: 80,
    alarmActions: [alarmsTopic.arn], // aws-cloudwatch-alarm-actions
    insufficientDataActions: [alarmsTopic.arn], // aws-cloudwatch-alarm-actions: AWS Config also wants INSUFFICIENT_DATA actions
    tags,
});

// Load balancer (issue 17): an internal HTTPS Application Load Balancer in front of the app tier,
// in the app subnets (the VPC has no internet gateway), reachable on 443 from inside the VPC only,
// with deletion protection, access logs, an ACM certificate, a TLS 1.2+ policy, HTTP redirected
// to HTTPS, and an AWS WAF web ACL that logs what it inspects.


const albSecurityGroup = new aws.ec2.SecurityGroup("alb", { vpcId: vpc.id, description: "App load balancer: HTTPS from inside the VPC only", tags });
new aws.vpc.SecurityGroupIngressRule("alb-https-from-vpc", {
    securityGroupId: albSecurityGroup.id,
    description: "HTTPS from the VPC",
    ipProtocol: "tcp",
    fromPort: 443,
    toPort: 443,
    cidrIpv4: vpc.cidrBlock,
});
appCidrs.forEach(
    (cidr, i) =>
        new aws.vpc.SecurityGroupEgressRule(`alb-to-app-${i}`, {
            securityGroupId: albSecurityGroup.id,
            description: `load balancer to app subnet ${i} (HTTPS targets)`,
            ipProtocol: "tcp",
            fromPort: 443,
            toPort: 443,
            cidrIpv4: cidr,
        }),
);

// aws-elb-access-logs: ELB delivers access logs only to buckets encrypted with SSE-S3 (AES256), never SSE-KMS,
// so this bucket carries a dated waiver of aws-s3-default-encryption-kms; it has every other S3 protection.
const elbServiceAccount = aws.elb.getServiceAccountOutput();
const albLogPrefix = "app-alb";
const albLogs = protectedBucket("alb-access-logs", {
    accessLogs: accessLogs.bucket,
    replica: replicas.bucket,
    sseS3Waiver: "2027-12-31_ELB access logs can only be delivered to SSE-S3 buckets",
    statements: arn => [
        {
            // Regions from before August 2022 deliver as the regional ELB account.
            Sid: "ElbAccessLogsWrite",
            Effect: "Allow",
            Principal: { AWS: elbServiceAccount.arn },
            Action: "s3:PutObject",
            Resource: pulumi.interpolate`${arn}/${albLogPrefix}/AWSLogs/${account}/*`,
        },
        {
            Sid: "ElbLogDeliveryWrite",
            Effect: "Allow",
            Principal: { Service: "logdelivery.elasticloadbalancing.amazonaws.com" },
            Action: "s3:PutObject",
            Resource: pulumi.interpolate`${arn}/${albLogPrefix}/AWSLogs/${account}/*`,
            Condition: { StringEquals: { "aws:SourceAccount": account } },
        },
    ],
});

const alb = new aws.lb.LoadBalancer(
    "app",
    {
        loadBalancerType: "application",
        internal: true, // no internet gateway: clients inside the VPC only
        subnets: appSubnets.map(s => s.id),
        securityGroups: [albSecurityGroup.id],
        enableDeletionProtection: true, // aws-elb-deletion-protection
        dropInvalidHeaderFields: true,
        accessLogs: { bucket: albLogs.bucket.id, prefix: albLogPrefix, enabled: true }, // aws-elb-access-logs (enabled defaults to false)
        tags,
    },
    // ELB checks at creation that it may write to the bucket.
    { dependsOn: [albLogs.policy] },
);

// aws-elb-acm-certificate: an ACM certificate. Publish the DNS validation record ACM asks for (the
// validation waits until the certificate is issued), or pass certificateAuthorityArn for a private CA.
const appCertificate = new aws.acm.Certificate("app", {
    domainName: config.get("appDomainName") ?? `app.${prefix}.example.com`,
    validationMethod: "DNS",
    tags,
});
const appCertificateValidation = new aws.acm.CertificateValidation("app", { certificateArn: appCertificate.arn });

new aws.lb.Listener("app-https", {
    loadBalancerArn: alb.arn,
    port: 443,
    protocol: "HTTPS",
    certificateArn: appCertificateValidation.certificateArn, // aws-elb-acm-certificate
    sslPolicy: "ELBSecurityPolicy-TLS13-1-2-2021-06", // aws-elb-listener-tls-policy: TLS 1.2 and 1.3 only
    defaultActions: [{ type: "forward", targetGroupArn: appTargetGroup.arn }],
    tags,
});
// aws-elb-https-redirect: plain HTTP only ever redirects. Port 80 stays closed in the security group;
// the redirect keeps a later opening of it from serving PHI in plaintext.
new aws.lb.Listener("app-http", {
    loadBalancerArn: alb.arn,
    port: 80,
    protocol: "HTTP",
    defaultActions: [{ type: "redirect", redirect: { protocol: "HTTPS", port: "443", statusCode: "HTTP_301" } }],
    tags,
});

// aws-elb-waf: an AWS WAF web ACL with AWS's common and known-bad-inputs rule groups.
const managedRule = (name: string, priority: number) => ({
    name,
    priority,
    overrideAction: { none: {} },
    statement: { managedRuleGroupStatement: { vendorName: "AWS", name } },
    visibilityConfig: { cloudwatchMetricsEnabled: true, metricName: name, sampledRequestsEnabled: true },
});
const webAcl = new aws.wafv2.WebAcl("app", {
    scope: "REGIONAL",
    defaultAction: { allow: {} },
    rules: [managedRule("AWSManagedRulesCommonRuleSet", 1), managedRule("AWSManagedRulesKnownBadInputsRuleSet", 2)],
    visibilityConfig: { cloudwatchMetricsEnabled: true, metricName: `${prefix}-app`, sampledRequestsEnabled: true },
    tags,
});
new aws.wafv2.WebAclAssociation("app", { resourceArn: alb.arn, webAclArn: webAcl.arn });
// aws-wafv2-logging: to a six-year encrypted log group (WAF requires the aws-waf-logs- name prefix),
// with the Authorization and Cookie headers redacted.
const wafLogs = new aws.cloudwatch.LogGroup("waf", {
    name: `aws-waf-logs-${prefix}`,
    retentionInDays: sixYearsInDays, // aws-cloudwatch-log-retention
    kmsKeyId: key.arn, // aws-cloudwatch-log-encryption
    tags,
});
new aws.wafv2.WebAclLoggingConfiguration("app", {
    resourceArn: webAcl.arn,
    logDestinationConfigs: [wafLogs.arn],
    redactedFields: [{ singleHeader: { name: "authorization" } }, { singleHeader: { name: "cookie" } }],
});

export const vpcId = vpc.id;
export const cacheEndpoint = cache.primaryEndpointAddress;
export const auditTrailArn = trail.arn;
export const keyArn = key.arn;
export const phiBucket = phiData.bucket.bucket;
export const dbEndpoint = db.endpoint;
export const recordsTable = records.name;
export const appLoadBalancerDns = alb.dnsName;
