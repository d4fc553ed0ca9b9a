// GetAnalyzerInfo is what a preview waits for after the pack starts, and the SDK answers it by
// building a protobuf message for every policy (its config schema as a Struct) and serializing some
// 250 KB: measured, most of what this pack adds to the time before the engine can send resources.
// The answer depends only on what the SDK's serve() is given (pack name, version, enforcement
// level, pack arguments with every policy's metadata, initial config) and on the SDK's own code, so
// `npm run build` records it: the bytes the SDK's makeAnalyzerInfo produces, under a digest of
// those inputs. At run time the pack serves the recorded bytes only when the digest of what serve()
// was actually given matches; anything else (another SDK version, a changed policy, no record) is
// answered by the SDK as before.

import { createHash } from "crypto";
import * as fs from "fs";
import * as path from "path";

/** The record's name beside the bundled pack, where `npm run build` writes it (tools/build-pack.ts). */
export const recordFileName = "analyzer-info.json";

interface Recorded {
    readonly digest: string;
    readonly bytes: string;
}

/** The arguments the SDK's serve() receives, as passed. */
export type ServeArgs = readonly unknown[];

function sdkVersions(): string[] {
    return ["@pulumi/policy/package.json", "@pulumi/pulumi/package.json", "google-protobuf/package.json"].map(p => {
        try {
            const sdkDir = path.dirname(require.resolve("@pulumi/policy/package.json"));
            return String((require(require.resolve(p, { paths: [sdkDir] })) as { version?: string }).version);
        } catch {
            return "?";
        }
    });
}

/**
 * A digest of everything the SDK's makeAnalyzerInfo reads. Functions do not survive JSON, so each
 * policy's kind (resource or stack), which the SDK derives from its validate function, is added.
 */
export function digestOf(args: ServeArgs): string {
    const [packName, version, level, packArgs, initialConfig] = args as [unknown, unknown, unknown, { policies?: Record<string, unknown>[] } | undefined, unknown];
    const policies = (packArgs?.policies ?? []).map(p => ({
        ...p,
        kind: typeof p.validateResource === "function" ? "resource" : typeof p.validateStack === "function" ? "stack" : "neither",
    }));
    const text = JSON.stringify([sdkVersions(), packName, version, level, { ...packArgs, policies }, initialConfig ?? null]);
    return createHash("sha256").update(text).digest("hex");
}

const cached = new Map<string, Recorded | null>();
function recorded(file: string): Recorded | null {
    let r = cached.get(file);
    if (r !== undefined) return r;
    try {
        const read = JSON.parse(fs.readFileSync(file, "utf8")) as Partial<Recorded>;
        r = typeof read.digest === "string" && typeof read.bytes === "string" ? (read as Recorded) : null;
    } catch {
        r = null;
    }
    cached.set(file, r);
    return r;
}

/** The GetAnalyzerInfo bytes recorded in `file`, if they were recorded for exactly these serve() arguments. */
export function recordedAnalyzerInfo(args: ServeArgs, file: string): Uint8Array | undefined {
    const r = recorded(file);
    if (!r) return undefined;
    return r.digest === digestOf(args) ? Buffer.from(r.bytes, "base64") : undefined;
}

/**
 * Records to `out` what the pack `entry` loads answers to GetAnalyzerInfo: loads it with the SDK's
 * serve() replaced by a capture, and has the SDK's own makeAnalyzerInfo build the answer from what
 * it got. Run from the pack's root (the SDK reads the version from the working directory's package.json).
 */
export function record(entry: string, out: string): void {
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const server = require("@pulumi/policy/server") as { serve: (...a: unknown[]) => void };
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const protoutil = require("@pulumi/policy/protoutil") as { makeAnalyzerInfo: (...a: unknown[]) => { serializeBinary(): Uint8Array } };
    let captured: ServeArgs | undefined;
    const serve = server.serve;
    server.serve = (...args: unknown[]) => void (captured = args);
    try {
        fs.rmSync(out, { force: true });
        require(entry);
    } finally {
        server.serve = serve;
    }
    if (!captured) throw new Error("hipaa-guard: the pack did not call the SDK's serve(); nothing recorded");
    const bytes = protoutil.makeAnalyzerInfo(...captured).serializeBinary();
    fs.writeFileSync(out, JSON.stringify({ digest: digestOf(captured), bytes: Buffer.from(bytes).toString("base64") }));
}

// `node analyzer-info.js entry out`: what `npm run build` runs, in a process of its own.
if (require.main === module) {
    const [entry, out] = process.argv.slice(2).map(a => path.resolve(a));
    if (!entry || !out) throw new Error("usage: node analyzer-info.js <entry> <out>");
    record(entry, out);
}
