// Data sources awaited as Promises: offline there is no cloud to read, and a Promise cannot be
// unknown, so each gets a placeholder of its declared result (lists non-empty, ids strings).
import * as aws from "@pulumi/aws";

const zones = aws.getAvailabilityZones({ state: "available" });
const defaultVpc = aws.ec2.getVpc({ default: true });

const key = new aws.kms.Key("logs", { enableKeyRotation: true, description: "flow log encryption" });
const flowLogs = new aws.cloudwatch.LogGroup("flow-logs", {
    name: zones.then(z => `flow-logs-${z.names[0]}`),
    retentionInDays: 2192,
    kmsKeyId: key.arn,
});

export const vpcId = defaultVpc.then(vpc => vpc.id);
export const firstCidr = defaultVpc.then(vpc => vpc.cidrBlockAssociations[0].cidrBlock);
export const secondZone = zones.then(z => z.zoneIds[1]);
export const logGroup = flowLogs.name;
