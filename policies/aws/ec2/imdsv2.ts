import { serviceFact } from "../../lib/facts";
import { isOutcome, notApplicable, Outcome, pass, undecided, violation } from "../../lib/outcome";
import { blockOf, lowerString, oneOf, unsetWhenEmpty } from "../../lib/rules";
import { defineStackPolicy, Stack } from "../../lib/stack";
import { accountHttpTokens, instance, instanceMetadataDefaults, launchConfiguration, launchedFromTemplate, launchTemplate, metadataHttpTokens, templateDecides } from "./facts";

serviceFact({
    about: "EC2 instance metadata options at launch",
    says:
        "an httpTokens the launch omits comes from the account's default for the region (aws.ec2.InstanceMetadataDefaults, no-preference unless set) and then the AMI's " +
        "ImdsSupport; with neither, IMDSv1 stays on. httpEndpoint \"disabled\" turns the metadata service off altogether",
    source: "Amazon EC2 User Guide: configure instance metadata options (order of precedence); " + metadataHttpTokens.path + " in @pulumi/aws 7.48 ec2/instance.d.ts",
});

/** "required" when the stack sets the account's default to require IMDSv2, "unknown" when it sets it to a value unknown at preview. */
function accountRequires(stack: Stack): "required" | "unknown" | "no" {
    let unknown = false;
    for (const r of stack.ofType([instanceMetadataDefaults])) {
        const read = lowerString(r.props, accountHttpTokens.field);
        if (read.state === "known" && read.value === "required") return "required";
        if (read.state === "unknown") unknown = true;
    }
    return unknown ? "unknown" : "no";
}

const fix = 'set metadataOptions.httpTokens: "required" (after checking the software on it uses IMDSv2-capable AWS SDKs)';

export default defineStackPolicy({
    name: "aws-ec2-imdsv2",
    description: "EC2 instances, launch templates and launch configurations require IMDSv2 session tokens (metadataOptions.httpTokens \"required\"), so stolen-request attacks cannot read instance credentials.",
    severity: "high",
    types: [instance, launchTemplate, launchConfiguration],
    hipaa: ["164.312(a)(1)", "164.312(d)"],
    hitrust: ["01.v", "0805.01m1"],
    tags: ["aws", "ec2", "metadata", "credentials", "stack"],
    anchors: { awsConfig: ["ec2-imdsv2-check"], checkov: ["CKV_AWS_79"] },
    remediation:
        'Set `metadataOptions: { httpTokens: "required" }` on the `aws.ec2.Instance`, `aws.ec2.LaunchTemplate` or `aws.ec2.LaunchConfiguration` (no type-definition default: ' +
        'an omitted value falls to the AMI and the account), or require it for the whole region with an `aws.ec2.InstanceMetadataDefaults` `httpTokens: "required"` in the stack. ' +
        "Check first that the software uses AWS SDKs recent enough for IMDSv2.",
    check: (r, stack): Outcome => {
        const path = metadataHttpTokens.path;
        const block = blockOf(r.props.single("metadataOptions"), { path: "metadataOptions", fix });
        if (isOutcome(block)) return block;
        const endpoint = lowerString(block, "httpEndpoint");
        if (endpoint.state === "known" && endpoint.value === "disabled") return pass;
        const tokens = unsetWhenEmpty(block.string("httpTokens"));
        if (tokens.state !== "absent") return oneOf(tokens, { path, allowed: ["required"], known: metadataHttpTokens.values!, fix });
        if (r.type === instance && launchedFromTemplate(r.props)) return notApplicable(templateDecides);
        const account = accountRequires(stack);
        if (account === "required") return pass;
        if (account === "unknown") return undecided(`InstanceMetadataDefaults.${accountHttpTokens.field}`);
        return violation({ code: "absentDefault", field: path, problem: `${path} is not set, so IMDSv1 stays on unless the AMI or the account requires IMDSv2`, fix });
    },
});
