import { defineResourcePolicy } from "../../lib/policy";
import { isTrue } from "../../lib/rules";
import { databaseInstance, deletionProtectionEnabled, fieldAt, patchAt } from "./facts";

export default defineResourcePolicy({
    name: "gcp-sql-deletion-protection",
    description: "Cloud SQL instances have Cloud SQL's own deletion protection on, so no API call, gcloud command, console click or program can delete them.",
    severity: "medium",
    types: [databaseInstance],
    hipaa: ["164.308(a)(7)(ii)(A)", "164.312(c)(1)"],
    hitrust: ["1616.09l1"],
    tags: ["gcp", "sql", "backup", "integrity"],
    anchors: { gcp: ["gcp-cloud-sql-08"] },
    remediation:
        "Set `settings.deletionProtectionEnabled: true` on the `gcp.sql.DatabaseInstance` (the default is false). The top-level `deletionProtection` " +
        "(default true) only stops Pulumi from deleting the instance; it does not protect it from the API, gcloud or the console.",
    check: r => isTrue(fieldAt(r.props, ["settings"], deletionProtectionEnabled.field, "boolean"), { path: deletionProtectionEnabled.path, absentMeans: false }),
    // Safe and reversible: nothing changes for clients, and a person can turn it off before a planned deletion.
    remediate: r => {
        const read = fieldAt(r.props, ["settings"], deletionProtectionEnabled.field, "boolean");
        const wrong = read.state === "absent" || (read.state === "known" && !read.value);
        return wrong ? patchAt(r.props, ["settings"], { deletionProtectionEnabled: true }) : undefined;
    },
});
