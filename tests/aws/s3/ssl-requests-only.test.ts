import { secret, unknown } from "../../../tools/lib/analyzer-client";
import { stackCases, stackPasses, stackUndecided, stackViolates } from "../../cases";
import { res } from "../../factories";
import { ARN, compliantBucket, T, tlsDeny } from "./buckets";

const policy = "aws-s3-ssl-requests-only";
const withStatement = (s: Record<string, unknown>) => ({ policy: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: "logging.s3.amazonaws.com" }, Action: "s3:PutObject", Resource: `${ARN}/*` }, { ...tlsDeny, ...s }] } });
const withPolicy = (policy: Record<string, unknown>) => compliantBucket("data", { set: { policy } }).resources;
const missing = compliantBucket("data", { set: { policy: null } });

stackCases(policy, [
    // A TLS deny on the bucket and its objects: JSON string or object, one statement or several, Bool as a boolean, wildcards.
    stackPasses(compliantBucket("data").resources),
    stackPasses(compliantBucket("data", { literal: true }).resources),
    stackPasses(withPolicy(withStatement({}))),
    stackPasses(withPolicy(withStatement({ Action: "*", Resource: "*", Condition: { bool: { "aws:securetransport": false } } }))),
    stackPasses(withPolicy(withStatement({ Principal: { AWS: "*" }, Resource: ["arn:aws:s3:::phi-data*"] }))),
    stackPasses(compliantBucket("data", { set: { policy: null }, bucket: { policy: JSON.stringify({ Statement: tlsDeny }) } }).resources),
    // A deny that misses the bucket or its objects, allows instead of denying, names a principal, or leaves out actions.
    ...[
        { Resource: `${ARN}/*` },
        { Resource: ARN },
        { Resource: [ARN, `${ARN}/phi/*`] },
        { Effect: "Allow" },
        { Principal: { AWS: "arn:aws:iam::111122223333:root" } },
        { Action: "s3:GetObject" },
        { Condition: { Bool: { "aws:SecureTransport": "true" } } },
        { Condition: { NumericLessThan: { "s3:TlsVersion": 1.2 } } },
    ].map(change => stackViolates(withPolicy(withStatement(change)), [{ on: "data", code: "noTlsDeny", field: "BucketPolicy.policy" }])),
    stackViolates(missing.resources, [{ on: "data", code: "missingResource" }]),
    stackViolates(compliantBucket("data", { literal: true, set: { policy: null }, bucket: { policy: "" } }).resources, [{ on: "data", code: "missingResource" }]),
    // Undecided when the policy, or what its deny covers, is unknown at preview.
    stackUndecided(withPolicy({ policy: unknown }), [{ on: "data", fields: "BucketPolicy.policy" }]),
    stackUndecided(withPolicy(withStatement({ Resource: [unknown, unknown] })), [{ on: "data", fields: "BucketPolicy.policy" }]),
    stackUndecided(withPolicy(withStatement({ Resource: [ARN, unknown] })), [{ on: "data", fields: "BucketPolicy.policy" }]),
    stackUndecided([...missing.resources, res(T.policy, "p", { bucket: unknown, policy: unknown })], [{ on: "data", fields: "BucketPolicy.bucket" }]),
    // Garbage: not a readable document, so no TLS deny can be found in it (a secret one is judged by its value); no secret is echoed.
    ...[secret("SECRET"), "SECRET{", 7, { Statement: "SECRET" }, { Statement: [null, { Condition: "SECRET" }] }].map(document =>
        stackViolates(withPolicy({ policy: document }), [{ on: "data", code: "noTlsDeny", field: "BucketPolicy.policy" }]),
    ),
]);
