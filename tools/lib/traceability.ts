// Controls the pack cites or the seeds name that no infrastructure-code check can show, with why.
// The traceability table lists these instead of a policy.

export const notCheckable: Readonly<Record<string, string>> = {
    "164.308(b)(1)":
        "the business associate agreement is a contract; AWS signs it in AWS Artifact and Google in the Cloud console, and neither offers an API a preview could read (seed 003, step 1)",
};
