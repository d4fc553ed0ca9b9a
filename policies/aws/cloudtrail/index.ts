// CloudTrail controls from the HIPAA monitoring playbook (seed 002): a multi-region trail that is
// logging, validates its log files, encrypts them with KMS, delivers to CloudWatch Logs, writes to
// a protected S3 bucket, and whose log group keeps six years of encrypted events. The last two are
// stack policies: the bucket's protections and the log group are resources of their own.

import bucketProtected from "./bucket-protected";
import cloudwatchIntegration from "./cloudwatch-integration";
import encryption from "./encryption";
import logFileValidation from "./log-file-validation";
import logGroupRetention from "./log-group-retention";
import loggingEnabled from "./logging-enabled";
import multiRegion from "./multi-region";

export const policies = [logFileValidation, multiRegion, encryption, cloudwatchIntegration, loggingEnabled];
export const stackPolicies = [bucketProtected, logGroupRetention];
