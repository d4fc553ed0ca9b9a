// Controls the pack cites or the seeds name that no infrastructure-code check can show, with why.
// The traceability table lists these instead of a policy.

export const notCheckable: Readonly<Record<string, string>> = {
    "164.308(b)(1)":
        "the business associate agreement is a contract (seed 003, step 1). AWS Artifact lists accepted agreements through an API (ListCustomerAgreements), " +
        "but a policy sees only the properties of the resources being deployed and never calls a cloud API, so no policy can show it",
    "164.316(b)(2)(i)":
        "documentation retention, not an audit-log requirement: HIPAA sets no retention period for audit logs. The retention policies' six-year default " +
        "(2192 days) is the pack's conservative choice by analogy with this section, as seeds 002 and 004 recommend; HITRUST 1207.09aa2 asks for 90 days " +
        "kept and one year archived, which six years covers",
};
