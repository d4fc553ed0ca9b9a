import { cloudFact } from "../../lib/facts";
import { isOutcome, pass, violation } from "../../lib/outcome";
import { valueOf } from "../../lib/rules";
import { defineStackPolicy, referenced, ReferenceTarget } from "../../lib/stack";
import { databaseInstance, versionOf } from "./facts";

const user = "gcp:sql/user:User";
const instances: ReferenceTarget = { types: [databaseInstance], keys: ["name"] };

const anyHost = cloudFact(
    {
        about: "gcp.sql.User host",
        says: 'MySQL only; an omitted host means "%", any host (Cloud SQL creates the user as \'name\'@\'%\')',
        source: "@pulumi/gcp 9.37 sql/user.d.ts (host is only for MySQL BUILT_IN users); cloud.google.com/sql/docs/mysql/create-manage-users",
    },
    "%",
);

export default defineStackPolicy({
    name: "gcp-sql-root-user",
    description: "No Cloud SQL for MySQL root user accepts connections from any host.",
    severity: "high",
    types: [user],
    hipaa: ["164.312(a)(1)", "164.312(d)"],
    hitrust: ["01.c", "01.q"],
    tags: ["gcp", "sql", "access-control", "least-privilege"],
    anchors: { gcp: ["gcp-cloud-sql-12"], checkov: ["CKV2_GCP_7"] },
    remediation:
        "Do not create a `gcp.sql.User` named `root` with `host: \"%\"` (or no host, which means any host) on a MySQL instance. Give administrators their " +
        "own users, restrict `host` to the addresses they connect from (or `cloudsqlproxy~%` through the Cloud SQL Auth Proxy), or use IAM database " +
        "authentication (`type: \"CLOUD_IAM_USER\"`).",
    check: (r, stack) => {
        const name = valueOf(r.props.string("name"), { path: "name", expected: "a string", fix: "set name to the user's name", absent: undefined });
        if (isOutcome(name)) return name;
        if (name !== "root") return pass;
        const fix = 'set host to the administrators\' own addresses (or "cloudsqlproxy~%"), or use a named administrator instead of root';
        const host = valueOf(r.props.string("host"), { path: "host", expected: "a string", fix, absent: undefined });
        if (isOutcome(host)) return host;
        // A host is only accepted for MySQL, so "%" settles it without looking at the instance.
        if (host !== undefined && host.trim() !== "") {
            return host.trim() === anyHost ? violation({ code: "rootFromAnyHost", field: "host", problem: 'the root user\'s host is "%", so root can log in from any host', fix }) : pass;
        }
        const instance = referenced(stack, r, { field: "instance", target: instances, what: "Cloud SQL instance" });
        if (isOutcome(instance)) return instance;
        const version = versionOf(instance.props);
        if (isOutcome(version)) return version.kind === "undecided" ? version : pass;
        if (version.engine !== "mysql") return pass;
        return violation({ code: "rootFromAnyHost", field: "host", problem: "the root user sets no host, so on MySQL root can log in from any host", fix });
    },
});
