// The IAM type list is the installed provider's: every __pulumiType of @pulumi/gcp ending in
// Member, Binding or Policy after "Iam"/"IAM", derived again here and compared both ways.

import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { allIamTypes, moduleOf } from "../../../policies/gcp/iam/types";
import { servicePublicAccessPolicies, serverlessIamModules, uncoveredIamTypes } from "../../../policies/gcp/iam/no-public-members";

const gcpDir = path.dirname(require.resolve("@pulumi/gcp/package.json"));
const token = /__pulumiType = '(gcp:[a-z0-9]+\/[A-Za-z0-9]+:[A-Za-z0-9]*I[Aa][Mm](?:Member|Binding|Policy))'/;

function installedIamTypes(): string[] {
    const found: string[] = [];
    for (const dir of fs.readdirSync(gcpDir)) {
        const full = path.join(gcpDir, dir);
        if (!fs.statSync(full).isDirectory() || dir === "node_modules" || dir === "types") continue;
        for (const f of fs.readdirSync(full).filter(f => f.endsWith(".js"))) {
            const m = token.exec(fs.readFileSync(path.join(full, f), "utf8"));
            if (m) found.push(m[1]);
        }
    }
    return found.sort();
}

describe("GCP IAM type list", () => {
    it("is exactly the installed provider's IAM member, binding and policy types", () => {
        assert.deepStrictEqual([...allIamTypes].sort(), installedIamTypes());
    });

    it("leaves to gcp-iam-no-public-members only the types no service policy and no serverless policy checks", () => {
        const covered = new Set(servicePublicAccessPolicies.flatMap(p => p.definition.types));
        for (const t of uncoveredIamTypes) {
            assert.ok(!covered.has(t), `${t} is checked twice`);
            assert.ok(!serverlessIamModules.includes(moduleOf(t)), `${t} belongs to the serverless policies`);
        }
        const missing = allIamTypes.filter(t => !covered.has(t) && !serverlessIamModules.includes(moduleOf(t)) && !uncoveredIamTypes.includes(t));
        assert.deepStrictEqual(missing, []);
        // Every service policy's types are real provider types.
        for (const t of covered) if (/I[Aa][Mm](Member|Binding|Policy)$/.test(t)) assert.ok(allIamTypes.includes(t), `${t} is no provider type`);
    });
});
