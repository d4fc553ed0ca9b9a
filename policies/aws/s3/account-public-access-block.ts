import { attributeRule } from "../../lib/attribute-rule";
import { mustBeTrue } from "../../lib/rules";
import { accountFlags, accountPublicAccessBlock } from "./facts";

export default attributeRule({
    name: "aws-s3-account-public-access-block",
    description: "An account-level S3 Block Public Access the stack manages turns on all four settings, for every bucket in the account.",
    severity: "high",
    types: [accountPublicAccessBlock],
    hipaa: ["164.312(a)(1)", "164.308(a)(1)(ii)(B)"],
    hitrust: ["01.v", "0805.01m1"],
    tags: ["aws", "s3", "access-control", "public-access"],
    anchors: { awsConfig: ["s3-account-level-public-access-blocks-periodic"], checkov: ["CKV_AWS_53", "CKV_AWS_54", "CKV_AWS_55", "CKV_AWS_56"] },
    remediation:
        "Set `blockPublicAcls`, `blockPublicPolicy`, `ignorePublicAcls` and `restrictPublicBuckets` to `true` on the " +
        "`aws.s3.AccountPublicAccessBlock` (each defaults to false). Serve any content that must be public through CloudFront with origin access control.",
    requires: accountFlags.map(flag => mustBeTrue(flag)),
    noAutoRemediation: "blocking public access account-wide affects every bucket in the account, including ones other stacks manage, so it needs a person's decision",
});
