import { defineResourcePolicy } from "../../lib/policy";
import { isFalse } from "../../lib/rules";
import { databaseInstance, fieldAt, ipConfiguration, ipv4Enabled } from "./facts";

export default defineResourcePolicy({
    name: "gcp-sql-no-public-ip",
    description: "Cloud SQL instances have no public IPv4 address; clients reach them over private IP or Private Service Connect.",
    severity: "high",
    types: [databaseInstance],
    hipaa: ["164.312(a)(1)", "164.312(e)(1)"],
    hitrust: ["0805.01m1"],
    tags: ["gcp", "sql", "network", "access-control"],
    anchors: { gcp: ["gcp-cloud-sql-02"], checkov: ["CKV_GCP_60"] },
    remediation:
        "Set `settings.ipConfiguration.ipv4Enabled: false` on the `gcp.sql.DatabaseInstance` and give it `settings.ipConfiguration.privateNetwork` " +
        "(a VPC with a private services access connection, `gcp.servicenetworking.Connection`) or `pscConfigs` with `pscEnabled: true`. " +
        "An omitted `ipv4Enabled` gives the instance a public IPv4 address. Enforce with the organization policy `constraints/sql.restrictPublicIp`.",
    check: r =>
        isFalse(fieldAt(r.props, ipConfiguration, ipv4Enabled.field, "boolean"), {
            path: ipv4Enabled.path,
            absentMeans: ipv4Enabled.absent ?? true,
            fix: `set ${ipv4Enabled.path}: false and connect over settings.ipConfiguration.privateNetwork`,
        }),
    noAutoRemediation: "clients that connect over the public address lose access until a person gives them a private path (private services access or Private Service Connect)",
});
