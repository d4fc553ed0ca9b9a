// Generated documentation: the README's policy table and the control traceability table, both
// rendered from the policies' own metadata and the control catalog, so they cannot drift.

import * as fs from "fs";
import * as path from "path";
import { hipaaSections, HipaaRef, hitrustControls, HitrustRef } from "../../policies/lib/catalog";
import { commonKnobs } from "../../policies/lib/policy";
import { allPolicies } from "../../policies/registry";
import { coveragePath, renderCoverage } from "./coverage";
import { factsPath, renderFacts } from "./facts-table";
import { notCheckable } from "./traceability";

interface Documented {
    readonly name: string;
    readonly description: string;
    readonly types: readonly string[];
    readonly hipaa: readonly HipaaRef[];
    readonly hitrust: readonly HitrustRef[];
    readonly knobs?: Record<string, { readonly default: unknown }>;
}

const definitions: readonly Documented[] = allPolicies.map(p => p.definition);
const levelOf = new Map(allPolicies.map(p => [p.definition.name, p.sdk.enforcementLevel ?? "mandatory"]));
const isStack = new Map(allPolicies.map(p => [p.definition.name, "validateStack" in p.sdk]));

/** Whether the policy fixes a violation itself under enforcement level `remediate`. */
function remediates(name: string): string {
    if (isStack.get(name)) return "no (stack policy)";
    const definition = allPolicies.find(p => p.definition.name === name)!.definition;
    return "remediate" in definition && definition.remediate ? "yes" : "no";
}

/** The resource type's short form, as users write it in code: `aws.elasticache.ReplicationGroup`. */
export function shortType(token: string): string {
    const [pkg, mod, name] = token.split(":");
    return `${pkg}.${mod.split("/")[0]}.${name}`;
}

const iamClass = /I[Aa][Mm](Member|Binding|Policy)$/;

/** A policy's resource types for the table: a long list of IAM types (one policy spans every service's IAM) as a count. */
function typesCell(types: readonly string[]): string {
    const iam = types.filter(t => iamClass.test(t));
    if (iam.length <= 30) return types.map(t => `\`${shortType(t)}\``).join("<br>");
    const modules = new Set(iam.map(t => t.split(":")[1].split("/")[0]));
    const rest = types.filter(t => !iamClass.test(t)).map(t => `\`${shortType(t)}\``);
    return [`${iam.length} IAM member, binding and policy types in ${modules.size} modules (\`*IamMember\`, \`*IamBinding\`, \`*IamPolicy\`; policies/gcp/iam/types.ts)`, ...rest].join("<br>");
}

/** A knob's default for the table: long lists are counted, not spelled out. */
function knobDefault(value: unknown): string {
    const text = JSON.stringify(value);
    return Array.isArray(value) && text.length > 80 ? `${value.length} entries` : text;
}

function cell(text: string): string {
    return text.replace(/\|/g, "\\|").replace(/\n/g, " ");
}

export function renderPolicyTable(): string {
    const rows = [
        "| Policy | Resource types | Requires | Default level | Config knobs (default) | Remediates | HIPAA | HITRUST CSF |",
        "|---|---|---|---|---|---|---|---|",
    ];
    for (const d of definitions) {
        const knobs = Object.entries(d.knobs ?? {}).map(([k, v]) => `\`${k}\` (${knobDefault(v.default)})`);
        rows.push(
            `| \`${d.name}\`${isStack.get(d.name) ? " (stack)" : ""} | ${typesCell(d.types)} | ${cell(d.description)} | ` +
                `${levelOf.get(d.name)} | ${knobs.join("<br>") || "—"} | ${remediates(d.name)} | ${d.hipaa.map(h => `§${h}`).join("<br>")} | ${d.hitrust.join("<br>")} |`,
        );
    }
    rows.push("");
    rows.push(`Every policy also takes the knobs ${Object.keys(commonKnobs).map(k => `\`${k}\``).join(" and ")} (see [Configuration](#configuration)).`);
    return rows.join("\n");
}

/** The service each provider module of a covered type belongs to, as its provider names it. */
const serviceNames: Record<string, string> = {
    "aws:elasticache": "Amazon ElastiCache",
    "aws:cloudwatch": "Amazon CloudWatch (Logs and alarms)",
    "aws:cloudtrail": "AWS CloudTrail",
    "aws:kms": "AWS Key Management Service (KMS)",
    "aws:iam": "AWS Identity and Access Management (IAM)",
    "aws:ec2": "Amazon EC2 and VPC",
    "aws:vpc": "Amazon EC2 and VPC",
    "aws:autoscaling": "Amazon EC2 Auto Scaling",
    "aws:s3": "Amazon S3",
    "aws:ebs": "Amazon EBS",
    "aws:efs": "Amazon EFS",
    "aws:backup": "AWS Backup",
    "aws:rds": "Amazon RDS and Aurora",
    "aws:dynamodb": "Amazon DynamoDB",
    "aws:opensearch": "Amazon OpenSearch Service",
    "aws:elasticsearch": "Amazon OpenSearch Service (Elasticsearch domains)",
    "aws:redshift": "Amazon Redshift",
    "aws:kinesis": "Amazon Kinesis Data Streams",
    "aws:dms": "AWS Database Migration Service",
    "aws:sns": "Amazon SNS",
    "aws:secretsmanager": "AWS Secrets Manager",
    "aws:sagemaker": "Amazon SageMaker",
    "aws:lambda": "AWS Lambda",
    "aws:ecs": "Amazon ECS",
    "aws:emr": "Amazon EMR",
    "aws:elasticbeanstalk": "AWS Elastic Beanstalk",
    "aws:codebuild": "AWS CodeBuild",
    "aws:ssm": "AWS Systems Manager",
    "aws:lb": "Elastic Load Balancing",
    "aws:alb": "Elastic Load Balancing",
    "aws:elb": "Elastic Load Balancing (Classic Load Balancers)",
    "aws:apigateway": "Amazon API Gateway (REST APIs)",
    "aws:apigatewayv2": "Amazon API Gateway (HTTP and WebSocket APIs)",
    "aws:wafv2": "AWS WAF",
    "gcp:compute": "Compute Engine",
    "gcp:redis": "Memorystore for Redis",
    "gcp:logging": "Cloud Logging",
    "gcp:kms": "Cloud Key Management Service (Cloud KMS)",
    "gcp:sql": "Cloud SQL",
    "gcp:storage": "Cloud Storage",
    "gcp:bigquery": "BigQuery",
    "gcp:pubsub": "Pub/Sub",
    "gcp:memorystore": "Memorystore",
    "gcp:spanner": "Spanner",
    "gcp:filestore": "Filestore",
    "gcp:dataproc": "Dataproc",
    "gcp:healthcare": "Cloud Healthcare API",
    "gcp:bigtable": "Bigtable",
    "gcp:artifactregistry": "Artifact Registry",
    "gcp:alloydb": "AlloyDB",
    "gcp:workbench": "Vertex AI Workbench",
    "gcp:notebooks": "Vertex AI Workbench (user-managed notebooks)",
    "gcp:vertex": "Vertex AI",
    "gcp:dns": "Cloud DNS",
    "gcp:projects": "Resource Manager and Service Usage (projects)",
    "gcp:folder": "Resource Manager (folders)",
    "gcp:organizations": "Resource Manager (organizations and projects)",
    "gcp:serviceaccount": "IAM service accounts",
    "gcp:container": "Google Kubernetes Engine (GKE)",
    "gcp:cloudrun": "Cloud Run",
    "gcp:cloudrunv2": "Cloud Run",
    "gcp:cloudfunctions": "Cloud Functions",
    "gcp:cloudfunctionsv2": "Cloud Functions",
};
const cloudNames: Record<string, string> = { aws: "AWS", gcp: "Google Cloud" };
const everyIam = "IAM grants on every resource";

/** Which services (and resource types) the pack covers, from the policies' types. */
export function renderCoveredServices(): string {
    const byCloud = new Map<string, Map<string, { types: Set<string>; policies: Set<string> }>>();
    for (const d of definitions) {
        const manyIam = d.types.filter(t => iamClass.test(t)).length > 30;
        for (const token of d.types) {
            const [pkg, mod] = token.split(":");
            const key = `${pkg}:${mod.split("/")[0]}`;
            // A policy over every service's IAM is listed once, as IAM, not as a claim to cover each of those services.
            if (manyIam && iamClass.test(token)) {
                const services = byCloud.get(pkg) ?? new Map();
                byCloud.set(pkg, services);
                const entry = services.get(everyIam) ?? { types: new Set<string>(), policies: new Set<string>() };
                services.set(everyIam, entry);
                entry.types.add("*IamMember, *IamBinding, *IamPolicy of every service");
                entry.policies.add(d.name);
                continue;
            }
            const service = serviceNames[key];
            if (!service) throw new Error(`tools/lib/docs.ts: name the service of ${key} in serviceNames (policy ${d.name})`);
            const services = byCloud.get(pkg) ?? new Map();
            byCloud.set(pkg, services);
            const entry = services.get(service) ?? { types: new Set<string>(), policies: new Set<string>() };
            services.set(service, entry);
            entry.types.add(shortType(token));
            entry.policies.add(d.name);
        }
    }
    const lines = ["The pack covers these services today, and no others:", ""];
    for (const [pkg, services] of byCloud) {
        const list = [...services].map(([service, e]) => `${service} (${[...e.types].map(t => `\`${t}\``).join(", ")}: ${e.policies.size} ${e.policies.size === 1 ? "policy" : "policies"})`);
        lines.push(`- **${cloudNames[pkg] ?? pkg}**: ${list.join("; ")}.`);
    }
    return lines.join("\n");
}

export function renderTraceability(): string {
    const citing = (pick: (d: Documented) => readonly string[], id: string) =>
        definitions.filter(d => pick(d).includes(id)).map(d => `\`${d.name}\``);
    const out: string[] = [
        "# Control traceability",
        "",
        "Generated by `npm run docs` from the control catalog (`policies/lib/catalog.ts`) and the policies' metadata; a test fails when it is out of date.",
        "Each HIPAA Security Rule section and HITRUST CSF control the pack knows maps to the policies that enforce it, or says why infrastructure code cannot show it.",
        "",
        "## HIPAA Security Rule (45 CFR Part 164 Subpart C)",
        "",
        "| Section | Title | Enforced by |",
        "|---|---|---|",
    ];
    for (const [ref, section] of Object.entries(hipaaSections)) {
        const by = citing(d => d.hipaa, ref);
        out.push(`| §${ref} | ${section.title} (${section.kind}) | ${by.join(", ") || `not checkable from infrastructure code: ${notCheckable[ref] ?? "no policy yet"}`} |`);
    }
    out.push("", "## HITRUST CSF", "", "| Control | Topic | Source | Enforced by |", "|---|---|---|---|");
    for (const [id, control] of Object.entries(hitrustControls)) {
        const by = citing(d => d.hitrust, id);
        out.push(`| ${id} ${control.segment} | ${control.topic} | ${control.source} | ${by.join(", ") || `not checkable from infrastructure code: ${notCheckable[id] ?? "no policy yet"}`} |`);
    }
    out.push("");
    return out.join("\n");
}

export const readmePath = path.resolve(__dirname, "..", "..", "README.md");
export const traceabilityPath = path.resolve(__dirname, "..", "..", "docs", "traceability.md");
/** The README's generated parts: between their start and end markers. */
const generated: readonly { start: string; end: string; render: () => string }[] = [
    { start: "<!-- coverage:start (generated by npm run docs) -->", end: "<!-- coverage:end -->", render: renderCoveredServices },
    { start: "<!-- policy-table:start (generated by npm run docs) -->", end: "<!-- policy-table:end -->", render: renderPolicyTable },
];

/** The README with its generated parts (the coverage statement, the policy table) rendered anew. */
export function readmeWithTable(readme: string): string {
    let out = readme;
    for (const { start, end, render } of generated) {
        const i = out.indexOf(start);
        const j = out.indexOf(end);
        if (i < 0 || j < i) throw new Error(`README.md has no ${start} ... ${end} markers`);
        out = `${out.slice(0, i + start.length)}\n${render()}\n${out.slice(j)}`;
    }
    return out;
}

if (require.main === module) {
    fs.writeFileSync(readmePath, readmeWithTable(fs.readFileSync(readmePath, "utf8")));
    fs.mkdirSync(path.dirname(traceabilityPath), { recursive: true });
    fs.writeFileSync(traceabilityPath, renderTraceability());
    fs.writeFileSync(coveragePath, renderCoverage());
    fs.writeFileSync(factsPath, renderFacts());
    console.log(`wrote ${[readmePath, traceabilityPath, coveragePath, factsPath].map(p => path.relative(process.cwd(), p)).join(", ")}`);
}
