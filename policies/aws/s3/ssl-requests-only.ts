import { Outcome, pass, undecided, violation } from "../../lib/outcome";
import { conditionValues, readDocument, Statement } from "../../lib/policy-document";
import { anyOf } from "../../lib/rules";
import { concerning, defineStackPolicy } from "../../lib/stack";
import { bucketPolicy, bucketTypes, configuring } from "./facts";

const fix =
    'add a statement { Effect: "Deny", Principal: "*", Action: "s3:*", Resource: [bucket.arn, `${bucket.arn}/*`], Condition: { Bool: { "aws:SecureTransport": "false" } } }';

// A bucket policy can only name its own bucket and its objects (S3 rejects other resources), so a
// Resource that is an ARN without a key covers the bucket and one ending in "/*" covers every object.
const coversBucket = (r: string) => r === "*" || /^arn:[^:]+:s3:::[^/]+$/.test(r);
const coversObjects = (r: string) => r === "*" || /^arn:[^:]+:s3:::([^/]*\*|[^/]+\/\*)$/.test(r);

type Verdict = "denies" | "no" | "unknown";

/** Whether one statement denies every S3 request made without TLS, to the bucket and all its objects. */
function deniesInsecure(s: Statement): Verdict {
    if (s.effectUnknown) return "unknown";
    if (s.effect !== "Deny" || s.notPrincipal || s.notAction || s.notResource) return "no";
    if (s.principal === "unknown") return "unknown";
    if (s.principal !== "everyone") return "no";
    if (s.condition === "unknown") return "unknown";
    if (s.condition === undefined) return "no";
    const secure = conditionValues(s.condition, "Bool", "aws:SecureTransport");
    if (secure === undefined) return "no";
    if (!secure.known.some(v => v.toLowerCase() === "false")) return secure.unknown ? "unknown" : "no";
    const allActions = s.action.known.some(a => a === "*" || a.toLowerCase() === "s3:*");
    if (!allActions) return s.action.unknown ? "unknown" : "no";
    const bucket = s.resource.known.some(coversBucket);
    const objects = s.resource.known.some(coversObjects);
    if (bucket && objects) return "denies";
    return s.resource.unknown ? "unknown" : "no";
}

function documentDenies(raw: unknown, path: string): Outcome {
    const doc = readDocument(raw);
    if (doc.state === "unknown") return undecided(path);
    if (doc.state !== "known") return violation({ code: "noTlsDeny", field: path, problem: `${path} has no statement denying requests made without TLS`, fix });
    const verdicts = doc.statements.map(deniesInsecure);
    if (verdicts.includes("denies")) return pass;
    if (verdicts.includes("unknown") || doc.partial) return undecided(path);
    return violation({ code: "noTlsDeny", field: path, problem: `${path} has no statement denying requests made without TLS to the bucket and all its objects`, fix });
}

export default defineStackPolicy({
    name: "aws-s3-ssl-requests-only",
    description: "S3 bucket policies deny every request made without TLS (aws:SecureTransport false), to the bucket and to all its objects.",
    severity: "high",
    types: bucketTypes,
    hipaa: ["164.312(e)(1)", "164.312(e)(2)(ii)"],
    hitrust: ["0808.10b2", "0903.10f1"],
    tags: ["aws", "s3", "encryption", "encryption-in-transit", "stack"],
    anchors: { awsConfig: ["s3-bucket-ssl-requests-only"], checkov: ["CKV_AWS_379"] },
    remediation:
        "Add (or extend) the bucket's `aws.s3.BucketPolicy` with a statement `{ Effect: \"Deny\", Principal: \"*\", Action: \"s3:*\", " +
        "Resource: [bucket.arn, pulumi.interpolate`${bucket.arn}/*`], Condition: { Bool: { \"aws:SecureTransport\": \"false\" } } }`. " +
        "Both resources are needed: the bucket ARN covers bucket operations (listing, ACLs), `/*` covers the objects. A policy built from ARNs " +
        "unknown at preview is checked at `pulumi up`; name the bucket (`bucket: \"...\"`) and write its ARNs literally to decide it at preview.",
    check: (bucket, stack): Outcome => {
        const policies = configuring(bucket, stack, [bucketPolicy]);
        const outcomes = policies.found.map(p => concerning(documentDenies(p.props.raw("policy"), "policy"), { prefix: "the bucket's policy: ", owner: "BucketPolicy" }));
        if (readDocument(bucket.props.raw("policy")).state !== "absent") outcomes.push(documentDenies(bucket.props.raw("policy"), "policy"));
        if (policies.unresolved) outcomes.push(undecided("BucketPolicy.bucket"));
        return anyOf(outcomes, violation({
            code: "missingResource",
            problem: "no bucket policy denies requests to this bucket made without TLS",
            fix: `add an aws.s3.BucketPolicy with bucket: this bucket's id that has ${fix.replace(/^add /, "")}`,
        }));
    },
});
