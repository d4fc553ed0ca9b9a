import { secret, unknown } from "../../../tools/lib/analyzer-client";
import { usePack } from "../../pack";
import { ARN, compliantBucket, T, tlsDeny } from "./buckets";
import { assertPasses, assertUndecided, assertViolates, res, runStack } from "../../stack-cases";

const policy = "aws-s3-ssl-requests-only";
const withStatement = (s: Record<string, unknown>) => ({ policy: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: "logging.s3.amazonaws.com" }, Action: "s3:PutObject", Resource: `${ARN}/*` }, { ...tlsDeny, ...s }] } });

describe(policy, () => {
    const pack = usePack();
    const run = (resources: Parameters<typeof runStack>[2]) => runStack(pack, policy, resources);

    it("passes a TLS deny on the bucket and its objects: JSON string or object, one statement or several, Bool as a boolean, wildcards", async () => {
        assertPasses(await run(compliantBucket("data").resources));
        assertPasses(await run(compliantBucket("data", { literal: true }).resources));
        assertPasses(await run(compliantBucket("data", { set: { policy: withStatement({}) } }).resources));
        assertPasses(await run(compliantBucket("data", { set: { policy: withStatement({ Action: "*", Resource: "*", Condition: { bool: { "aws:securetransport": false } } }) } }).resources));
        assertPasses(await run(compliantBucket("data", { set: { policy: withStatement({ Principal: { AWS: "*" }, Resource: ["arn:aws:s3:::phi-data*"] }) } }).resources));
        assertPasses(await run(compliantBucket("data", { set: { policy: null }, bucket: { policy: JSON.stringify({ Statement: tlsDeny }) } }).resources));
    });

    it("reports a deny that misses the bucket or its objects, allows instead of denying, names a principal, or leaves out actions", async () => {
        for (const change of [
            { Resource: `${ARN}/*` },
            { Resource: ARN },
            { Resource: [ARN, `${ARN}/phi/*`] },
            { Effect: "Allow" },
            { Principal: { AWS: "arn:aws:iam::111122223333:root" } },
            { Action: "s3:GetObject" },
            { Condition: { Bool: { "aws:SecureTransport": "true" } } },
            { Condition: { NumericLessThan: { "s3:TlsVersion": 1.2 } } },
        ]) {
            const b = compliantBucket("data", { set: { policy: withStatement(change) } });
            assertViolates(await run(b.resources), b.urn, { code: "noTlsDeny", field: "BucketPolicy.policy" });
        }
        const missing = compliantBucket("data", { set: { policy: null } });
        assertViolates(await run(missing.resources), missing.urn, { code: "missingResource" });
        const deployed = compliantBucket("data", { literal: true, set: { policy: null }, bucket: { policy: "" } });
        assertViolates(await run(deployed.resources), deployed.urn, { code: "missingResource" });
    });

    it("is undecided when the policy, or what its deny covers, is unknown at preview", async () => {
        const whole = compliantBucket("data", { set: { policy: { policy: unknown } } });
        assertUndecided(await run(whole.resources), whole.urn, "BucketPolicy.policy");
        const arns = compliantBucket("data", { set: { policy: withStatement({ Resource: [unknown, unknown] }) } });
        assertUndecided(await run(arns.resources), arns.urn, "BucketPolicy.policy");
        const half = compliantBucket("data", { set: { policy: withStatement({ Resource: [ARN, unknown] }) } });
        assertUndecided(await run(half.resources), half.urn, "BucketPolicy.policy");
        const missing = compliantBucket("data", { set: { policy: null } });
        assertUndecided(await run([...missing.resources, res(T.policy, "p", { bucket: unknown, policy: unknown })]), missing.urn, "BucketPolicy.bucket");
    });

    it("survives garbage and never echoes a secret", async () => {
        for (const policy of [secret("SECRET"), "SECRET{", 7, { Statement: "SECRET" }, { Statement: [null, { Condition: "SECRET" }] }]) {
            const b = compliantBucket("data", { set: { policy: { policy } } });
            // Not a readable document: no TLS deny can be found in it (a secret one is judged by its value).
            assertViolates(await run(b.resources), b.urn, { code: "noTlsDeny", field: "BucketPolicy.policy" });
        }
    });
});
