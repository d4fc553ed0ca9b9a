import { stringAttribute, awsTypes } from "../../lib/facts";
import { attributeRule } from "../../lib/attribute-rule";
import { mustBeSet } from "../../lib/rules";
import { instance } from "./facts";

const iamInstanceProfile = stringAttribute({ types: [instance], field: "iamInstanceProfile", source: awsTypes("ec2/instance") });

export default attributeRule({
    name: "aws-ec2-instance-profile",
    description: "EC2 instances run with an IAM instance profile, so software on them gets short-lived role credentials instead of stored access keys.",
    severity: "medium",
    types: [instance],
    hipaa: ["164.312(a)(1)", "164.312(d)"],
    hitrust: ["01.c", "01.q"],
    tags: ["aws", "ec2", "iam", "credentials"],
    anchors: { awsConfig: ["ec2-instance-profile-attached"], checkov: ["CKV2_AWS_41"] },
    remediation:
        "Create an `aws.iam.Role` EC2 can assume, attach least-privilege policies (`aws.iam.RolePolicyAttachment`), wrap it in an `aws.iam.InstanceProfile` and set " +
        "`iamInstanceProfile: profile.name` on the `aws.ec2.Instance`.",
    requires: [mustBeSet(iamInstanceProfile, { fix: "set iamInstanceProfile to an aws.iam.InstanceProfile's name", missing: "iamInstanceProfile is not set, so the instance has no role credentials" })],
    noAutoRemediation: "which role (and permissions) the instance needs is a decision only a person can make",
});
