import { serviceFact } from "../../lib/facts";
import { isOutcome, Outcome, pass, undecided, violation } from "../../lib/outcome";
import { classify } from "../../lib/props";
import { elementsOf, valueOf } from "../../lib/rules";
import { about, defineStackPolicy, referenced, StackOutcome, StackResource } from "../../lib/stack";
import { cluster, parameterGroupTarget } from "./facts";

serviceFact({
    about: "aws.redshift.Cluster clusterParameterGroupName",
    says: "omitted, the cluster uses the default parameter group (default.redshift-1.0), where require_ssl is false and cannot be changed",
    source: "Amazon Redshift Management Guide: configuring security options for connections (require_ssl); Amazon Redshift parameter groups",
});

const groupFix = 'set clusterParameterGroupName to an aws.redshift.ParameterGroup with parameters: [{ name: "require_ssl", value: "true" }]';
const paramFix = 'add { name: "require_ssl", value: "true" } to the parameter group\'s parameters';

/** require_ssl in an in-stack parameter group: "true", or the outcome (about the group). */
function requiresSsl(group: StackResource): Outcome {
    const { elements, outcomes } = elementsOf(group.props, { field: "parameters", fix: paramFix });
    let unsure = outcomes.some(o => o.kind === "undecided");
    for (const e of elements) {
        const name = classify(e.props.raw("name"), "string");
        if (name.state === "unknown") unsure = true;
        if (name.state !== "known" || name.value.trim().toLowerCase() !== "require_ssl") continue;
        const value = valueOf(e.props.string("value"), { path: `${e.path}.value`, expected: "a string", fix: paramFix, absent: "false" });
        if (isOutcome(value)) return value;
        if (value.trim().toLowerCase() === "true") return pass;
        return violation({ code: "notAllowed", field: `${e.path}.value`, problem: "the cluster's parameter group sets require_ssl to a value other than true", fix: paramFix });
    }
    const wrong = outcomes.find(o => o.kind === "violation");
    if (wrong) return wrong;
    if (unsure) return undecided("parameters");
    return violation({ code: "absentDefault", field: "parameters", problem: "the cluster's parameter group does not set require_ssl, which defaults to false", fix: paramFix });
}

export default defineStackPolicy({
    name: "aws-redshift-require-tls",
    description: "Redshift clusters accept only TLS connections (require_ssl in their parameter group).",
    severity: "high",
    types: [cluster],
    hipaa: ["164.312(e)(1)", "164.312(e)(2)(ii)"],
    hitrust: ["0808.10b2"],
    tags: ["aws", "redshift", "encryption-in-transit", "tls", "stack"],
    anchors: { awsConfig: ["redshift-require-tls-ssl"], checkov: ["CKV_AWS_105"] },
    remediation:
        'Create an `aws.redshift.ParameterGroup` with `parameters: [{ name: "require_ssl", value: "true" }]` and set the `aws.redshift.Cluster`\'s ' +
        "`clusterParameterGroupName` to its name (the default group has require_ssl off and cannot be changed). Clients then need TLS; a changed parameter " +
        "group takes effect after the cluster reboots.",
    check: (c, stack): StackOutcome => {
        const name = c.props.string("clusterParameterGroupName");
        if (name.state === "absent" || (name.state === "known" && (name.value.trim() === "" || name.value.trim().toLowerCase().startsWith("default.")))) {
            if (c.dependsOn("clusterParameterGroupName").length === 0) {
                return violation({ code: "defaultParameterGroup", field: "clusterParameterGroupName", problem: "the cluster uses the default parameter group, where require_ssl is false", fix: groupFix });
            }
        }
        const group = referenced(stack, c, { field: "clusterParameterGroupName", target: parameterGroupTarget, what: "parameter group" });
        if (isOutcome(group)) return group;
        return about(group, requiresSsl(group));
    },
});

