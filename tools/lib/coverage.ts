// docs/coverage.md: every rule of the yardsticks a HIPAA team compares us with (the AWS Config HIPAA
// conformance pack and the merged GCP HIPAA rule set, kept as data in docs/anchors/), with the
// policies that enforce it, or why a preview cannot decide it, or that it is not covered yet.

import * as fs from "fs";
import * as path from "path";
import { allPolicies } from "../../policies/registry";

export const anchorsDir = path.resolve(__dirname, "..", "..", "docs", "anchors");
export const coveragePath = path.resolve(__dirname, "..", "..", "docs", "coverage.md");

/** One row of an anchor CSV, by column name. */
export type Row = Record<string, string>;

/** Parses RFC 4180 CSV (quoted fields may hold commas, quotes and newlines). */
export function parseCsv(text: string): Row[] {
    const records: string[][] = [];
    let field = "";
    let record: string[] = [];
    let quoted = false;
    for (let i = 0; i < text.length; i++) {
        const c = text[i];
        if (quoted) {
            if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
            else if (c === '"') quoted = false;
            else field += c;
        } else if (c === '"') quoted = true;
        else if (c === ",") record.push(field), (field = "");
        else if (c === "\n" || c === "\r") {
            if (c === "\r" && text[i + 1] === "\n") i++;
            record.push(field), (field = "");
            if (record.some(f => f !== "")) records.push(record);
            record = [];
        } else field += c;
    }
    record.push(field);
    if (record.some(f => f !== "")) records.push(record);
    const [header, ...rows] = records;
    return rows.map(r => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ""])));
}

export function readAnchors(file: "aws-config-hipaa.csv" | "gcp-hipaa.csv"): Row[] {
    return parseCsv(fs.readFileSync(path.join(anchorsDir, file), "utf8"));
}

/**
 * Rules no policy answers on purpose, with why: a decision the coverage work made (e.g. a rule that
 * can never fail), beyond the CSV's own "not decidable from a preview" rows.
 */
export const decisions: Readonly<Record<string, string>> = {
    "s3-bucket-server-side-encryption-enabled":
        "no policy: since 5 January 2023 S3 encrypts every new object with SSE-S3 whatever the bucket says, so this rule can never fail " +
        "(Prowler, KICS and trivy-checks retired theirs); `aws-s3-default-encryption-kms` checks the control that can: default encryption with KMS",
    "ec2-instances-in-vpc":
        "no policy: EC2-Classic was retired on 15 August 2023, so every instance a program can launch runs in a VPC and this rule can never fail; " +
        "`aws-ec2-instance-no-public-ip` and the security-group policies check what the VPC exposes",
};

const issueOf: Readonly<Record<string, string>> = { WP1: "#15", WP2: "#16", WP3: "#17", WP4: "#18", WP5: "#19", WP6: "#20" };

function cell(text: string): string {
    return text.replace(/\|/g, "\\|").replace(/\n/g, " ");
}

/** The policies that declare they answer `id` in the given anchor set. */
function answering(set: "awsConfig" | "gcp", id: string): string[] {
    return allPolicies.filter(p => (p.definition.anchors?.[set] ?? []).includes(id)).map(p => `\`${p.definition.name}\``);
}

function status(set: "awsConfig" | "gcp", id: string, row: Row): { kind: "covered" | "decided" | "undecidable" | "open"; text: string } {
    const by = answering(set, id);
    if (by.length > 0) return { kind: "covered", text: by.join(", ") };
    if (decisions[id]) return { kind: "decided", text: decisions[id] };
    if (row.decidable === "no" || row.work_package === "-") {
        const note = (row.note ?? "").trim();
        return { kind: "undecidable", text: `not decidable from a preview: it depends on cloud state a policy never sees${note ? ` (${note})` : ""}` };
    }
    return { kind: "open", text: `not covered yet (${row.work_package}${issueOf[row.work_package] ? `, issue ${issueOf[row.work_package]}` : ""})` };
}

function section(title: string, set: "awsConfig" | "gcp", rows: Row[], idOf: (r: Row) => string, describe: (r: Row) => string): string[] {
    const statuses = rows.map(r => ({ row: r, id: idOf(r), ...status(set, idOf(r), r) }));
    const count = (k: string) => statuses.filter(s => s.kind === k).length;
    const out = [
        `## ${title}`,
        "",
        `${rows.length} rules: ${count("covered")} enforced, ${count("decided")} decided without a policy, ${count("undecidable")} not decidable from a preview, ${count("open")} not covered yet.`,
        "",
        "| Rule | Service | What it asks | Decidable | Checkov | hipaa-guard |",
        "|---|---|---|---|---|---|",
    ];
    for (const s of statuses) {
        out.push(`| \`${s.id}\` | ${cell(s.row.service)} | ${cell(describe(s.row))} | ${s.row.decidable} | ${cell(s.row.checkov || "—")} | ${cell(s.text)} |`);
    }
    out.push("");
    return out;
}

export function renderCoverage(): string {
    const aws = readAnchors("aws-config-hipaa.csv");
    const gcp = readAnchors("gcp-hipaa.csv");
    return [
        "# Coverage",
        "",
        "Generated by `npm run docs` from `docs/anchors/*.csv` and the policies' `anchors`; a test fails when it is out of date or a rule is missing.",
        "Each rule of the AWS Config HIPAA conformance pack and of the merged GCP HIPAA rule set (Prowler, Steampipe, Google's policy library, CIS GCP Foundations) maps to the policies that enforce it before deployment, or says why a preview cannot decide it.",
        "",
        ...section("AWS Config: Operational Best Practices for HIPAA Security", "awsConfig", aws, r => r.rule, r => r.pulumi_types_and_inputs),
        ...section("GCP HIPAA rules", "gcp", gcp, r => r.id, r => r.rule),
    ].join("\n");
}
