// Reading what `pulumi stack export` writes: the deployed resources with their inputs (what
// per-resource Analyze gets) and their outputs (what AnalyzeStack gets), as `pulumi policy analyze`
// checks a stack's state. Secrets stay secrets: an encrypted one is never decrypted, a --show-secrets one is still sent
// to the pack marked secret, and nothing of either is ever printed.

import * as fs from "fs";
import { ResourceInput } from "../analyzer-client";
import { Capture, isChecked, ROOT_STACK_TYPE, stackUrnOf } from "./capture";
import { CheckError, ExitCode, shownPath } from "./errors";
import { isRecord, jsonError } from "./json";
import { propsFromWire } from "./wire";

interface ExportedResource {
    urn: string;
    type: string;
    inputs?: unknown;
    outputs?: unknown;
    parent?: unknown;
    dependencies?: unknown;
    propertyDependencies?: unknown;
    /** Pending deletion after a replacement: no longer part of the stack. */
    delete?: unknown;
    /** Read with `.get()`, not managed by the stack. */
    external?: unknown;
}

/** stack, project, qualified type and name of a URN ("urn:pulumi:stack::project::type::name"). */
function parseUrn(urn: string): [string, string, string, string] | undefined {
    if (!urn.startsWith("urn:pulumi:")) return undefined;
    const [stack, project, type, ...name] = urn.slice("urn:pulumi:".length).split("::");
    return name.length > 0 && type ? [stack, project, type, name.join("::")] : undefined;
}

export function readStackExport(file: string): Capture {
    const shown = shownPath(file);
    const bad = (why: string) => new CheckError(ExitCode.badExport, `${shown}: ${why}`);
    let text: string;
    try {
        text = fs.readFileSync(file, "utf8");
    } catch (e) {
        throw new CheckError(ExitCode.inputNotFound, `${shown}: cannot read it (${(e as NodeJS.ErrnoException).code ?? "error"})`);
    }
    let parsed: unknown;
    try {
        parsed = JSON.parse(text);
    } catch (e) {
        throw bad(`${jsonError(e)}; expected the output of pulumi stack export`);
    }
    const deployment = isRecord(parsed) && isRecord(parsed.deployment) ? parsed.deployment : parsed;
    if (!isRecord(deployment) || !("resources" in deployment || "manifest" in deployment)) {
        throw bad("not a stack export: expected an object with deployment.resources, as pulumi stack export writes");
    }
    const list = deployment.resources ?? [];
    if (!Array.isArray(list)) throw bad("not a stack export: deployment.resources is not a list");

    const resources: ResourceInput[] = [];
    const stackResources: ResourceInput[] = [];
    let stackUrn: string | undefined;
    let project: string | undefined;
    let stack: string | undefined;
    list.forEach((raw, i) => {
        if (!isRecord(raw) || typeof raw.urn !== "string" || typeof raw.type !== "string") {
            throw bad(`not a stack export: resource ${i} has no urn or type`);
        }
        const r = raw as unknown as ExportedResource;
        const m = parseUrn(r.urn);
        if (!m) throw bad(`not a stack export: resource ${i} has a malformed urn`);
        stack ??= m[0];
        project ??= m[1];
        if (r.type === ROOT_STACK_TYPE) stackUrn ??= r.urn;
        if (!isChecked(r.type) || r.delete === true || r.external === true) return;
        const resource: ResourceInput = {
            type: r.type,
            name: m[3],
            urn: r.urn,
            parent: typeof r.parent === "string" ? r.parent : undefined,
            props: propsFromWire(r.inputs),
            dependencies: stringList(r.dependencies),
            propertyDependencies: isRecord(r.propertyDependencies)
                ? Object.fromEntries(Object.entries(r.propertyDependencies).map(([k, v]) => [k, stringList(v)]))
                : {},
        };
        resources.push(resource);
        // A resource with no outputs recorded (none, or an old export) is judged on its inputs.
        stackResources.push(isRecord(r.outputs) ? { ...resource, props: propsFromWire(r.outputs) } : resource);
    });
    project ??= "project";
    stack ??= "stack";
    return { kind: "export", source: file, project, stack, stackUrn: stackUrn ?? stackUrnOf(project, stack), resources, stackResources, notes: [] };
}

/**
 * `--stack` with a stack export: the export holds one stack, so the name must be that stack's
 * (exit 3 otherwise, as for a program directory without that stack).
 */
export function requireExportStack(capture: Capture, stack: string | undefined): void {
    if (stack === undefined || capture.stack === stack) return;
    throw new CheckError(ExitCode.inputNotFound, `${shownPath(capture.source)}: the export is of stack ${capture.stack} (project ${capture.project}), not ${stack}; --stack must name the export's stack`);
}

function stringList(v: unknown): string[] {
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
}
