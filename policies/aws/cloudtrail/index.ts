// CloudTrail controls from the HIPAA monitoring playbook (seed 002): a multi-region trail that is
// logging, validates its log files, encrypts them with KMS, delivers to CloudWatch Logs, writes to
// a protected S3 bucket, and whose log group keeps six years of encrypted events. The last two are
// stack policies: the bucket's protections and the log group are resources of their own. S3 data
// events are a stack policy too: one trail in the stack logging them is enough, as in AWS Config.

import bucketProtected from "./bucket-protected";
import cloudwatchIntegration from "./cloudwatch-integration";
import encryption from "./encryption";
import logFileValidation from "./log-file-validation";
import logGroupRetention from "./log-group-retention";
import loggingEnabled from "./logging-enabled";
import multiRegion from "./multi-region";
import s3DataEvents from "./s3-data-events";

export const policies = [logFileValidation, multiRegion, encryption, cloudwatchIntegration, loggingEnabled];
export const stackPolicies = [bucketProtected, logGroupRetention, s3DataEvents];
