import { awsTypes, stringAttribute } from "../../lib/facts";
import { notApplicable, Outcome } from "../../lib/outcome";
import { defineResourcePolicy } from "../../lib/policy";
import { isSet } from "../../lib/rules";
import { instance, launchedFromTemplate, templateDecides } from "./facts";

const iamInstanceProfile = stringAttribute({ types: [instance], field: "iamInstanceProfile", source: awsTypes("ec2/instance") });

export default defineResourcePolicy({
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
        "`iamInstanceProfile: profile.name` on the `aws.ec2.Instance` (or `iamInstanceProfile` on its launch template).",
    noAutoRemediation: "which role (and permissions) the instance needs is a decision only a person can make",
    check: (r): Outcome => {
        const read = r.props.string(iamInstanceProfile.field);
        const absent = read.state === "absent" || (read.state === "known" && read.value.trim() === "");
        if (absent && launchedFromTemplate(r.props)) return notApplicable(templateDecides);
        return isSet(read, { path: iamInstanceProfile.field, fix: "set iamInstanceProfile to an aws.iam.InstanceProfile's name", missing: "iamInstanceProfile is not set, so the instance has no role credentials" });
    },
});
