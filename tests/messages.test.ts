// The message wording is the contract between the pack and the tools that read its findings
// (the offline check's reports): whatever the pack formats, the parsers read back.

import * as assert from "assert";
import { formatFinding, formatOutOfPhiScope, formatUndecided, formatWaived, isOutOfPhiScope, parseFinding, parseUndecided, parseWaived } from "../policies/lib/messages";

describe("finding wording", () => {
    it("a finding parses back into problem, fix and citation, periods inside included", () => {
        const message = formatFinding('engineVersion 3.2.10 is below 4.0.10', 'set engineVersion: "7.1" (or omit it)', "HIPAA §164.308(a)(1)(ii)(B); HITRUST 0706.10b1");
        assert.deepStrictEqual(parseFinding(message), {
            problem: "engineVersion 3.2.10 is below 4.0.10",
            fix: 'set engineVersion: "7.1" (or omit it)',
            cite: "HIPAA §164.308(a)(1)(ii)(B); HITRUST 0706.10b1",
        });
        assert.strictEqual(parseFinding("can't run policy during preview"), undefined);
    });

    it("an undecided advisory parses back into its fields", () => {
        assert.deepStrictEqual(parseUndecided(formatUndecided(["engine"], "c")), ["engine"]);
        assert.deepStrictEqual(parseUndecided(formatUndecided(["a", "b.c"], "c")), ["a", "b.c"]);
        assert.strictEqual(parseUndecided(formatFinding("p", "f", "c")), undefined);
    });

    it("waiver and PHI-scope reasons parse back", () => {
        assert.deepStrictEqual(parseWaived(formatWaived("2027-01-31", "the policy config", "TKT-1: migrating")), {
            expires: "2027-01-31", source: "the policy config", reason: "TKT-1: migrating",
        });
        assert.ok(isOutOfPhiScope(formatOutOfPhiScope("no tag")));
        assert.ok(!isOutOfPhiScope("Memcached keeps no snapshots"));
    });
});
