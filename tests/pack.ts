// Shared fixture for policy tests: one pack process for the whole test run, started the way the
// engine starts it and configured with schema defaults, and a way to ask what one policy said.
// Mocha runs test files one after another, so they take turns with it; each request says which
// config it needs, and the pack is reconfigured only when that differs from the last.

import * as assert from "assert";
import { AnalyzeResult, PackInfo, PolicyConfig, PolicyPackProcess, RemediationResult, repoRoot, ResourceInput } from "../tools/lib/analyzer-client";

export { secret, unknown } from "../tools/lib/analyzer-client";

/** What one policy concluded about one resource. */
export interface PolicyAnswer {
    /** Mandatory findings (violations). */
    violations: string[];
    /** Advisory findings (undecided at preview). */
    advisories: string[];
    /** The not-applicable reason, when the policy said so. */
    notApplicable?: string;
}

export function verdictOf(result: AnalyzeResult, policy: string): PolicyAnswer {
    const mine = result.diagnostics.filter(d => d.policyName === policy);
    return {
        violations: mine.filter(d => d.enforcementLevel !== "advisory").map(d => d.message),
        advisories: mine.filter(d => d.enforcementLevel === "advisory").map(d => d.message),
        notApplicable: result.notApplicable.find(n => n.policyName === policy)?.reason,
    };
}

export interface PackFixture {
    readonly process: PolicyPackProcess;
    readonly info: PackInfo;
    /** Runs Analyze on one resource and returns what `policy` said, under optional config overrides. */
    check(policy: string, resource: ResourceInput, config?: PolicyConfig): Promise<PolicyAnswer>;
    analyze(resource: ResourceInput, config?: PolicyConfig): Promise<AnalyzeResult>;
    analyzeStack(resources: ResourceInput[], config?: PolicyConfig): Promise<AnalyzeResult>;
    remediate(resource: ResourceInput, config?: PolicyConfig): Promise<{ remediations: RemediationResult[]; notApplicable: { policyName: string; reason: string }[] }>;
}

let shared: Promise<{ proc: PolicyPackProcess; info: PackInfo }> | undefined;
let configured = "{}";

function sharedPack(): Promise<{ proc: PolicyPackProcess; info: PackInfo }> {
    shared ??= (async () => {
        const proc = await PolicyPackProcess.start(repoRoot);
        const info = await proc.getAnalyzerInfo();
        await proc.configure(info);
        configured = "{}";
        return { proc, info };
    })();
    return shared;
}

// A root hook: the one pack process ends after the last test file.
after(async () => {
    if (shared) await (await shared).proc.stop();
    shared = undefined;
});

/** The shared pack, started (once) before the calling suite's tests. */
export function usePack(): PackFixture {
    let proc: PolicyPackProcess | undefined;
    let info: PackInfo | undefined;
    async function withConfig<T>(config: PolicyConfig | undefined, run: () => Promise<T>): Promise<T> {
        const wanted = JSON.stringify(config ?? {});
        if (wanted !== configured) {
            await proc!.configure(info!, config ?? {});
            configured = wanted;
        }
        return run();
    }
    const fixture: PackFixture = {
        get process() {
            return proc!;
        },
        get info() {
            return info!;
        },
        analyze: (resource, config) => withConfig(config, () => proc!.analyze(resource)),
        analyzeStack: (resources, config) => withConfig(config, () => proc!.analyzeStack(resources)),
        remediate: (resource, config) => withConfig(config, () => proc!.remediate(resource)),
        async check(policy, resource, config) {
            assert.ok(info!.policies.some(p => p.name === policy), `the pack has no policy named ${policy}`);
            return verdictOf(await fixture.analyze(resource, config), policy);
        },
    };
    before(async function () {
        this.timeout(60000);
        ({ proc, info } = await sharedPack());
    });
    return fixture;
}

/** The resource passes: no violation, no advisory, not "not applicable". */
export function assertPasses(v: PolicyAnswer): void {
    assert.deepStrictEqual(v, { violations: [], advisories: [], notApplicable: undefined });
}

/** Exactly one violation, whose message matches every pattern, cites its controls and a fix. */
export function assertViolates(v: PolicyAnswer, ...patterns: RegExp[]): void {
    assert.strictEqual(v.violations.length, 1, `expected one violation, got ${JSON.stringify(v, null, 1)}`);
    assert.deepStrictEqual(v.advisories, []);
    assertFinding(v.violations[0], ...patterns);
}

/** No violation; one advisory that says the check is undecided at preview because of `fields`. */
export function assertUndecided(v: PolicyAnswer, ...fields: string[]): void {
    assert.deepStrictEqual(v.violations, [], `expected no violation, got ${JSON.stringify(v.violations)}`);
    assert.strictEqual(v.advisories.length, 1, `expected one advisory, got ${JSON.stringify(v, null, 1)}`);
    assert.match(v.advisories[0], /^Undecided at preview: /);
    for (const field of fields) assert.ok(v.advisories[0].includes(field), `advisory does not name ${field}: ${v.advisories[0]}`);
}

export function assertNotApplicable(v: PolicyAnswer, pattern: RegExp): void {
    assert.deepStrictEqual(v.violations, []);
    assert.deepStrictEqual(v.advisories, []);
    assert.ok(v.notApplicable !== undefined, "expected the policy to say it is not applicable");
    assert.match(v.notApplicable!, pattern);
}

/** Every finding says what is wrong, how to fix it, and which HIPAA section and HITRUST control. */
export function assertFinding(message: string, ...patterns: RegExp[]): void {
    assert.match(message, /Fix: .+\. \[HIPAA §164\.\d+\([a-z]\)[^;\]]*; HITRUST [0-9.]+[a-z0-9.]*/, `not a complete finding: ${message}`);
    assert.ok(!message.includes("\n"), `a finding is one line: ${message}`);
    for (const p of patterns) assert.match(message, p);
}
