import { secret, unknown } from "../../../tools/lib/analyzer-client";
import { stackCases, stackPasses, stackUndecided, stackViolates } from "../../cases";
import { redshiftCluster, res } from "../../factories";

const policy = "aws-redshift-audit-logging";
const LOGGING = "aws:redshift/logging:Logging";

const cluster = res(redshiftCluster().type, "phi-warehouse", redshiftCluster().props);
const on = { clusterIdentifier: [cluster] };
const cloudwatch = { clusterIdentifier: unknown, logDestinationType: "cloudwatch", logExports: ["connectionlog", "userlog", "useractivitylog"] };

const onCluster = (code: string) => [{ on: "phi-warehouse", code }];

stackCases(policy, [
    // A cluster with an aws.redshift.Logging to CloudWatch or S3, by dependency or by literal identifier.
    stackPasses([cluster, res(LOGGING, "audit", cloudwatch, on)]),
    stackPasses([cluster, res(LOGGING, "audit", { clusterIdentifier: unknown, logDestinationType: "s3", bucketName: unknown }, on)]),
    // logDestinationType omitted: the S3 delivery of older programs.
    stackPasses([cluster, res(LOGGING, "audit", { clusterIdentifier: "phi-warehouse", bucketName: "phi-audit" })]),
    // A cluster with no Logging, or one that delivers nothing, on the cluster.
    stackViolates([cluster], onCluster("missingResource")),
    stackViolates([cluster, res(LOGGING, "other", { clusterIdentifier: "another-cluster", bucketName: "b" })], onCluster("missingResource")),
    stackViolates([cluster, res(LOGGING, "audit", { ...cloudwatch, logExports: [] }, on)], onCluster("noLogExports")),
    stackViolates([cluster, res(LOGGING, "audit", { clusterIdentifier: unknown, logDestinationType: "s3" }, on)], onCluster("noBucket")),
    stackViolates([cluster, res(LOGGING, "audit", { ...cloudwatch, logDestinationType: 5 }, on)], onCluster("wrongType")),
    // Undecided when a Logging's cluster or exports are unknown at preview.
    stackUndecided([cluster, res(LOGGING, "audit", cloudwatch)], [{ on: "phi-warehouse", fields: "Logging.clusterIdentifier" }]),
    stackUndecided([cluster, res(LOGGING, "audit", { ...cloudwatch, logExports: unknown }, on)], [{ on: "phi-warehouse", fields: "Logging.logExports" }]),
    // Garbage is a clean finding, and no secret is echoed.
    stackViolates([cluster, res(LOGGING, "audit", { clusterIdentifier: unknown, logDestinationType: secret("SECRET"), bucketName: { SECRET: 1 } }, on)], onCluster("noBucket")),
]);
