import { cloudFact } from "../../lib/facts";
import { publicIamGrants, publicPrincipal } from "../../lib/gcp-iam";
import { isOutcome, Outcome, pass, undecided, violation } from "../../lib/outcome";
import { defineResourcePolicy } from "../../lib/policy";
import { classify, Props } from "../../lib/props";
import { valueOf } from "../../lib/rules";
import { entityAclTypes, iamTypes, roleEntityAclTypes } from "./facts";

const publicCannedAcls = cloudFact(
    { about: "Cloud Storage predefined (canned) ACLs", says: "publicRead and publicReadWrite grant allUsers access", source: "cloud.google.com/storage/docs/access-control/lists#predefined-acl" },
    ["publicread", "publicreadwrite"],
);

function entityAcl(props: Props): Outcome {
    const entity = valueOf(props.string("entity"), { path: "entity", expected: "a string", fix: "set entity to a specific user, group or project team", absent: undefined });
    if (isOutcome(entity)) return entity;
    const who = entity === undefined ? undefined : publicPrincipal(entity);
    return who ? violation({ code: "publicPrincipal", field: "entity", problem: `entity grants ${who} access`, fix: `remove this ACL entry for ${who}` }) : pass;
}

function cannedAcl(props: Props, field: string): Outcome {
    const acl = valueOf(props.string(field), { path: field, expected: "a string", fix: `remove ${field} or use "private"`, absent: undefined });
    if (isOutcome(acl)) return acl;
    return acl !== undefined && publicCannedAcls.includes(acl.trim().toLowerCase())
        ? violation({ code: "publicAcl", field, problem: `${field} is a canned ACL that grants allUsers access`, fix: `set ${field} to "private" or "projectPrivate"` })
        : pass;
}

function roleEntities(props: Props): Outcome[] {
    const list = valueOf(props.list("roleEntities"), { path: "roleEntities", expected: "a list of ROLE:entity strings", fix: "set roleEntities to a list of ROLE:entity strings", absent: [] as unknown[] });
    if (isOutcome(list)) return [list];
    return list.map((item, i) => {
        const read = classify(item, "string");
        if (read.state === "unknown") return undecided(`roleEntities[${i}]`);
        if (read.state !== "known") return pass;
        const who = publicPrincipal(read.value.slice(read.value.indexOf(":") + 1));
        return who ? violation({ code: "publicPrincipal", field: `roleEntities[${i}]`, problem: `roleEntities[${i}] grants ${who} access`, fix: `remove the ${who} entry from roleEntities` }) : pass;
    });
}

export default defineResourcePolicy({
    name: "gcp-storage-no-public-access",
    description: "No IAM grant or ACL entry gives allUsers or allAuthenticatedUsers access to a Cloud Storage bucket, managed folder or object.",
    severity: "critical",
    types: [...iamTypes, ...entityAclTypes, ...roleEntityAclTypes],
    hipaa: ["164.312(a)(1)"],
    hitrust: ["0805.01m1", "01.c"],
    tags: ["gcp", "storage", "access-control", "public-access"],
    anchors: { gcp: ["gcp-cloud-storage-03"], checkov: ["CKV_GCP_28"] },
    remediation:
        "Remove `allUsers` and `allAuthenticatedUsers` from every `gcp.storage.BucketIAMMember`/`BucketIAMBinding`/`BucketIAMPolicy` " +
        "(and the managed-folder equivalents), from ACL entities (`BucketAccessControl`, `DefaultObjectAccessControl`, `ObjectAccessControl`) and from " +
        "`roleEntities` of `BucketACL`/`DefaultObjectACL`/`ObjectACL`; do not use the `publicRead`/`publicReadWrite` canned ACLs. Share PHI with named " +
        "principals or signed URLs, and set `publicAccessPrevention: \"enforced\"` on the bucket so nothing can make it public.",
    check: r => {
        if (iamTypes.includes(r.type)) return publicIamGrants(r.type, r.props, "the bucket");
        if (entityAclTypes.includes(r.type)) return entityAcl(r.props);
        return [...roleEntities(r.props), cannedAcl(r.props, "predefinedAcl"), ...(r.props.has("defaultAcl") ? [cannedAcl(r.props, "defaultAcl")] : [])];
    },
    noAutoRemediation: "removing a grant cuts off whoever relies on it; a person decides who should have access instead",
});
