// Database Migration Service controls: replication instances stay off the internet.

import { attributeRule } from "../lib/attribute-rule";
import { awsTypes, booleanAttribute } from "../lib/facts";
import { mustBeFalse } from "../lib/rules";

export const replicationInstance = "aws:dms/replicationInstance:ReplicationInstance";

const types = [replicationInstance];

// The d.ts names no default; the DMS API makes an instance public when PubliclyAccessible is omitted.
const publiclyAccessible = booleanAttribute({
    types, field: "publiclyAccessible", default: true,
    source: "AWS DMS API Reference: CreateReplicationInstance (PubliclyAccessible: the default value is true); " + awsTypes("dms/replicationInstance") + " gives no default",
});

export const publicAccess = attributeRule({
    name: "aws-dms-public-access",
    description: "DMS replication instances have only a private IP address, reachable from inside the VPC.",
    severity: "critical",
    types,
    hipaa: ["164.312(a)(1)", "164.312(e)(1)"],
    hitrust: ["0805.01m1"],
    tags: ["aws", "dms", "network", "public-access"],
    anchors: { awsConfig: ["dms-replication-not-public"], checkov: ["CKV_AWS_89"] },
    remediation:
        "Set `publiclyAccessible: false` on the `aws.dms.ReplicationInstance`: when it is omitted the DMS API gives the instance a public IP address. " +
        "Reach on-premises or other-VPC endpoints through a VPN, Direct Connect or VPC peering instead.",
    requires: [mustBeFalse(publiclyAccessible, { fix: "set publiclyAccessible: false" })],
    noAutoRemediation: "a private instance reaches its source and target endpoints differently (VPN, peering), and the change may replace the instance, so it is a person's decision",
});

export const policies = [publicAccess];
