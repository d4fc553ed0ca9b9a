// gcp-compute-inherited-settings (issue 12): what a VM built from an instance template or machine
// image inherits, resolved at stack level (AnalyzeStack), with the template in the stack (by
// property dependency at preview, by literal self link or name after deployment), outside it,
// unknown, and with project metadata supplying enable-oslogin / serial-port-enable. Codes come from
// the in-process evaluateStack on the same properties; the wire must say the same.

import * as assert from "assert";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import { resolveKnobs } from "../../../policies/lib/knobs";
import { Outcome } from "../../../policies/lib/outcome";
import { evaluateStack, Stack, StackPolicyDefinition } from "../../../policies/lib/stack";
import { allPolicies } from "../../../policies/registry";
import { encodeValue, ResourceInput, secret, unknown, urnOf } from "../../../tools/lib/analyzer-client";
import { GCP_APP_SA, GCP_KMS_KEY } from "../../factories";
import { assertFinding, usePack } from "../../pack";
import { osLogin, shielded, stateFromImage, stateFromTemplate, T, TEMPLATE_LINK } from "./fixtures";

// eslint-disable-next-line @typescript-eslint/no-var-requires
const { deserializeProperties } = require("@pulumi/policy/deserialize") as { deserializeProperties(struct: unknown, proxySecrets: boolean): Record<string, unknown> };

const policy = "gcp-compute-inherited-settings";
const definition = allPolicies.find(p => p.definition.name === policy)!.definition as StackPolicyDefinition;

function res(type: string, name: string, props: Record<string, unknown>, deps: Record<string, ResourceInput[]> = {}): ResourceInput {
    const propertyDependencies: Record<string, string[]> = {};
    for (const [field, list] of Object.entries(deps)) propertyDependencies[field] = list.map(r => r.urn!);
    return { type, name, props, urn: urnOf(type, name), propertyDependencies };
}

const templateProps = {
    machineType: "n2-standard-2",
    disks: [{ boot: true, sourceImage: "debian-cloud/debian-12", diskEncryptionKey: { kmsKeySelfLink: GCP_KMS_KEY } }, { type: "SCRATCH", diskType: "local-ssd" }],
    networkInterfaces: [{ subnetwork: "phi-subnet" }],
    shieldedInstanceConfig: shielded,
    metadata: osLogin,
    serviceAccount: { email: GCP_APP_SA, scopes: ["cloud-platform"] },
};
/** A template as the preview sees it (its links unknown) with `changes`. */
const template = (changes: Record<string, unknown> = {}, type = T.template) => res(type, "tmpl", { ...templateProps, name: "phi-vm", selfLink: unknown, selfLinkUnique: unknown, ...changes });
/** A template-built VM at preview, connected to `to` by a property dependency. */
const vmFrom = (to: ResourceInput, props: Record<string, unknown> = {}) => res(T.fromTemplate, "vm", { zone: "us-central1-a", sourceInstanceTemplate: unknown, ...props }, { sourceInstanceTemplate: [to] });
const vmUrn = urnOf(T.fromTemplate, "vm");

interface Answer {
    /** Violations (code and field) on each resource, from the in-process evaluation. */
    codes: Record<string, { code: string; field: string }[]>;
    undecided: Record<string, string[]>;
    wire: { violations: { urn: string; message: string }[]; advisories: { urn: string; message: string }[]; notApplicable?: string };
}

describe(policy, () => {
    const pack = usePack();

    async function run(resources: ResourceInput[], knobs: Record<string, unknown> = {}): Promise<Answer> {
        const result = await pack.analyzeStack(resources, { [policy]: knobs });
        for (const d of result.diagnostics) assert.ok(!d.message.includes("SECRET"), `secret echoed by ${d.policyName}: ${d.message}`);
        const mine = result.diagnostics.filter(d => d.policyName === policy);
        const wire = {
            violations: mine.filter(d => d.enforcementLevel !== "advisory").map(d => ({ urn: d.urn, message: d.message })),
            advisories: mine.filter(d => d.enforcementLevel === "advisory").map(d => ({ urn: d.urn, message: d.message })),
            notApplicable: result.notApplicable.find(n => n.policyName === policy)?.reason,
        };
        for (const v of wire.violations) assertFinding(v.message);
        const stack = new Stack(
            resources.map(r => ({
                type: r.type,
                name: r.name,
                urn: r.urn!,
                props: deserializeProperties(Struct.fromJavaScript(encodeValue(r.props) as Record<string, never>), false),
                propertyDependencies: Object.fromEntries(Object.entries(r.propertyDependencies ?? {}).map(([f, urns]) => [f, urns.map(urn => ({ urn }))])),
            })) as never,
        );
        const { outcomesByUrn, threw } = evaluateStack(definition, stack, resolveKnobs(definition.knobs ?? {}, knobs) as never);
        assert.deepStrictEqual(threw, []);
        const codes: Answer["codes"] = {};
        const undecided: Answer["undecided"] = {};
        for (const [urn, outcomes] of outcomesByUrn) {
            const v = outcomes.filter((o): o is Extract<Outcome, { kind: "violation" }> => o.kind === "violation");
            if (v.length > 0) codes[urn] = v.map(o => ({ code: o.code, field: o.field }));
            const u = outcomes.flatMap(o => (o.kind === "undecided" ? [o.field] : []));
            if (u.length > 0) undecided[urn] = u;
        }
        // The wire says what the outcomes say: one mandatory finding per violation, one advisory per resource left undecided.
        assert.strictEqual(wire.violations.length, Object.values(codes).flat().length, JSON.stringify(wire));
        assert.strictEqual(wire.advisories.length, Object.keys(undecided).filter(urn => !codes[urn]).length, JSON.stringify(wire));
        return { codes, undecided, wire };
    }
    const passes = (a: Answer) => assert.deepStrictEqual([a.codes, a.undecided, a.wire.violations, a.wire.advisories], [{}, {}, [], []]);
    /** The VM's violations (a template that leaves a project-wide key out is checked too, on its own URN: see below). */
    const violates = (a: Answer, ...expected: { code: string; field: string }[]) => assert.deepStrictEqual(a.codes[vmUrn], expected);
    /** Nothing reported on the VM (a template beside it may be: see its own cases). */
    const vmPasses = (a: Answer) => assert.deepStrictEqual([a.codes[vmUrn], a.undecided[vmUrn]], [undefined, undefined]);
    const isUndecided = (a: Answer, ...fields: string[]) => {
        const urn = a.undecided[vmUrn] ? vmUrn : (a.wire.advisories[0]?.urn ?? "none");
        assert.deepStrictEqual([a.codes[urn], a.undecided[urn]], [undefined, fields]);
        const advisory = a.wire.advisories.find(d => d.urn === urn)!;
        for (const f of fields) assert.ok(advisory.message.includes(f), advisory.message);
    };

    it("passes a VM whose in-stack template (found by property dependency at preview) is compliant", async () => {
        const t = template();
        passes(await run([t, vmFrom(t)]));
        const r = template({ region: "us-central1" }, T.regionTemplate);
        passes(await run([r, vmFrom(r)]));
    });

    it("reports on the VM each setting it inherits from a non-compliant template, naming the template's property", async () => {
        const t = template({ shieldedInstanceConfig: { enableSecureBoot: false }, canIpForward: true, networkInterfaces: [{ subnetwork: "s", accessConfigs: [{}] }] });
        const a = await run([t, vmFrom(t)]);
        violates(
            a,
            { code: "notAllowed", field: "sourceInstanceTemplate.shieldedInstanceConfig.enableSecureBoot" },
            { code: "externalAddress", field: "sourceInstanceTemplate.networkInterfaces[0].accessConfigs" },
            { code: "notAllowed", field: "sourceInstanceTemplate.canIpForward" },
        );
        assert.match(a.wire.violations[0].message, /^its instance template's shieldedInstanceConfig\.enableSecureBoot is false\. Fix: .* on the instance template, or override it on the VM\./);
        assert.ok(a.wire.violations.every(v => v.urn === vmUrn));
    });

    it("leaves what the VM overrides to the VM policies: the override beats the template", async () => {
        const t = template({ shieldedInstanceConfig: { enableSecureBoot: false }, canIpForward: true, serviceAccount: { scopes: ["cloud-platform"] } });
        passes(await run([t, vmFrom(t, { shieldedInstanceConfig: shielded, canIpForward: false, serviceAccount: { email: GCP_APP_SA, scopes: [] } })]));
    });

    it("finds the template by its self link, unique self link or name once values are known", async () => {
        const deployed = res(T.template, "tmpl", { ...templateProps, canIpForward: true, name: "phi-vm", selfLink: TEMPLATE_LINK, selfLinkUnique: `${TEMPLATE_LINK}?uniqueId=4471` });
        for (const ref of [TEMPLATE_LINK, `${TEMPLATE_LINK}?uniqueId=4471`, "projects/phi-prod/global/instanceTemplates/phi-vm", "phi-vm"]) {
            violates(await run([deployed, res(T.fromTemplate, "vm", { sourceInstanceTemplate: ref })]), { code: "notAllowed", field: "sourceInstanceTemplate.canIpForward" });
        }
    });

    it("is undecided on a template this stack does not create, an unknown reference, and any machine image", async () => {
        isUndecided(await run([template(), res(T.fromTemplate, "vm", { sourceInstanceTemplate: "projects/other/global/instanceTemplates/x" })]), "sourceInstanceTemplate");
        isUndecided(await run([res(T.fromTemplate, "vm", { sourceInstanceTemplate: unknown })]), "sourceInstanceTemplate");
        isUndecided(await run([res(T.fromImage, "img", { sourceMachineImage: "projects/p/global/machineImages/golden" })]), "sourceMachineImage");
        const t = template({ shieldedInstanceConfig: unknown });
        isUndecided(await run([t, vmFrom(t)]), "sourceInstanceTemplate.shieldedInstanceConfig");
    });

    it("takes nothing from the template of a VM read back from state (the provider reads the whole VM back)", async () => {
        const a = await run([template({ canIpForward: true }), { ...stateFromTemplate(), urn: vmUrn, name: "vm" }]);
        passes(a);
        // Read back, a VM without a service account has none (the recorded state's shape), even one built from a machine image.
        const image = stateFromImage({ serviceAccount: undefined });
        const b = await run([{ ...image, urn: urnOf(image.type, image.name) }]);
        passes(b);
        // ...but the project-wide keys its recorded metadata leaves out still come from the project: decided, not "not applicable".
        assert.strictEqual(b.wire.notApplicable, undefined);
    });

    it("maps the template's disks onto the VM's: the boot disk unless bootDisk is set, the others unless attachedDisks is", async () => {
        const plain = { sourceImage: "debian-cloud/debian-12" };
        const t = template({ disks: [{ ...plain, boot: true }, { ...plain, boot: false, diskSizeGb: 100 }] });
        violates(await run([t, vmFrom(t)]), { code: "googleManagedKey", field: "sourceInstanceTemplate.disks[0].diskEncryptionKey" }, { code: "googleManagedKey", field: "sourceInstanceTemplate.disks[1].diskEncryptionKey" });
        violates(await run([t, vmFrom(t, { bootDisk: { initializeParams: {}, kmsKeySelfLink: GCP_KMS_KEY } })]), { code: "googleManagedKey", field: "sourceInstanceTemplate.disks[1].diskEncryptionKey" });
        passes(await run([t, vmFrom(t, { bootDisk: { source: "phi-boot" }, attachedDisks: [{ source: "phi-data" }] })]));
        // A disk that does not say whether it boots is kept or dropped depending on that.
        const u = template({ disks: [plain] });
        isUndecided(await run([u, vmFrom(u, { bootDisk: { source: "phi-boot" } })]), "sourceInstanceTemplate.disks[0].boot");
        violates(await run([u, vmFrom(u)]), { code: "googleManagedKey", field: "sourceInstanceTemplate.disks[0].diskEncryptionKey" });
    });

    it("checks an inherited service account with the policy's own knob", async () => {
        const t = template({ serviceAccount: { email: "default", scopes: ["logging-write"] } });
        passes(await run([t, vmFrom(t)]));
        violates(await run([t, vmFrom(t)], { forbidDefaultServiceAccount: true }), { code: "defaultServiceAccount", field: "sourceInstanceTemplate.serviceAccount.email" });
    });

    describe("metadata from the template and from in-stack project metadata", () => {
        const noOsLogin = template({ metadata: { "block-project-ssh-keys": "TRUE" } });
        const project = (metadata: Record<string, unknown>, props: Record<string, unknown> = {}) => res(T.projectMetadata, "project", { metadata, ...props });
        const item = (key: string, value: unknown) => res(T.projectMetadataItem, `item-${key}`, { key, value });

        it("takes enable-oslogin from project metadata where neither the VM nor its template sets it", async () => {
            violates(await run([noOsLogin, vmFrom(noOsLogin)]), { code: "absentDefault", field: 'metadata["enable-oslogin"]' });
            passes(await run([noOsLogin, vmFrom(noOsLogin), project({ "enable-oslogin": "TRUE" })]));
            passes(await run([noOsLogin, vmFrom(noOsLogin), item("enable-oslogin", "true")]));
            passes(await run([noOsLogin, vmFrom(noOsLogin)], { osLoginEnforcedByProject: true }));
            violates(await run([noOsLogin, vmFrom(noOsLogin), project({ "enable-oslogin": "FALSE" })], { osLoginEnforcedByProject: true }), { code: "notAllowed", field: 'project.metadata["enable-oslogin"]' });
            isUndecided(await run([noOsLogin, vmFrom(noOsLogin), project({ "enable-oslogin": unknown })]), 'project.metadata["enable-oslogin"]');
            // Another project's metadata says nothing about this VM's; a project that may be this one leaves it undecided.
            const vmIn = (p: string) => vmFrom(noOsLogin, { project: p });
            violates(await run([noOsLogin, vmIn("phi-prod"), project({ "enable-oslogin": "TRUE" }, { project: "phi-dev" })]), { code: "absentDefault", field: 'metadata["enable-oslogin"]' });
            // (The template names no project, so for the template itself that metadata may or may not apply: undecided there.)
            vmPasses(await run([noOsLogin, vmIn("phi-prod"), project({ "enable-oslogin": "TRUE" }, { project: "phi-prod" })]));
            isUndecided(await run([noOsLogin, vmIn("phi-prod"), project({ "enable-oslogin": "TRUE" })]), 'project.metadata["enable-oslogin"]');
        });

        it("turns the serial console on from project metadata, unless the VM or its template sets it", async () => {
            const t = template();
            violates(await run([t, vmFrom(t), item("serial-port-enable", "TRUE")]), { code: "notAllowed", field: 'project.metadata["serial-port-enable"]' });
            // The VM overrides the project; its template does not, so the template is reported for the VMs a group would build from it.
            const own = await run([t, vmFrom(t, { metadata: { ...osLogin, "serial-port-enable": "FALSE" } }), item("serial-port-enable", "TRUE")]);
            vmPasses(own);
            assert.deepStrictEqual(own.codes[t.urn!], [{ code: "notAllowed", field: 'project.metadata["serial-port-enable"]' }]);
            const off = template({ metadata: { ...osLogin, "serial-port-enable": "FALSE" } });
            passes(await run([off, vmFrom(off), item("serial-port-enable", "TRUE")]));
            const on = template({ metadata: { ...osLogin, "serial-port-enable": "1" } });
            violates(await run([on, vmFrom(on)]), { code: "notAllowed", field: 'sourceInstanceTemplate.metadata["serial-port-enable"]' });
        });

        it("decides a key the VM's own map leaves out only when merging and replacing the template's map agree", async () => {
            const t = template();
            const own = { metadata: { owner: "phi-team" } };
            // Merged, the template's keys hold; replaced, nothing sets them: it depends on which Compute Engine does.
            isUndecided(await run([t, vmFrom(t, own)]), 'metadata["enable-oslogin"]', 'metadata["block-project-ssh-keys"]');
            const both = template({ metadata: { "enable-oslogin": "TRUE" } });
            isUndecided(await run([both, vmFrom(both, { metadata: { "block-project-ssh-keys": "TRUE" } })]), 'metadata["enable-oslogin"]');
            passes(await run([both, vmFrom(both, { metadata: { "block-project-ssh-keys": "TRUE" } }), project({ "enable-oslogin": "TRUE" })]));
            const none = template({ metadata: {} });
            violates(await run([none, vmFrom(none, { metadata: { "block-project-ssh-keys": "TRUE" } })]), { code: "absentDefault", field: 'metadata["enable-oslogin"]' });
        });
    });

    describe("VMs and templates that declare their settings: the project-wide keys their metadata leaves out", () => {
        const vm = (metadata: unknown, props: Record<string, unknown> = {}) =>
            res(T.instance, "plain", { zone: "us-central1-a", machineType: "n2-standard-2", ...(metadata === undefined ? {} : { metadata }), ...props });
        const plainUrn = urnOf(T.instance, "plain");
        const project = (metadata: unknown, props: Record<string, unknown> = {}) => res(T.projectMetadata, "project", { metadata, ...props });
        const item = (key: string, value: unknown) => res(T.projectMetadataItem, `item-${key}`, { key, value });
        const blockOnly = { "block-project-ssh-keys": "TRUE" };
        const on = (a: Answer, urn: string) => a.codes[urn];

        it("takes enable-oslogin from the stack's project metadata, else the knob decides", async () => {
            assert.deepStrictEqual(on(await run([vm(blockOnly)]), plainUrn), [{ code: "absentDefault", field: 'metadata["enable-oslogin"]' }]);
            assert.deepStrictEqual(on(await run([vm(undefined)]), plainUrn), [{ code: "absentDefault", field: 'metadata["enable-oslogin"]' }]);
            passes(await run([vm(blockOnly), project({ "enable-oslogin": "TRUE" })]));
            passes(await run([vm(blockOnly), item("enable-oslogin", "1")]));
            passes(await run([vm(blockOnly)], { osLoginEnforcedByProject: true }));
            // The project turning it off is reported on the VM that relies on it (and by gcp-compute-os-login on the metadata itself).
            assert.deepStrictEqual(on(await run([vm(blockOnly), project({ "enable-oslogin": "FALSE" })], { osLoginEnforcedByProject: true }), plainUrn), [
                { code: "notAllowed", field: 'project.metadata["enable-oslogin"]' },
            ]);
            isUndecided(await run([vm(blockOnly), project({ "enable-oslogin": unknown })]), 'project.metadata["enable-oslogin"]');
            assert.deepStrictEqual(on(await run([vm(blockOnly, { project: "phi-prod" }), project({ "enable-oslogin": "TRUE" }, { project: "phi-dev" })]), plainUrn), [
                { code: "absentDefault", field: 'metadata["enable-oslogin"]' },
            ]);
        });

        it("turns the serial console on from project metadata unless the VM sets serial-port-enable", async () => {
            assert.deepStrictEqual(on(await run([vm(osLogin), item("serial-port-enable", "TRUE")]), plainUrn), [{ code: "notAllowed", field: 'project.metadata["serial-port-enable"]' }]);
            passes(await run([vm({ ...osLogin, "serial-port-enable": "FALSE" }), item("serial-port-enable", "TRUE")]));
        });

        it("is not applicable where the VM sets both keys itself, and leaves unknown or garbage metadata to the VM policies", async () => {
            const a = await run([vm({ ...osLogin, "serial-port-enable": "FALSE" })]);
            passes(a);
            assert.match(a.wire.notApplicable ?? "", /sets enable-oslogin and serial-port-enable itself/);
            isUndecided(await run([vm(unknown)]), "metadata");
            const g = await run([vm(["SECRET"])]);
            passes(g);
            assert.match(g.wire.notApplicable ?? "", /gcp-compute-os-login reports/);
        });

        it("checks a template's own metadata the same way, and outputs-shaped VMs too", async () => {
            const t = template({ metadata: blockOnly });
            assert.deepStrictEqual(on(await run([t]), t.urn!), [{ code: "absentDefault", field: 'metadata["enable-oslogin"]' }]);
            passes(await run([t, project({ "enable-oslogin": "TRUE" })]));
            // State: a template-built VM's recorded metadata is whole, and the project's is never copied into it.
            const state = res(T.fromTemplate, "vm", { ...stateFromTemplate().props, metadata: blockOnly });
            assert.deepStrictEqual(on(await run([state]), vmUrn), [{ code: "absentDefault", field: 'metadata["enable-oslogin"]' }]);
            passes(await run([state, project({ "enable-oslogin": "TRUE" }, { project: state.props.project })]));
        });
    });

    it("survives garbage without echoing it", async () => {
        const t = template({ disks: "SECRET", metadata: [secret("SECRET")], shieldedInstanceConfig: { enableSecureBoot: "SECRET" }, serviceAccount: 7 });
        const a = await run([t, vmFrom(t), res(T.projectMetadataItem, "i", { key: ["SECRET"], value: secret("SECRET") })]);
        assert.ok(a.codes[vmUrn].some(c => c.code === "wrongType"));
        const wrong = await run([res(T.fromTemplate, "vm", { sourceInstanceTemplate: 5 })]);
        violates(wrong, { code: "wrongType", field: "sourceInstanceTemplate" });
    });
});
