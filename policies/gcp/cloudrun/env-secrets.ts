import { isOutcome, Outcome } from "../../lib/outcome";
import { defineResourcePolicy } from "../../lib/policy";
import { Props } from "../../lib/props";
import { elementsOf } from "../../lib/rules";
import { envEntry, envKnobs } from "../serverless-env";
import { blockAtPath, jobV2, serviceV1, serviceV2 } from "./facts";

const fix = "set containers to a list of container blocks";

/** Every container's `envs[]` under the block at `path`, checked with `ref` as the secret-reference field. */
function containers(props: Props, path: readonly string[], parts: readonly string[], ref: string): Outcome[] {
    const block = blockAtPath(props, path, fix);
    if (isOutcome(block)) return [block];
    const prefix = path.length > 0 ? `${path.join(".")}.` : "";
    const list = elementsOf(block, { field: "containers", fix });
    const out: Outcome[] = list.outcomes.map(o => (o.kind === "undecided" ? { ...o, field: `${prefix}${o.field}` } : o));
    for (const c of list.elements) {
        const envs = elementsOf(c.props, { field: "envs", fix: "set envs to a list of name/value blocks" });
        out.push(...envs.outcomes.map(o => (o.kind === "undecided" ? { ...o, field: `${prefix}${c.path}.${o.field}` } : o)));
        out.push(...envs.elements.map(e => envEntry({ path: `${prefix}${c.path}.${e.path}`, props: e.props }, parts, ref)));
    }
    return out;
}

export default defineResourcePolicy({
    name: "gcp-cloudrun-env-secrets",
    description: "Cloud Run services and jobs take secrets from Secret Manager, not from plain-text environment variables (judged by the variables' names).",
    severity: "high",
    types: [serviceV1, serviceV2, jobV2],
    hipaa: ["164.312(a)(1)", "164.308(a)(5)(ii)(D)"],
    hitrust: ["01.c", "01.v"],
    tags: ["gcp", "cloudrun", "secrets"],
    anchors: { gcp: ["gcp-cloud-run-functions-01"] },
    remediation:
        "Store the value in a `gcp.secretmanager.Secret` and reference it: `envs: [{ name, valueSource: { secretKeyRef: { secret, version } } }]` on a " +
        "`gcp.cloudrunv2.Service`/`Job` container, `envs: [{ name, valueFrom: { secretKeyRef: { name, key } } }]` on a `gcp.cloudrun.Service` container. " +
        "Grant the service's account `roles/secretmanager.secretAccessor` on the secret.",
    knobs: envKnobs,
    check: (r, config) =>
        r.type === serviceV1
            ? containers(r.props, ["template", "spec"], config.secretNameParts, "valueFrom.secretKeyRef")
            : containers(r.props, r.type === jobV2 ? ["template", "template"] : ["template"], config.secretNameParts, "valueSource.secretKeyRef"),
    noAutoRemediation: "moving a value into Secret Manager needs the secret created and access granted first",
});
