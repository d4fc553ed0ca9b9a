import { defineResourcePolicy } from "../../lib/policy";
import { oneOf } from "../../lib/rules";
import { availabilityType, databaseInstance, fieldAt } from "./facts";

export default defineResourcePolicy({
    name: "gcp-sql-high-availability",
    description: "Cloud SQL instances are regional: a standby in another zone takes over automatically when the primary's zone fails.",
    severity: "medium",
    types: [databaseInstance],
    hipaa: ["164.308(a)(7)(ii)(B)"],
    hitrust: ["1410.09e2", "1601.12c1", "1618.09l1", "1620.09l1"],
    tags: ["gcp", "sql", "availability", "disaster-recovery"],
    anchors: { gcp: ["gcp-cloud-sql-07"] },
    remediation:
        "Set `settings.availabilityType: \"REGIONAL\"` on the `gcp.sql.DatabaseInstance` (the default is `ZONAL`, a single zone with no failover), " +
        "with automated backups and point-in-time recovery on. Optionally pin `settings.locationPreference.zone` and `secondaryZone`.",
    check: r =>
        oneOf(fieldAt(r.props, ["settings"], availabilityType.field, "string"), {
            path: availabilityType.path,
            allowed: ["REGIONAL"],
            known: availabilityType.values ?? [],
            absentMeans: availabilityType.absent,
            fix: `set ${availabilityType.path}: "REGIONAL"`,
        }),
    noAutoRemediation: "a regional instance restarts to add its standby and doubles the instance's cost, a decision for a person",
});
