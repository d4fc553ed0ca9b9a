// The per-resource shortcuts of policies/lib/policy.ts: not-applicable without a stack trace, and
// each distinct config resolved once. Through the protocol, tests/config.test.ts covers both.

import * as assert from "assert";
import { integerKnob } from "../../policies/lib/knobs";
import { declareNotApplicable, resolveKnobConfig } from "../../policies/lib/policy";

describe("policy mechanics", () => {
    describe("declareNotApplicable", () => {
        const throwing = { notApplicable: (reason?: string): never => { throw Object.assign(new Error(reason), { reason }); } };

        it("throws what the SDK throws, with the reason and no stack frames, and restores the stack trace limit", () => {
            const before = Error.stackTraceLimit;
            let caught: unknown;
            try {
                declareNotApplicable(throwing, "not a PHI bucket");
            } catch (e) {
                caught = e;
            }
            assert.ok(caught instanceof Error);
            assert.strictEqual((caught as { reason?: string }).reason, "not a PHI bucket");
            assert.strictEqual(caught.stack, "Error: not a PHI bucket");
            assert.strictEqual(Error.stackTraceLimit, before);
            assert.ok(new Error("x").stack!.split("\n").length > 1, "later errors keep their stack");
        });
    });

    describe("resolveKnobConfig", () => {
        const knobs = { minimumDays: integerKnob({ default: 35, minimum: 1, maximum: 35, description: "days" }) };
        const given = (config: Record<string, unknown>) => ({ getConfig: <T extends object>() => ({ ...config }) as unknown as T });
        const resolve = (config: Record<string, unknown>, policy = "p") => resolveKnobConfig(policy, knobs, given(config), "cite");

        it("resolves equal configs to one shared, frozen answer", () => {
            const a = resolve({ minimumDays: 7 });
            assert.strictEqual(resolve({ minimumDays: 7 }), a);
            assert.ok(Object.isFrozen(a));
            assert.ok("own" in a && Object.isFrozen(a.own) && a.own.minimumDays === 7);
            assert.throws(() => {
                (a as { own: { minimumDays: number } }).own.minimumDays = 1;
            }, TypeError);
        });

        it("resolves other values, other policies and invalid values afresh", () => {
            const seven = resolve({ minimumDays: 7 });
            const eight = resolve({ minimumDays: 8 });
            assert.ok("own" in eight && eight.own.minimumDays === 8);
            assert.notStrictEqual(resolve({ minimumDays: 7 }, "q"), seven);
            const invalid = resolve({ minimumDays: 99 });
            assert.ok("invalid" in invalid && /Policy p is misconfigured: minimumDays must be/.test(invalid.invalid));
            const misspelled = resolve({ minimumDay: 7 });
            assert.ok("invalid" in misspelled && /no knob named "minimumDay"/.test(misspelled.invalid));
        });

        it("keeps answering right past its bound on distinct configs", () => {
            for (let days = 1; days <= 35; days++) {
                const r = resolve({ minimumDays: days }, "bounded");
                assert.ok("own" in r && r.own.minimumDays === days);
            }
            const again = resolve({ minimumDays: 3 }, "bounded");
            assert.ok("own" in again && again.own.minimumDays === 3);
        });

        it("knows a frozen config by the object, for its policy only, without writing it out", () => {
            const config = Object.freeze({ minimumDays: 9 });
            const handing = { getConfig: <T extends object>() => config as unknown as T };
            const first = resolveKnobConfig("frozen", knobs, handing, "cite");
            const stringify = JSON.stringify;
            let written = 0;
            JSON.stringify = ((...a: Parameters<typeof stringify>) => (written++, stringify(...a))) as typeof stringify;
            let again: ReturnType<typeof resolveKnobConfig>;
            try {
                again = resolveKnobConfig("frozen", knobs, handing, "cite");
            } finally {
                JSON.stringify = stringify;
            }
            assert.strictEqual(again, first);
            assert.strictEqual(written, 0);
            assert.ok("own" in first && first.own.minimumDays === 9);
            // The same object under another policy, citation or knobs is resolved for that one.
            const other = { minimumDays: integerKnob({ default: 35, minimum: 10, maximum: 35, description: "days" }) };
            const strict = resolveKnobConfig("frozen", other, handing, "cite");
            assert.ok("invalid" in strict && /minimumDays must be/.test(strict.invalid));
            assert.notStrictEqual(resolveKnobConfig("other", knobs, handing, "cite"), first);
            assert.strictEqual(resolveKnobConfig("frozen", knobs, handing, "cite"), first);
        });
    });
});
