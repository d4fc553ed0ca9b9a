import { serviceFact } from "../../lib/facts";
import { isOutcome, Outcome, pass, undecided, violation } from "../../lib/outcome";
import { defineResourcePolicy } from "../../lib/policy";
import { classify, Props } from "../../lib/props";
import { valueOf, wrongType } from "../../lib/rules";
import { allSnapshotTypes } from "./facts";

const field = "sharedAccounts";
const fix = `remove "all" from ${field} and share with named AWS account IDs only`;

serviceFact({
    about: "aws.rds.Snapshot, ClusterSnapshot, SnapshotCopy, ClusterSnapshotCopy sharedAccounts",
    says: 'the value "all" makes the snapshot public (any AWS account can restore it); account IDs share it with those accounts only',
    source: "@pulumi/aws 7.48 rds/snapshot.d.ts, rds/clusterSnapshot.d.ts, rds/snapshotCopy.d.ts, rds/clusterSnapshotCopy.d.ts",
});

const isAll = (value: unknown) => typeof value === "string" && value.trim().toLowerCase() === "all";

function publicShare(props: Props): Outcome {
    const list = valueOf(props.list(field), { path: field, expected: "a list", fix, absent: [] as unknown[] });
    if (isOutcome(list)) return list;
    let unknownEntry = false;
    for (const [i, entry] of list.entries()) {
        const read = classify(entry, "string");
        if (read.state === "known" && isAll(read.value)) {
            return violation({ code: "public", field, problem: `${field} contains "all", so the snapshot is public`, fix });
        }
        if (read.state === "unknown") unknownEntry = true;
        if (read.state === "wrongType") return wrongType({ path: `${field}[${i}]`, value: read.value, expected: "an AWS account ID", fix });
    }
    return unknownEntry ? undecided(field) : pass;
}

export default defineResourcePolicy({
    name: "aws-rds-snapshot-not-public",
    description: "RDS and Aurora snapshots are never shared publicly (with all AWS accounts).",
    severity: "critical",
    types: allSnapshotTypes,
    hipaa: ["164.312(a)(1)"],
    hitrust: ["01.c"],
    tags: ["aws", "rds", "snapshot", "public-access"],
    anchors: { awsConfig: ["rds-snapshots-public-prohibited"], checkov: ["CKV_AWS_302"] },
    remediation:
        'Remove `"all"` from `sharedAccounts` on the `aws.rds.Snapshot`, `ClusterSnapshot`, `SnapshotCopy` or `ClusterSnapshotCopy`; share with the ' +
        "account IDs that need the snapshot (encrypted snapshots need a customer-managed key those accounts may use).",
    check: r => publicShare(r.props),
    // Dropping "all" is safe: named accounts (and values unknown at preview) are kept as they are.
    remediate: r => {
        if (r.props.isSecret(field)) return undefined;
        const read = r.props.list(field);
        if (read.state !== "known" || !read.value.some(isAll)) return undefined;
        return { [field]: read.value.filter(v => !isAll(v)) };
    },
});
