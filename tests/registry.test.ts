// What ships is guarded: every policy defined under policies/ is in the pack's registry, names
// follow <cloud>-<service>-<control>, a service folder's policy files hold one policy each, named
// after its control (its other files hold shared facts), every policy's source file has its tests
// at the same path under tests/, and no policy source file grows past 300 lines.

import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { allPolicies } from "../policies/registry";

const policiesDir = path.join(__dirname, "..", "policies");
const testsDir = __dirname;

interface SourceFile {
    readonly file: string;
    readonly cloud: string;
    readonly service: string;
    /** The file's name without .ts when it sits in a service folder; undefined for a one-file service. */
    readonly control?: string;
}

function serviceFiles(): SourceFile[] {
    const found: SourceFile[] = [];
    for (const cloud of fs.readdirSync(policiesDir).filter(d => d !== "lib" && fs.statSync(path.join(policiesDir, d)).isDirectory())) {
        for (const entry of fs.readdirSync(path.join(policiesDir, cloud))) {
            const full = path.join(policiesDir, cloud, entry);
            if (fs.statSync(full).isDirectory()) {
                for (const f of fs.readdirSync(full).filter(f => f.endsWith(".ts"))) {
                    const base = f.replace(/\.ts$/, "");
                    found.push({ file: path.join(full, f), cloud, service: entry, control: base === "index" || base === "facts" ? undefined : base });
                }
            } else if (entry.endsWith(".ts")) {
                found.push({ file: full, cloud, service: entry.replace(/\.ts$/, "") });
            }
        }
    }
    return found;
}

function policiesExportedBy(file: string): string[] {
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const exports = require(file) as Record<string, unknown>;
    return Object.values(exports).flatMap(v => {
        const d = (v as { definition?: { name?: unknown }; sdk?: unknown } | undefined)?.definition;
        return v && typeof v === "object" && (v as { sdk?: unknown }).sdk && typeof d?.name === "string" ? [d.name] : [];
    });
}

describe("what the pack ships", () => {
    const files = serviceFiles();
    const shipped = new Set(allPolicies.map(p => p.definition.name));

    it("ships every policy defined under policies/, once", () => {
        assert.strictEqual(shipped.size, allPolicies.length, "a policy is registered twice");
        const defined = new Set(files.flatMap(f => policiesExportedBy(f.file)));
        assert.deepStrictEqual([...defined].filter(n => !shipped.has(n)), [], "defined but not in policies/registry.ts");
        assert.deepStrictEqual([...shipped].filter(n => !defined.has(n)), []);
    });

    it("names every policy <cloud>-<service>-<control> after where it is defined", () => {
        for (const f of files) {
            for (const name of policiesExportedBy(f.file)) {
                assert.match(name, new RegExp(`^${f.cloud}-${f.service}-[a-z0-9]+(-[a-z0-9]+)*$`), `${name} is defined in ${path.relative(policiesDir, f.file)}`);
                if (f.control) assert.strictEqual(name, `${f.cloud}-${f.service}-${f.control}`, `a service folder's file is named after its policy's control`);
            }
            // A folder's other files hold shared facts and define no policy.
            if (f.control && policiesExportedBy(f.file).length > 0) assert.strictEqual(policiesExportedBy(f.file).length, 1, `${path.relative(policiesDir, f.file)} holds one policy`);
        }
    });

    it("has a test file mirroring every policy's source file", () => {
        for (const f of files.filter(f => policiesExportedBy(f.file).length > 0)) {
            const rel = path.relative(policiesDir, f.file).replace(/\.ts$/, ".test.ts");
            assert.ok(fs.existsSync(path.join(testsDir, rel)), `no tests/${rel} for ${path.relative(policiesDir, f.file)}`);
        }
    });

    it("keeps every policy source file within 300 lines", () => {
        for (const f of files) {
            const lines = fs.readFileSync(f.file, "utf8").split("\n").length;
            assert.ok(lines <= 300, `${path.relative(policiesDir, f.file)} has ${lines} lines`);
        }
    });

});
