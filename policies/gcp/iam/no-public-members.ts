// No IAM grant, on any GCP resource, to allUsers or allAuthenticatedUsers: every IAM member,
// binding and policy type of the provider that no service's own public-access policy checks.
// Services with their own policy (storage, BigQuery, Pub/Sub, Artifact Registry, Dataproc, the
// Healthcare API, KMS keys and key rings) report there, with messages about their resources; the
// Cloud Run and Cloud Functions invoker types belong to the serverless policies.

import * as artifactregistry from "../artifactregistry";
import bigqueryNoPublicAccess from "../bigquery/no-public-access";
import * as dataproc from "../dataproc";
import * as healthcare from "../healthcare";
import * as kms from "../kms";
import * as pubsub from "../pubsub";
import storageNoPublicAccess from "../storage/no-public-access";
import { publicIamGrants } from "../../lib/gcp-iam";
import { defineResourcePolicy, HipaaPolicy } from "../../lib/policy";
import { allIamTypes, moduleOf } from "./types";

/** The service policies that already check public IAM grants on their own types. */
export const servicePublicAccessPolicies: readonly HipaaPolicy[] = [
    storageNoPublicAccess,
    bigqueryNoPublicAccess,
    pubsub.noPublicAccess,
    artifactregistry.noPublicAccess,
    dataproc.noPublicAccess,
    healthcare.noPublicAccess,
    kms.noPublicAccess,
];

/** Modules whose IAM the Cloud Run and Cloud Functions policies check (their invoker rules know the service's ingress). */
export const serverlessIamModules: readonly string[] = ["cloudrun", "cloudrunv2", "cloudfunctions", "cloudfunctionsv2"];

const covered = new Set(servicePublicAccessPolicies.flatMap(p => p.definition.types));

/** The IAM types this policy checks: all of them but those above. */
export const uncoveredIamTypes: readonly string[] = allIamTypes.filter(t => !covered.has(t) && !serverlessIamModules.includes(moduleOf(t)));

const hierarchyNames: Readonly<Record<string, string>> = { projects: "project", folder: "folder", organizations: "organization", serviceaccount: "service account", bigquery: "table" };

/** What a type's grants give access to, for messages ("the crypto key"), worked out once per type. */
const subjects = new Map(
    uncoveredIamTypes.map(t => {
        const stem = (t.split(":").pop() ?? "").replace(/I[Aa][Mm](Member|Binding|Policy)$/, "");
        const words = stem.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase();
        return [t, `the ${words || hierarchyNames[moduleOf(t)] || "resource"}`];
    }),
);

export default defineResourcePolicy({
    name: "gcp-iam-no-public-members",
    description: "No IAM member, binding or policy on any GCP resource grants a role to allUsers or allAuthenticatedUsers.",
    severity: "critical",
    types: uncoveredIamTypes,
    hipaa: ["164.312(a)(1)"],
    hitrust: ["01.c", "01.v"],
    tags: ["gcp", "iam", "access-control", "public-access"],
    anchors: { gcp: ["gcp-iam-01"], checkov: ["CKV_GCP_28", "CKV_GCP_99", "CKV_GCP_100", "CKV_GCP_101", "CKV_GCP_102", "CKV_GCP_107", "CKV_GCP_112"] },
    remediation:
        "Remove `allUsers` and `allAuthenticatedUsers` from the `member` of every `*IamMember`, the `members` of every `*IamBinding` and the " +
        "bindings in the `policyData` of every `*IamPolicy`, and grant the role to specific users, groups or service accounts instead. " +
        "`allAuthenticatedUsers` is anyone signed in to any Google account, not only your organization. " +
        "Enforce the `iam.allowedPolicyMemberDomains` organization policy so no one can add them outside Pulumi either.",
    check: r => publicIamGrants(r.type, r.props, subjects.get(r.type) ?? "the resource"),
    noAutoRemediation: "removing a grant can break whoever relies on it; which principals should hold the role instead is a person's decision",
});
