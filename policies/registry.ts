// Every policy the pack ships, in the order the docs list them. Kept apart from index.ts so that
// docs, reports and tests can read the definitions without starting the analyzer server. A test
// (tests/registry.test.ts) fails when a policy defined under policies/ is missing here.

import * as apigateway from "./aws/apigateway";
import * as autoscaling from "./aws/autoscaling";
import * as backup from "./aws/backup";
import * as cloudtrail from "./aws/cloudtrail";
import * as cloudwatch from "./aws/cloudwatch";
import * as dms from "./aws/dms";
import * as dynamodb from "./aws/dynamodb";
import * as elasticache from "./aws/elasticache";
import * as iam from "./aws/iam";
import * as elb from "./aws/elb";
import * as kinesis from "./aws/kinesis";
import * as awsKms from "./aws/kms";
import * as ebs from "./aws/ebs";
import * as ec2 from "./aws/ec2";
import * as efs from "./aws/efs";
import * as s3 from "./aws/s3";
import * as opensearch from "./aws/opensearch";
import * as rds from "./aws/rds";
import * as redshift from "./aws/redshift";
import * as sagemaker from "./aws/sagemaker";
import * as secretsmanager from "./aws/secretsmanager";
import * as sns from "./aws/sns";
import * as vpc from "./aws/vpc";
import * as codebuild from "./aws/codebuild";
import * as ecs from "./aws/ecs";
import * as elasticbeanstalk from "./aws/elasticbeanstalk";
import * as emr from "./aws/emr";
import * as lambda from "./aws/lambda";
import * as ssm from "./aws/ssm";
import * as wafv2 from "./aws/wafv2";
import * as alloydb from "./gcp/alloydb";
import * as artifactregistry from "./gcp/artifactregistry";
import * as bigquery from "./gcp/bigquery";
import * as bigtable from "./gcp/bigtable";
import * as cloudfunctions from "./gcp/cloudfunctions";
import * as cloudrun from "./gcp/cloudrun";
import * as compute from "./gcp/compute";
import * as dataproc from "./gcp/dataproc";
import * as dns from "./gcp/dns";
import * as filestore from "./gcp/filestore";
import * as vertex from "./gcp/vertex";
import * as gke from "./gcp/gke";
import * as healthcare from "./gcp/healthcare";
import * as gcpIam from "./gcp/iam";
import * as gcpKms from "./gcp/kms";
import * as loadbalancing from "./gcp/loadbalancing";
import * as logging from "./gcp/logging";
import * as projects from "./gcp/projects";
import * as pubsub from "./gcp/pubsub";
import * as redis from "./gcp/redis";
import * as spanner from "./gcp/spanner";
import * as sql from "./gcp/sql";
import * as storage from "./gcp/storage";
import * as gcpVpc from "./gcp/vpc";
import { HipaaPolicy } from "./lib/policy";
import { HipaaStackPolicy } from "./lib/stack";

export const allPolicies: readonly (HipaaPolicy | HipaaStackPolicy)[] = [
    ...elasticache.policies,
    ...cloudwatch.policies,
    ...cloudtrail.policies,
    ...awsKms.policies,
    ...iam.policies,
    ...cloudtrail.stackPolicies,
    ...vpc.policies,
    ...vpc.stackPolicies,
    ...ec2.policies,
    ...ec2.stackPolicies,
    ...autoscaling.policies,
    ...autoscaling.stackPolicies,
    ...s3.policies,
    ...s3.stackPolicies,
    ...ebs.policies,
    ...ebs.stackPolicies,
    ...efs.policies,
    ...backup.policies,
    ...backup.stackPolicies,
    ...rds.stackPolicies,
    ...redshift.stackPolicies,
    ...secretsmanager.stackPolicies,
    ...dynamodb.stackPolicies,
    ...rds.policies,
    ...dynamodb.policies,
    ...kinesis.policies,
    ...dms.policies,
    ...sns.policies,
    ...secretsmanager.policies,
    ...sagemaker.policies,
    // Load balancers, API Gateway and WAF (issue 17)
    ...elb.policies,
    ...elb.stackPolicies,
    ...apigateway.policies,
    ...apigateway.stackPolicies,
    ...wafv2.stackPolicies,
    ...opensearch.policies,
    ...redshift.policies,
    // Lambda, ECS, EMR and other compute services (issue 17).
    ...lambda.policies,
    ...ecs.policies,
    ...emr.stackPolicies,
    ...elasticbeanstalk.stackPolicies,
    ...codebuild.policies,
    ...ssm.policies,
    ...compute.policies,
    ...compute.stackPolicies,
    ...redis.policies,
    ...logging.policies,
    ...gcpKms.policies,
    ...sql.policies,
    ...sql.stackPolicies,
    ...storage.policies,
    ...storage.stackPolicies,
    ...bigquery.policies,
    ...bigquery.stackPolicies,
    ...pubsub.policies,
    ...spanner.policies,
    ...filestore.policies,
    ...dataproc.policies,
    ...healthcare.policies,
    ...bigtable.policies,
    ...artifactregistry.policies,
    ...alloydb.policies,
    ...vertex.policies,
    ...gcpVpc.policies,
    ...dns.policies,
    ...dns.stackPolicies,
    ...loadbalancing.policies,
    ...loadbalancing.stackPolicies,
    // Identity, audit logging and key access (issue 18).
    ...gcpIam.policies,
    ...gcpIam.stackPolicies,
    ...logging.stackPolicies,
    ...projects.policies,
    ...gke.policies,
    ...cloudrun.policies,
    ...cloudfunctions.policies,
];
