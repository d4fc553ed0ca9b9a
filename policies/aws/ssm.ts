// Systems Manager controls: documents the account owns are never shared publicly. A shared
// document's steps (commands, scripts, parameters) show how the account's instances are run.

import { awsTypes, serviceFact } from "../lib/facts";
import { Outcome, pass, undecided, violation } from "../lib/outcome";
import { defineResourcePolicy } from "../lib/policy";
import { Props } from "../lib/props";
import { patchBlock, wrongType } from "../lib/rules";

export const document = "aws:ssm/document:Document";

serviceFact({
    about: "aws.ssm.Document permissions",
    says: 'a map { type: "Share", accountIds: "..." }: accountIds is a comma-separated list of AWS account IDs, and "All" shares the document with every AWS account (public)',
    source: awsTypes("ssm/document") + "; AWS Systems Manager API Reference: ModifyDocumentPermission (AccountIdsToAdd, All); AWS Config Developer Guide: ssm-document-not-public",
});

const field = "permissions.accountIds";
const fix = 'remove "All" from permissions.accountIds and share with named AWS account IDs only';

const isAll = (id: string) => id.trim().toLowerCase() === "all";

function accountIds(props: Props): { ids: string[] } | Outcome {
    const permissions = props.object("permissions");
    if (permissions.state === "absent") return { ids: [] };
    if (permissions.state === "unknown") return undecided("permissions");
    if (permissions.state === "wrongType") return wrongType({ path: "permissions", value: permissions.value, expected: "a map", fix });
    const ids = permissions.value.string("accountIds");
    if (ids.state === "absent") return { ids: [] };
    if (ids.state === "unknown") return undecided(field);
    if (ids.state === "wrongType") return wrongType({ path: field, value: ids.value, expected: "a comma-separated string of account IDs", fix });
    return { ids: ids.value.split(",") };
}

export const documentNotPublic = defineResourcePolicy({
    name: "aws-ssm-document-not-public",
    description: 'Systems Manager documents are never shared with all AWS accounts (permissions.accountIds "All").',
    severity: "high",
    types: [document],
    hipaa: ["164.312(a)(1)"],
    hitrust: ["01.v"],
    tags: ["aws", "ssm", "public-access"],
    anchors: { awsConfig: ["ssm-document-not-public"], checkov: ["CKV_AWS_303"] },
    remediation:
        'Remove `"All"` from `permissions.accountIds` on the `aws.ssm.Document` and list the AWS account IDs that need the document (comma-separated), or ' +
        "remove `permissions`. Check the document for credentials or internal details before it was shared.",
    check: r => {
        const read = accountIds(r.props);
        if (!("ids" in read)) return read;
        return read.ids.some(isAll) ? violation({ code: "public", field, problem: `${field} includes "All", so every AWS account can read and run the document`, fix }) : pass;
    },
    // Dropping "All" while named accounts remain is safe: those accounts keep their access. With
    // nothing left, whether to unshare the document is left to a person.
    remediate: r =>
        patchBlock(r.props, "permissions", block => {
            const ids = block.string("accountIds");
            if (ids.state !== "known") return {};
            const list = ids.value.split(",");
            const kept = list.map(id => id.trim()).filter(id => id !== "" && !isAll(id));
            return kept.length > 0 && kept.length < list.length ? { accountIds: kept.join(",") } : {};
        }),
});

export const policies = [documentNotPublic];
