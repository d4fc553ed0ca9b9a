import { booleanKnob } from "../../lib/knobs";
import { defineResourcePolicy } from "../../lib/policy";
import { oneOf } from "../../lib/rules";
import { bucket, publicAccessPrevention } from "./facts";

export default defineResourcePolicy({
    name: "gcp-storage-public-access-prevention",
    description: "Cloud Storage buckets enforce public access prevention, so no IAM grant or ACL can ever make their objects public.",
    severity: "high",
    types: [bucket],
    hipaa: ["164.312(a)(1)"],
    hitrust: ["0805.01m1", "01.c"],
    tags: ["gcp", "storage", "access-control", "public-access"],
    anchors: { gcp: ["gcp-cloud-storage-02"], checkov: ["CKV_GCP_114"] },
    remediation:
        "Set `publicAccessPrevention: \"enforced\"` on the `gcp.storage.Bucket`. The default, `\"inherited\"`, prevents public access only when the " +
        "organization policy `constraints/storage.publicAccessPrevention` applies to the project; if it does, set this policy's " +
        "`enforcedByOrganization: true` to accept `inherited`.",
    knobs: {
        enforcedByOrganization: booleanKnob({
            default: false,
            description: "Accept publicAccessPrevention \"inherited\" (the default), because constraints/storage.publicAccessPrevention is enforced on the project.",
        }),
    },
    check: (r, config) => {
        const read = r.props.string(publicAccessPrevention.field);
        return oneOf(read.state === "known" && read.value === "" ? { state: "absent" } : read, {
            path: publicAccessPrevention.path,
            allowed: config.enforcedByOrganization ? ["enforced", "inherited"] : ["enforced"],
            known: publicAccessPrevention.values ?? [],
            absentMeans: publicAccessPrevention.absent,
            fix: `set ${publicAccessPrevention.path}: "enforced"`,
        });
    },
    noAutoRemediation: "enforcing it cuts off any public reader at once, so a person confirms the bucket serves nothing public first",
});
