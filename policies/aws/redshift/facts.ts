// What the pack knows about Redshift provisioned clusters: the type tokens and the provider defaults
// of the properties its policies read.

import { awsTypes, booleanAttribute, numberAttribute, stringAttribute } from "../../lib/facts";

export const cluster = "aws:redshift/cluster:Cluster";
export const logging = "aws:redshift/logging:Logging";
export const parameterGroup = "aws:redshift/parameterGroup:ParameterGroup";

const types = [cluster];
const source = awsTypes("redshift/cluster");

/** A string in @pulumi/aws 7 ("true" / "false"), not a boolean. */
export const encrypted = stringAttribute({ types, field: "encrypted", default: "true", values: ["true", "false"], source });
export const publiclyAccessible = booleanAttribute({ types, field: "publiclyAccessible", default: false, source });
export const automatedSnapshotRetentionPeriod = numberAttribute({ types, field: "automatedSnapshotRetentionPeriod", default: 1, source });
export const allowVersionUpgrade = booleanAttribute({ types, field: "allowVersionUpgrade", default: true, source });

/** How a Logging resource names its cluster: the cluster's id, which is its clusterIdentifier. */
export const clusterTarget = { types: [cluster], keys: ["id", "clusterIdentifier"] };
/** How a cluster names its parameter group: by name. */
export const parameterGroupTarget = { types: [parameterGroup], keys: ["name", "id"] };
