import { notApplicable, undecided } from "../../lib/outcome";
import { defineResourcePolicy } from "../../lib/policy";
import { Props } from "../../lib/props";
import { mustBeTrue } from "../../lib/rules";
import { bucket, versioningEnabled } from "./facts";

const versioning = mustBeTrue(versioningEnabled, { fix: "set versioning: { enabled: true }" });

/** A retention policy keeps objects from being deleted or overwritten; Cloud Storage allows no versioning beside it. */
function retained(r: { props: Props }) {
    const policy = r.props.single("retentionPolicy");
    if (policy.state === "unknown") return undecided("retentionPolicy");
    if (policy.state === "known" && r.props.has("retentionPolicy")) {
        const period = policy.value.string("retentionPeriod");
        if (period.state === "unknown" || (period.state === "known" && period.value.trim() !== "" && period.value.trim() !== "0")) {
            return notApplicable("the bucket has a retention policy, which keeps objects from deletion and overwrite; Cloud Storage allows no versioning beside it");
        }
    }
    return undefined;
}

export default defineResourcePolicy({
    name: "gcp-storage-versioning",
    description: "Cloud Storage buckets keep noncurrent versions of objects, so an overwrite or deletion can be undone.",
    severity: "medium",
    types: [bucket],
    hipaa: ["164.312(c)(1)", "164.308(a)(7)(ii)(A)"],
    hitrust: ["1616.09l1"],
    tags: ["gcp", "storage", "backup", "integrity"],
    anchors: { gcp: ["gcp-cloud-storage-05"], checkov: ["CKV_GCP_78"] },
    remediation:
        "Set `versioning: { enabled: true }` on the `gcp.storage.Bucket` (off unless set), with `lifecycleRules` that delete noncurrent versions " +
        "after your retention period. A bucket with a retention policy is not checked: it already keeps objects, and Cloud Storage does not allow both.",
    check: r => retained(r) ?? versioning.check(r.props, undefined),
    // Safe: nothing changes for readers or writers, and it can be turned off again.
    remediate: r => (retained(r) ? undefined : r.props.has("versioning") ? versioning.patch(r.props, undefined) : { versioning: { enabled: true } }),
});
