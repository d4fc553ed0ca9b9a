import { publicIamGrants, publicPrincipal } from "../../lib/gcp-iam";
import { isOutcome, Outcome, pass, violation } from "../../lib/outcome";
import { defineResourcePolicy } from "../../lib/policy";
import { Props } from "../../lib/props";
import { elementsOf, valueOf } from "../../lib/rules";
import { dataset, datasetAccess, iamTypes } from "./facts";

/** One access entry (a Dataset's `accesses[i]`, or a DatasetAccess resource): public through specialGroup or iamMember. */
function accessEntry(props: Props, prefix: string): Outcome[] {
    return ["specialGroup", "iamMember"].map(field => {
        const path = `${prefix}${field}`;
        const value = valueOf(props.string(field), { path, expected: "a string", fix: `set ${path} to a specific principal`, absent: undefined });
        if (isOutcome(value)) return value;
        const who = value === undefined ? undefined : publicPrincipal(value);
        return who ? violation({ code: "publicPrincipal", field: path, problem: `${path} grants ${who} access to the dataset`, fix: `remove the access entry for ${who}` }) : pass;
    });
}

export default defineResourcePolicy({
    name: "gcp-bigquery-no-public-access",
    description: "No BigQuery dataset or table grants access to allUsers or allAuthenticatedUsers, through the dataset's access list or IAM.",
    severity: "critical",
    types: [dataset, datasetAccess, ...iamTypes],
    hipaa: ["164.312(a)(1)"],
    hitrust: ["0805.01m1", "01.c"],
    tags: ["gcp", "bigquery", "access-control", "public-access"],
    anchors: { gcp: ["gcp-bigquery-01", "gcp-bigquery-02"], checkov: ["CKV_GCP_15", "CKV_GCP_100"] },
    remediation:
        "Remove every access entry whose `specialGroup` is `allAuthenticatedUsers` or whose `iamMember` is `allUsers`/`allAuthenticatedUsers` from the " +
        "`gcp.bigquery.Dataset`'s `accesses` and from `gcp.bigquery.DatasetAccess` resources, and remove those principals from " +
        "`gcp.bigquery.DatasetIamMember`/`DatasetIamBinding`/`DatasetIamPolicy` and the table-level `gcp.bigquery.IamMember`/`IamBinding`/`IamPolicy`. " +
        "Grant roles to specific users, groups or service accounts; share results through authorized views.",
    check: r => {
        if (r.type === dataset) {
            const { elements, outcomes } = elementsOf(r.props, { field: "accesses", fix: "set accesses to a list of access blocks" });
            return [...outcomes, ...elements.flatMap(e => accessEntry(e.props, `${e.path}.`))];
        }
        if (r.type === datasetAccess) return accessEntry(r.props, "");
        return publicIamGrants(r.type, r.props, r.type.includes("/dataset") ? "the dataset" : "the table");
    },
    noAutoRemediation: "removing a grant cuts off whoever relies on it; a person decides who should have access instead",
});
