// A project the stack creates has, for each change CIS GCP 2.4–2.11 names (ownership, audit
// config, custom roles, firewall rules, routes, networks, Cloud Storage IAM, Cloud SQL), a
// log-based metric whose filter selects at least what CIS's selects and an enabled alert policy on
// that metric: the stack that creates a project owns its baseline. Stacks that only use an existing
// project are not checked. A filter or condition the pack cannot read at preview leaves that change
// undecided; a filter it can read but cannot prove as wide as CIS's does not count.

import { stringKnob, stringListKnob } from "../../lib/knobs";
import { notApplicable, Outcome, pass, undecided, violation } from "../../lib/outcome";
import { classify, Props } from "../../lib/props";
import { defineStackPolicy, Stack, StackResource } from "../../lib/stack";
import { alertPolicy, CisChange, cisChanges, cisMetricFilters, logMetric, project, projectTarget, promqlMetricName, userMetricType } from "./facts";
import { covers, parseQuery, Query } from "./query";

/** Metrics or alert policies in the project the check looks in, and those whose project may be it (unset or unknown). */
interface Scoped {
    readonly found: readonly StackResource[];
    readonly maybe: readonly StackResource[];
}

// Per request: every created project reads the same scans and verdicts, so a stack with many
// projects and metrics stays linear.
const perStack = new WeakMap<Stack, Map<string, unknown>>();
function once<T>(stack: Stack, key: string, make: () => T): T {
    let cache = perStack.get(stack);
    if (!cache) perStack.set(stack, (cache = new Map()));
    if (!cache.has(key)) cache.set(key, make());
    return cache.get(key) as T;
}

const unsetOrUnknown = (r: StackResource): boolean => {
    if (r.dependsOn("project").some(d => d.type === project)) return false;
    const p = r.props.string("project");
    // No project: the provider's default project, which may be this one.
    return p.state === "absent" || p.state === "unknown" || (p.state === "known" && p.value.trim() === "");
};

/** In the project the stack creates: by property dependency or its projectId, as the other baseline policies resolve it. */
function inCreated(stack: Stack, type: string, created: StackResource): Scoped {
    return {
        found: stack.referrers([type], "project", created, projectTarget).found,
        maybe: once(stack, `maybe ${type}`, () => stack.ofType([type]).filter(unsetOrUnknown)),
    };
}

/** In the monitoring project named by its id, whether or not the stack creates it. */
function inMonitoring(stack: Stack, type: string, id: string): Scoped {
    return once(stack, `${type} in ${id}`, () => {
        const found: StackResource[] = [];
        const maybe: StackResource[] = [];
        for (const r of stack.ofType([type])) {
            const ref = stack.resolve(r, "project", projectTarget);
            const named = ref.state === "inStack" ? ref.resource.props.string("projectId") : ref.state === "outside" ? r.props.string("project") : ref;
            if (named.state === "known" && projectTarget.normalize!(named.value.trim()) === id) found.push(r);
            else if (named.state === "absent" || named.state === "unknown") maybe.push(r);
        }
        return { found, maybe };
    });
}

/** What one metric says about one change: it counts (under its name), it does not, or a value it depends on is unknown. */
type MetricVerdict = { readonly kind: "counts"; readonly name: string } | { readonly kind: "no" } | { readonly kind: "unknown"; readonly field: string };

const cisQueries = new Map(cisChanges.map(c => [c, parseQuery(cisMetricFilters[c].filter)!]));

function metricVerdict(m: Props, filter: Query | undefined, change: CisChange, central: boolean): MetricVerdict {
    if (filter === undefined || !covers(filter, cisQueries.get(change)!)) return { kind: "no" };
    const disabled = m.boolean("disabled");
    if (disabled.state === "unknown") return { kind: "unknown", field: "metric.disabled" };
    if (disabled.state === "wrongType" || (disabled.state === "known" && disabled.value)) return { kind: "no" };
    // A bucket-scoped metric counts only what reaches its bucket: central monitoring relies on that
    // (an aggregated sink fills the bucket), a project's own metric must see all its entries.
    const bucket = m.string("bucketName");
    if (!central && bucket.state === "unknown") return { kind: "unknown", field: "metric.bucketName" };
    if (!central && (bucket.state === "wrongType" || (bucket.state === "known" && bucket.value.trim() !== ""))) return { kind: "no" };
    const name = m.string("name");
    if (name.state === "unknown") return { kind: "unknown", field: "metric.name" };
    return name.state === "known" && name.value.trim() !== "" ? { kind: "counts", name: name.value.trim() } : { kind: "no" };
}

const verdicts = new WeakMap<StackResource, Map<string, MetricVerdict>>();
/** The metric's verdict for every change, its filter parsed once. */
function verdictOf(m: StackResource, change: CisChange, central: boolean): MetricVerdict {
    let cache = verdicts.get(m);
    if (!cache) {
        cache = new Map();
        const filter = m.props.string("filter");
        const parsed = filter.state === "known" ? parseQuery(filter.value) : undefined;
        for (const c of cisChanges) {
            for (const mode of [true, false]) {
                cache.set(`${c} ${mode}`, filter.state === "unknown" ? { kind: "unknown", field: "metric.filter" } : metricVerdict(m.props, parsed, c, mode));
            }
        }
        verdicts.set(m, cache);
    }
    return cache.get(`${change} ${central}`)!;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * Whether a condition's filter or query reads the metric's time series. A threshold filter names
 * it as a quoted metric type (`metric.type="…"`, or inside one_of(…)); the quotes keep a longer
 * name that starts the same from counting.
 */
function references(kind: "filter" | "mql" | "promql", text: string, name: string): boolean {
    if (kind === "filter") return new RegExp(`(["'])${escape(userMetricType(name))}\\1`).test(text);
    if (kind === "mql") return new RegExp(`${escape(userMetricType(name))}(?![A-Za-z0-9_\\-./%+!*])`).test(text);
    return new RegExp(`${escape(promqlMetricName(name))}(?![A-Za-z0-9_:])`).test(text);
}

// conditionAbsent is left out on purpose: it fires when the series stops reporting, and a change
// counter reports nothing until a change, so it never alerts on one.
const conditionKinds = [
    { block: "conditionThreshold", field: "filter", kind: "filter" },
    { block: "conditionMonitoringQueryLanguage", field: "query", kind: "mql" },
    { block: "conditionPrometheusQueryLanguage", field: "query", kind: "promql" },
] as const;

/** 1: the policy alerts on one of `names`; 0: it does not; a field: a value it depends on is unknown. */
function alertsOn(a: Props, names: readonly string[]): 1 | 0 | string {
    const enabled = a.boolean("enabled");
    if (enabled.state === "wrongType" || (enabled.state === "known" && !enabled.value)) return 0;
    const conditions = a.list("conditions");
    if (conditions.state === "unknown") return "alertPolicy.conditions";
    if (conditions.state !== "known") return 0;
    let unknown = false;
    for (const raw of conditions.value) {
        const c = classify(raw, "object");
        if (c.state === "unknown") unknown = true;
        if (c.state !== "known") continue;
        for (const k of conditionKinds) {
            const text = c.value.within(k.block, k.field, "string");
            if (text.state === "unknown") unknown = true;
            else if (text.state === "known" && names.some(n => references(k.kind, text.value, n))) return enabled.state === "unknown" ? "alertPolicy.enabled" : 1;
        }
    }
    return unknown ? "alertPolicy.conditions" : 0;
}

/** For one change: "ok", why it is missing, or the field that leaves it undecided. */
function decide(change: CisChange, metrics: Scoped, alerts: Scoped, central: boolean): "ok" | { missing: string } | { undecided: string } {
    const found = metrics.found.map(m => verdictOf(m, change, central));
    const names = found.flatMap(v => (v.kind === "counts" ? [v.name] : []));
    const maybeMetric = metrics.maybe.some(m => verdictOf(m, change, central).kind !== "no");
    const metricDoubt = found.find((v): v is Extract<MetricVerdict, { kind: "unknown" }> => v.kind === "unknown")?.field ?? (maybeMetric ? "metric.project" : undefined);
    if (names.length === 0) return metricDoubt ? { undecided: metricDoubt } : { missing: "no metric" };
    const onAlerts = alerts.found.map(a => alertsOn(a.props, names));
    if (onAlerts.includes(1)) return "ok";
    const alertDoubt = onAlerts.find((v): v is string => typeof v === "string") ?? (alerts.maybe.some(a => alertsOn(a.props, names) !== 0) ? "alertPolicy.project" : undefined);
    const doubt = alertDoubt ?? metricDoubt;
    return doubt ? { undecided: doubt } : { missing: "a metric but no enabled alert policy on it" };
}

const projectIdPattern = "^(([a-z][a-z0-9.-]*[a-z0-9]:)?[a-z][a-z0-9-]{4,28}[a-z0-9])?$";

export default defineStackPolicy({
    name: "gcp-logging-cis-metric-alerts",
    description:
        "A project the stack creates has, for each CIS GCP 2.4–2.11 change (ownership, audit config, custom roles, firewall rules, routes, networks, Cloud Storage IAM, Cloud SQL), " +
        "a log-based metric with CIS's filter and an enabled alert policy on it (in the project, or in a configured central monitoring project).",
    severity: "medium",
    types: [project],
    hipaa: ["164.312(b)", "164.308(a)(1)(ii)(D)"],
    hitrust: ["1202.09aa1", "1270.09ad1"],
    tags: ["gcp", "logging", "monitoring", "audit", "alerting"],
    anchors: { gcp: ["gcp-audit-logging-03"] },
    remediation:
        "For each required change, add a `gcp.logging.Metric` in the new project (`project` set to its `projectId`, no `bucketName`, not disabled) whose `filter` is " +
        "CIS's filter for that change (the finding quotes it; extra `OR` branches are fine, an extra `AND` clause is not, since it would count fewer entries), and a " +
        "`gcp.monitoring.AlertPolicy` in the same project with a condition on the metric: `conditionThreshold.filter` " +
        "`metric.type=\"logging.googleapis.com/user/<metric name>\"` (or an MQL / PromQL query on it), with `notificationChannels` your on-call team reads. " +
        "A `conditionAbsent` does not count: it fires when nothing changes.\n" +
        "If your organization keeps these metrics centrally (an organization or folder sink with `includeChildren` into a log bucket in one monitoring project, " +
        "with bucket-scoped metrics on it, as CIS allows), set `monitoringProject` to that project's id: the policy then looks for the metrics and alerts there, " +
        "and says it does not apply when this stack defines none there (they are managed elsewhere). The policy trusts that the aggregated sink routes the new " +
        "project's logs into that bucket (it does not check that routing, which is usually defined with the organization). `required` narrows the changes held to (default: all eight).\n" +
        "The pack never adds them for you (stack policies cannot remediate): who is alerted, and how, is a decision for your operations team.",
    knobs: {
        required: stringListKnob({
            default: cisChanges,
            pattern: `^(${cisChanges.join("|")})$`,
            maxItems: cisChanges.length,
            description: `The CIS GCP 2.4–2.11 changes that need a metric and an alert: any of ${cisChanges.join(", ")} (default: all eight).`,
            itemWords: `change names among ${cisChanges.join(", ")}`,
        }),
        monitoringProject: stringKnob({
            default: "",
            pattern: projectIdPattern,
            maxLength: 100,
            description: "Project id of the central monitoring project that holds the metrics and alerts (fed by an aggregated sink). Empty: each created project holds its own.",
            allowed: "a GCP project id (6 to 30 lower-case letters, digits and hyphens, starting with a letter), or empty",
        }),
    },
    check: (p, stack, config): Outcome | Outcome[] => {
        const central = config.monitoringProject !== "";
        const metrics = central ? inMonitoring(stack, logMetric, config.monitoringProject) : inCreated(stack, logMetric, p);
        const alerts = central ? inMonitoring(stack, alertPolicy, config.monitoringProject) : inCreated(stack, alertPolicy, p);
        if (central && metrics.found.length + metrics.maybe.length + alerts.found.length === 0) {
            const created = stack.ofType([project]).some(x => {
                const id = x.props.string("projectId");
                return id.state === "known" && id.value.trim() === config.monitoringProject;
            });
            if (!created) return notApplicable(`the CIS metrics and alerts live in monitoring project ${config.monitoringProject}, which this stack does not manage; check them where they are defined`);
        }
        const doubts = new Set<string>();
        const missing: string[] = [];
        const fixes: string[] = [];
        for (const change of config.required as readonly CisChange[]) {
            // Central metrics are the same for every created project: decided once per request.
            const d = central ? once(stack, `decide ${config.monitoringProject} ${change}`, () => decide(change, metrics, alerts, central)) : decide(change, metrics, alerts, central);
            if (d === "ok") continue;
            if ("undecided" in d) {
                doubts.add(d.undecided);
                continue;
            }
            const cis = cisMetricFilters[change];
            missing.push(`${change} (CIS ${cis.section}, ${cis.what}: ${d.missing})`);
            fixes.push(`${change}: ${cis.filter}`);
        }
        const outcomes: Outcome[] = [...doubts].map(undecided);
        if (missing.length > 0) {
            const where = central ? `monitoring project ${config.monitoringProject}` : "the project";
            outcomes.push(violation({
                code: "missingCisMetricAlerts",
                problem: `the stack creates this project but ${missing.length} of the ${config.required.length} required CIS changes have no log-based metric with CIS's filter and an enabled alert on it in ${where}: ${missing.join("; ")}`,
                fix:
                    `in ${where}, add for each a gcp.logging.Metric${central ? "" : " (no bucketName)"} with this filter and a gcp.monitoring.AlertPolicy whose conditionThreshold.filter is ` +
                    `metric.type="logging.googleapis.com/user/<metric name>": ${fixes.join("; ")}`,
            }));
        }
        return outcomes.length > 0 ? outcomes : pass;
    },
});
