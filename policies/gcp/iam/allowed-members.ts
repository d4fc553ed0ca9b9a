// IAM grants go only to identities of the organization: never a consumer Google account
// (user:…@gmail.com), and, when the organization lists its domains, only users, groups and Google
// Workspace domains of those domains. The GCP counterpart of the iam.allowedPolicyMemberDomains
// organization policy (Domain Restricted Sharing), decided before the grant is made.

import { cloudFact } from "../../lib/facts";
import { stringListKnob } from "../../lib/knobs";
import { Outcome, pass, undecided, violation } from "../../lib/outcome";
import { defineResourcePolicy } from "../../lib/policy";
import { grantsOf, principalKind } from "./facts";
import { allIamTypes } from "./types";

const consumerDomains: readonly string[] = cloudFact(
    { about: "Consumer Google accounts", says: "gmail.com and googlemail.com addresses are personal Google accounts outside any organization's control", source: "cloud.google.com/resource-manager/docs/organization-policy/restricting-domains; support.google.com/accounts (googlemail.com)" },
    ["gmail.com", "googlemail.com"],
);

/** Principals whose address carries a domain the organization controls: users, groups and Workspace domains. */
const domainKinds = new Set(["user", "group", "domain"]);

/** The domain of a user:/group:/domain: member (lower-cased), or undefined for any other principal. */
export function memberDomain(member: string): string | undefined {
    const kind = principalKind(member);
    if (!domainKinds.has(kind)) return undefined;
    const rest = member.slice(member.indexOf(":") + 1).split("?")[0].trim().toLowerCase();
    if (kind === "domain") return rest;
    const at = rest.lastIndexOf("@");
    return at < 0 ? "" : rest.slice(at + 1);
}

function inDomains(domain: string, allowed: readonly string[]): boolean {
    return allowed.some(d => domain === d || domain.endsWith(`.${d}`));
}

export default defineResourcePolicy({
    name: "gcp-iam-allowed-members",
    description: "IAM grants on any GCP resource name no consumer Google account (gmail.com) and, when allowed domains are configured, only users, groups and domains of those domains.",
    severity: "high",
    types: allIamTypes,
    hipaa: ["164.312(a)(1)", "164.312(d)"],
    hitrust: ["01.c", "01.q"],
    tags: ["gcp", "iam", "access-control", "identity"],
    anchors: { gcp: ["gcp-iam-02"] },
    remediation:
        "Grant roles to identities your organization manages: replace `user:…@gmail.com` members with the person's Cloud Identity or Google " +
        "Workspace account, and keep `user:`, `group:` and `domain:` members within `allowedDomains` (a subdomain counts as its domain). " +
        "Service accounts, workload and workforce identity principals and Google's service agents are not checked against the domains.\n" +
        "`allowedDomains` is empty by default: the pack cannot know your domains, and a guess would flag every grant. Set it, and enforce the " +
        "`iam.allowedPolicyMemberDomains` organization policy (by customer ID) so grants made outside Pulumi are held to it too.",
    knobs: {
        allowedDomains: stringListKnob({
            default: [],
            pattern: "^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$",
            maxItems: 50,
            description: "Domains whose users, groups and Workspace domains may be granted roles (lower-case, e.g. example.com). Empty: only consumer accounts are refused.",
            itemWords: "lower-case domain names",
        }),
    },
    check: (r, config) => {
        const { grants, problems } = grantsOf(r.type, r.props);
        const outcomes: Outcome[] = [...problems];
        const allowed = config.allowedDomains;
        for (const g of grants) {
            if (g.member === undefined) {
                outcomes.push(undecided(g.memberPath));
                continue;
            }
            const domain = memberDomain(g.member);
            if (domain === undefined) continue;
            const kind = principalKind(g.member);
            if (kind === "user" && consumerDomains.includes(domain)) {
                outcomes.push(violation({ code: "consumerAccount", field: g.memberPath, problem: `${g.memberPath} grants a role to a personal Google account (${domain}), outside the organization's control`, fix: `grant the role to the person's organization account instead, in ${g.memberPath}` }));
            } else if (allowed.length > 0 && !inDomains(domain, allowed)) {
                outcomes.push(violation({ code: "outsideDomains", field: g.memberPath, problem: `${g.memberPath} grants a role to a ${kind} outside the allowed domains (${allowed.join(", ")})`, fix: `grant the role to a ${kind} of ${allowed.join(" or ")}, in ${g.memberPath}` }));
            }
        }
        return outcomes.length > 0 ? outcomes : pass;
    },
    noAutoRemediation: "which organization identity should hold the role instead is a person's decision",
});
