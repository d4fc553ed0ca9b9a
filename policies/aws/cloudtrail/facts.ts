// What the pack knows about a CloudTrail trail: its type token and the provider defaults of the
// properties its policies read.

import { awsTypes, booleanAttribute, stringAttribute } from "../../lib/facts";

export const trail = "aws:cloudtrail/trail:Trail";

const types = [trail];
const source = awsTypes("cloudtrail/trail");

export const enableLogFileValidation = booleanAttribute({ types, field: "enableLogFileValidation", default: false, source });
export const isMultiRegionTrail = booleanAttribute({ types, field: "isMultiRegionTrail", default: false, source });
export const includeGlobalServiceEvents = booleanAttribute({ types, field: "includeGlobalServiceEvents", default: true, source });
export const enableLogging = booleanAttribute({ types, field: "enableLogging", default: true, source });
export const kmsKeyId = stringAttribute({ types, field: "kmsKeyId", source });
export const cloudWatchLogsGroupArn = stringAttribute({ types, field: "cloudWatchLogsGroupArn", source });
export const cloudWatchLogsRoleArn = stringAttribute({ types, field: "cloudWatchLogsRoleArn", source });
