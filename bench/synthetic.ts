// The synthetic pack for `npm run bench`: the real pack's policies plus generated ones, 250 in all,
// served exactly as policies/index.ts serves the real pack. The generated resource policies are
// each bound to their own type tokens (one or two, so both the SDK's tagged type check and the
// pack's own check for several types are exercised), which no bench resource has: a resource's
// cost must not grow with them. Half the generated stack policies are bound to types the bench
// stack has (kms keys, log groups, subnets, roles, buckets), half to types it lacks: AnalyzeStack
// must stay nearly flat as they are added. bench.ts compiles this file next to the compiled pack
// (dist/policies) and bundles it.

import * as path from "path";
import { recordFileName } from "../policies/lib/analyzer-info";
import { servePolicyPack } from "../policies/lib/dispatch";
import { pass } from "../policies/lib/outcome";
import { defineResourcePolicy, HipaaPolicy } from "../policies/lib/policy";
import { shareDeserializedProperties } from "../policies/lib/shared-deserialization";
import { defineStackPolicy, HipaaStackPolicy } from "../policies/lib/stack";
import { allPolicies } from "../policies/registry";

export const syntheticSize = 250;
export const syntheticStackPolicies = 10;

const common = {
    description: "A generated policy that passes everything.",
    severity: "low",
    hipaa: ["164.312(b)"],
    hitrust: ["0903.10f1"],
    tags: ["synthetic"],
    remediation: "Nothing to do.",
} as const;

const presentTypes = ["aws:kms/key:Key", "aws:cloudwatch/logGroup:LogGroup", "aws:ec2/subnet:Subnet", "aws:iam/role:Role", "aws:s3/bucket:Bucket"];

export function syntheticPolicies(size = syntheticSize, stackCount = syntheticStackPolicies): (HipaaPolicy | HipaaStackPolicy)[] {
    const generated: (HipaaPolicy | HipaaStackPolicy)[] = [];
    const resourceCount = size - allPolicies.length - stackCount;
    for (let i = 0; i < resourceCount; i++) {
        const own = `synthetic:service${i}/resource:Resource${i}`;
        generated.push(
            defineResourcePolicy({
                ...common,
                name: `synthetic-resource-${i}`,
                types: i % 2 === 0 ? [own] : [own, `synthetic:service${i}/other:Other${i}`],
                check: () => pass,
                remediate: () => undefined,
            }),
        );
    }
    for (let i = 0; i < stackCount; i++) {
        generated.push(
            defineStackPolicy({
                ...common,
                name: `synthetic-stack-${i}`,
                types: [i % 2 === 0 ? presentTypes[(i / 2) % presentTypes.length] : `synthetic:stack${i}/resource:Resource${i}`],
                check: r => (r.props.string("arn").state === "known" ? pass : pass),
            }),
        );
    }
    return [...allPolicies, ...generated];
}

/**
 * What the synthetic pack runs. bench.ts builds it as `npm run build` builds the real pack
 * (tools/lib/build-pack.ts): bundled, with its GetAnalyzerInfo answer recorded beside the bundle.
 */
export function serveSyntheticPack(): void {
    shareDeserializedProperties();
    servePolicyPack(
        "hipaa-guard-synthetic",
        { description: "hipaa-guard with generated policies, for the bench.", enforcementLevel: "mandatory" },
        syntheticPolicies(),
        path.join(__dirname, recordFileName),
    );
}
