// The table harness itself (tests/cases.ts): what a case's test title may show. Titles are printed
// by mocha and kept in CI logs and reports, so a secret's value must never appear in one.

import * as assert from "assert";
import fc from "fast-check";
import { Case, caseTitle, garbage, misconfigured, noAutoRemediation, notApplicable, passes, remediates, undecided, violates } from "./cases";
import { redisInstanceOutputs, replicationGroup } from "./factories";
import { ResourceInput, secret, SECRET_SIG, unknown } from "../tools/lib/analyzer-client";

const VALUE = "pw-s3cr3t-value-7f2a";

/** Every kind of case, on `resource`, with `knobs`. */
const everyKind = (resource: ResourceInput, knobs?: Record<string, unknown>): Case[] => [
    passes(resource, knobs),
    violates(resource, { code: "notSet", field: "x" }, knobs),
    undecided(resource, "x", knobs),
    notApplicable(resource, /x/, knobs),
    garbage(resource, knobs),
    remediates(resource, { x: 1 }, knobs),
    noAutoRemediation(resource, knobs),
    misconfigured(resource, knobs ?? {}, "x"),
];

function assertHidden(title: string, value: string): void {
    assert.ok(!title.includes(value), `the title shows the secret's value: ${title}`);
    assert.ok(!title.includes(SECRET_SIG), `the title shows the wire's secret marker: ${title}`);
}

describe("case titles (tests/cases.ts)", () => {
    it("show a secret as [secret], at the top, nested, in lists, in a secret object, in knobs and in resources shown whole", () => {
        const resources: ResourceInput[] = [
            replicationGroup({ authToken: secret(VALUE) }),
            replicationGroup({ logDeliveryConfigurations: [{ destination: secret(VALUE) }, secret([VALUE])] }),
            replicationGroup({ userGroupIds: [secret({ token: VALUE, inner: secret(VALUE) })] }),
            redisInstanceOutputs({ authString: secret(VALUE) }),
            // Not factory-made: the properties are shown whole.
            { type: "aws:elasticache/replicationGroup:ReplicationGroup", name: "raw", props: { authToken: secret(VALUE), engine: "redis" } },
        ];
        for (const resource of resources) {
            for (const c of [...everyKind(resource), ...everyKind(resource, { token: secret(VALUE) })]) {
                const title = caseTitle(c);
                assertHidden(title, VALUE);
                assert.match(title, /\[secret\]/);
            }
        }
    });

    it("still show unknowns as ? and plain values as they are", () => {
        const title = caseTitle(passes(replicationGroup({ kmsKeyId: unknown, engine: "valkey", numCacheClusters: undefined })));
        assert.ok(title.includes(`"kmsKeyId":"?"`), title);
        assert.ok(title.includes(`"engine":"valkey"`), title);
        assert.ok(title.includes(`"numCacheClusters":"(omitted)"`), title);
    });

    it("never contain a secret's value, whatever surrounds it", () => {
        const marker = fc.nat().map(n => `s3cr3t-${n}-end`);
        const plain = fc.oneof(fc.string().filter(s => !s.includes("s3cr3t")), fc.integer(), fc.boolean(), fc.constant(null), fc.constant(unknown));
        const { tree } = fc.letrec<{ tree: unknown; secretOf: unknown }>(tie => ({
            tree: fc.oneof({ depthSize: "small" }, plain, tie("secretOf"), fc.array(tie("tree"), { maxLength: 3 }), fc.dictionary(fc.string({ maxLength: 5 }), tie("tree"), { maxKeys: 3 })),
            secretOf: fc.oneof(marker, fc.array(marker, { minLength: 1, maxLength: 2 }), fc.record({ k: marker, nested: tie("tree") })).map(v => secret(v)),
        }));
        fc.assert(
            fc.property(fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), tree, { minKeys: 1, maxKeys: 4 }), fc.boolean(), (changes, whole) => {
                const resource: ResourceInput = whole ? { type: "gcp:redis/instance:Instance", name: "r", props: changes } : replicationGroup(changes);
                // Every marker the properties hold, however deep.
                const markers = JSON.stringify(changes, (_k, v) => (typeof v === "symbol" ? null : v)).match(/s3cr3t-\d+-end/g) ?? [];
                for (const c of everyKind(resource)) {
                    const title = caseTitle(c);
                    for (const m of markers) assertHidden(title, m);
                }
            }),
            { numRuns: 300 },
        );
    });
});
