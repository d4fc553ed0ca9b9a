// A project the stack creates has the CIS GCP 2.4–2.11 log-based metrics and alerts (AnalyzeStack).

import * as assert from "assert";
import { stackCases, stackGarbage, stackMisconfigured, stackNotApplicable, stackOutcomesOf, stackPasses, stackUndecided, stackViolates } from "../../cases";
import { alertPolicy, alertPolicyOutputs, GCP_PROJECT, logMetric, logMetricOutputs, projectResource, res } from "../../factories";
import { usePack } from "../../pack";
import { ResourceInput, secret, unknown } from "../../../tools/lib/analyzer-client";
import { cisChanges, cisMetricFilters } from "../../../policies/gcp/logging/facts";

const policy = "gcp-logging-cis-metric-alerts";
const on = "phi-project";
const missing = [{ on, code: "missingCisMetricAlerts" }];
const cis = (c: keyof typeof cisMetricFilters) => cisMetricFilters[c].filter;

/** Every CIS metric with its alert, in the PHI project, but for `leaveOut`. */
function baseline(leaveOut: readonly string[] = []): ResourceInput[] {
    return cisChanges.filter(c => !leaveOut.includes(c)).flatMap(c => [logMetric(c, cis(c)), alertPolicy(`cis-${c}`)]);
}
const others = (change: string) => baseline([change]);
const monitoring = "phi-monitoring";
const inMonitoring = (r: ResourceInput): ResourceInput => ({ ...r, props: { ...r.props, project: monitoring } });

// The ownership filter as someone might type it: line breaks, padding, single quotes, other case.
const ownershipRetyped =
    "( protoPayload.serviceName = 'cloudresourcemanager.googleapis.com' )\n  AND ( projectownership OR ProjectOwnerInvitee )\n" +
    "  OR ( protoPayload.serviceData.policyDelta.bindingDeltas.action = 'remove'\n       AND protoPayload.serviceData.policyDelta.bindingDeltas.role = 'ROLES/OWNER' )\n" +
    "  OR ( protoPayload.serviceData.policyDelta.bindingDeltas.action = \"ADD\" AND protoPayload.serviceData.policyDelta.bindingDeltas.role = \"roles/owner\" ) -- CIS 2.4";

stackCases(policy, [
    stackPasses([projectResource(), ...baseline()]),
    // Outputs-shaped (state, `pulumi stack export`): defaults filled in, "" for unset strings, blocks as one-element lists.
    stackPasses([projectResource(), ...cisChanges.flatMap(c => [logMetricOutputs(c, cis(c)), alertPolicyOutputs(`cis-${c}`)])]),
    // By property dependency, the project id unknown at preview.
    (() => {
        const p = res(projectResource().type, on, { ...projectResource().props, projectId: unknown });
        const linked = baseline().map(r => res(r.type, r.name, { ...r.props, project: unknown }, { project: [p] }));
        return stackPasses([p, ...linked]);
    })(),
    ...cisChanges.map(c => stackViolates([projectResource(), ...others(c)], missing)),
    stackViolates([projectResource()], missing),
    // Filters: an extra OR branch selects more and counts; an extra AND clause selects less and does not.
    stackPasses([projectResource(), ...others("sqlConfig"), logMetric("sqlConfig", `${cis("sqlConfig")} OR protoPayload.methodName="cloudsql.instances.create"`), alertPolicy("cis-sqlConfig")]),
    stackViolates([projectResource(), ...others("ownership"), logMetric("ownership", `${cis("ownership")} AND severity="NOTICE"`), alertPolicy("cis-ownership")], missing),
    stackViolates([projectResource(), ...others("route"), logMetric("route", 'resource.type="gce_route" AND protoPayload.methodName:"compute.routes.insert"'), alertPolicy("cis-route")], missing),
    // "=" selects fewer entries than CIS's ":" (the methods are v1.compute.firewalls.patch and the like).
    stackViolates([projectResource(), ...others("firewall"), logMetric("firewall", cis("firewall").replace(/methodName:/g, "methodName=")), alertPolicy("cis-firewall")], missing),
    stackPasses([projectResource(), ...others("ownership"), logMetric("ownership", ownershipRetyped), alertPolicy("cis-ownership")]),
    // Lower-case and/or are search terms in the Logging query language, not operators: the filter selects less.
    stackViolates([projectResource(), ...others("storageIam"), logMetric("storageIam", cis("storageIam").replace(" AND ", " and ")), alertPolicy("cis-storageIam")], missing),
    stackViolates([projectResource(), ...others("sqlConfig"), logMetric("sqlConfig", "protoPayload.methodName=(("), alertPolicy("cis-sqlConfig")], missing),
    // The metric itself: disabled, bucket-scoped or in another project does not count.
    stackViolates([projectResource(), ...others("network"), logMetric("network", cis("network"), { disabled: true }), alertPolicy("cis-network")], missing),
    stackViolates([projectResource(), ...others("network"), logMetric("network", cis("network"), { bucketName: `projects/${GCP_PROJECT}/locations/global/buckets/audit` }), alertPolicy("cis-network")], missing),
    stackViolates([projectResource(), ...others("network"), logMetric("network", cis("network"), { project: "other-project" }), alertPolicy("cis-network")], missing),
    // Alerts: none, disabled, on another metric, on a metric whose name only starts the same, or one that fires on silence.
    stackViolates([projectResource(), ...others("customRole"), logMetric("customRole", cis("customRole"))], missing),
    stackViolates([projectResource(), ...others("customRole"), logMetric("customRole", cis("customRole")), alertPolicy("cis-customRole", { enabled: false })], missing),
    stackViolates([projectResource(), ...others("customRole"), logMetric("customRole", cis("customRole")), alertPolicy("cis-route")], missing),
    stackViolates([projectResource(), ...others("customRole"), logMetric("customRole", cis("customRole")), alertPolicy("cis-customRole-old")], missing),
    stackViolates([projectResource(), ...others("customRole"), logMetric("customRole", cis("customRole")), alertPolicy("cis-customRole", { project: "other-project" })], missing),
    stackViolates([projectResource(), ...others("auditConfig"), logMetric("auditConfig", cis("auditConfig")),
        alertPolicy("cis-auditConfig", { conditions: [{ displayName: "silent", conditionAbsent: { filter: 'metric.type="logging.googleapis.com/user/cis-auditConfig"', duration: "300s" } }] })], missing),
    stackPasses([projectResource(), ...others("auditConfig"), logMetric("auditConfig", cis("auditConfig")),
        alertPolicy("one-of", { conditions: [{ displayName: "any", conditionThreshold: { filter: 'metric.type = one_of("logging.googleapis.com/user/cis-auditConfig", "logging.googleapis.com/user/x")', comparison: "COMPARISON_GT", duration: "0s" } }] })]),
    stackPasses([projectResource(), ...others("auditConfig"), logMetric("auditConfig", cis("auditConfig")),
        alertPolicy("mql", { conditions: [{ displayName: "mql", conditionMonitoringQueryLanguage: { query: "fetch global::logging.googleapis.com/user/cis-auditConfig | every 1m | condition val() > 0", duration: "0s" } }] })]),
    stackPasses([projectResource(), ...others("auditConfig"), logMetric("auditConfig", cis("auditConfig")),
        alertPolicy("promql", { conditions: [{ displayName: "promql", conditionPrometheusQueryLanguage: { query: "sum(rate(logging_googleapis_com:user_cis_auditConfig[5m])) > 0" } }] })]),
    // Unknown at preview: that change is undecided, never a violation.
    stackUndecided([projectResource(), ...others("firewall"), logMetric("firewall", unknown), alertPolicy("cis-firewall")], [{ on, fields: "metric.filter" }]),
    stackUndecided([projectResource(), ...others("firewall"), logMetric("firewall", cis("firewall"), { disabled: unknown }), alertPolicy("cis-firewall")], [{ on, fields: "metric.disabled" }]),
    stackUndecided([projectResource(), ...others("firewall"), logMetric("firewall", cis("firewall")), alertPolicy("cis-firewall", { conditions: unknown })], [{ on, fields: "alertPolicy.conditions" }]),
    stackUndecided([projectResource(), ...others("firewall"), logMetric("firewall", cis("firewall")),
        alertPolicy("cis-firewall", { conditions: [{ displayName: "x", conditionThreshold: { filter: unknown, comparison: "COMPARISON_GT", duration: "0s" } }] })], [{ on, fields: "alertPolicy.conditions" }]),
    stackUndecided([projectResource(), ...others("firewall"), logMetric("firewall", cis("firewall")), alertPolicy("cis-firewall", { enabled: unknown })], [{ on, fields: "alertPolicy.enabled" }]),
    stackUndecided([projectResource(), ...others("route"), logMetric("route", cis("route"), { project: unknown }), alertPolicy("cis-route")], [{ on, fields: "metric.project" }]),
    // No project: the provider's default project, which may be this one.
    stackUndecided([projectResource(), ...others("route"), logMetric("route", cis("route"), { project: undefined }), alertPolicy("cis-route")], [{ on, fields: "metric.project" }]),
    stackUndecided([projectResource(), ...others("route"), logMetric("route", cis("route")), alertPolicy("cis-route", { project: undefined })], [{ on, fields: "alertPolicy.project" }]),
    // Knob `required`: only the changes it names.
    stackPasses([projectResource(), logMetric("ownership", cis("ownership")), alertPolicy("cis-ownership")], { required: ["ownership"] }),
    stackViolates([projectResource(), logMetric("ownership", cis("ownership")), alertPolicy("cis-ownership")], missing, { required: ["ownership", "sqlConfig"] }),
    stackPasses([projectResource()], { required: [] }),
    // Knob `monitoringProject`: the metrics and alerts are looked for there, bucket-scoped ones included.
    stackPasses([projectResource(), ...baseline().map(inMonitoring)], { monitoringProject: monitoring }),
    stackPasses([projectResource(), ...baseline(["sqlConfig"]).map(inMonitoring), inMonitoring(logMetric("sqlConfig", cis("sqlConfig"), { bucketName: `projects/${monitoring}/locations/global/buckets/org-audit` })), inMonitoring(alertPolicy("cis-sqlConfig"))], { monitoringProject: monitoring }),
    stackViolates([projectResource(), ...baseline(["route"]).map(inMonitoring)], missing, { monitoringProject: monitoring }),
    stackNotApplicable([projectResource(), ...baseline()], /monitoring project phi-monitoring, which this stack does not manage/, { monitoringProject: monitoring }),
    (() => {
        const central = res(projectResource().type, "monitoring", { ...projectResource().props, projectId: monitoring, name: "Monitoring" });
        return stackViolates([projectResource(), central], [missing[0], { on: "monitoring", code: "missingCisMetricAlerts" }], { monitoringProject: monitoring });
    })(),
    stackMisconfigured([projectResource()], { required: ["owner"] }, "required"),
    stackMisconfigured([projectResource()], { required: "ownership" }, "required"),
    stackMisconfigured([projectResource()], { monitoringProject: "Monitoring_Project" }, "monitoringProject"),
    stackNotApplicable(baseline(), /only applies to resources of type .gcp:organizations\/project:Project/),
    stackGarbage([projectResource(), ...others("ownership"), logMetric("ownership", secret("SECRET"), { name: 42, disabled: "yes", bucketName: ["SECRET"] }),
        alertPolicy("cis-ownership", { enabled: "SECRET", conditions: ["SECRET", { conditionThreshold: "SECRET" }, { conditionThreshold: [{ filter: 7 }] }, null] })]),
    stackGarbage([projectResource(), logMetric("route", ["SECRET"], { project: { id: "SECRET" } }), alertPolicy("cis-route", { conditions: "SECRET", project: 7 })], { monitoringProject: monitoring }),
]);

describe(`${policy} (beyond the table)`, () => {
    const pack = usePack();

    it("names exactly the missing changes and quotes CIS's filter for each", () => {
        const { outcomesByUrn } = stackOutcomesOf(policy, [projectResource(), ...baseline(["route", "sqlConfig"])]);
        const [violation] = [...outcomesByUrn.values()].flat().filter(o => o.kind === "violation");
        assert.ok(violation && violation.kind === "violation");
        assert.match(violation.problem, /2 of the 8 required CIS changes/);
        assert.match(violation.problem, /route \(CIS 2\.8, VPC route changes: no metric\); sqlConfig \(CIS 2\.11, Cloud SQL instance configuration changes: no metric\)$/);
        assert.ok(violation.fix.includes(`route: ${cis("route")}; sqlConfig: ${cis("sqlConfig")}`), violation.fix);
        assert.ok(!/ownership|firewall/.test(violation.problem));
    });

    it("tells a metric without an alert from no metric", () => {
        const { outcomesByUrn } = stackOutcomesOf(policy, [projectResource(), ...others("network"), logMetric("network", cis("network"))]);
        const problems = [...outcomesByUrn.values()].flat().flatMap(o => (o.kind === "violation" ? [o.problem] : []));
        assert.deepStrictEqual(problems.length, 1);
        assert.match(problems[0], /network \(CIS 2\.9, VPC network changes: a metric but no enabled alert policy on it\)$/);
    });

    it("reports what it can decide and leaves the rest undecided", () => {
        // A filter unknown at preview may be any change's, so it would leave every missing change undecided; an unknown `enabled` only the metric's own.
        const { outcomesByUrn } = stackOutcomesOf(policy, [projectResource(), ...baseline(["firewall", "route"]), logMetric("firewall", cis("firewall")), alertPolicy("cis-firewall", { enabled: unknown })]);
        const outcomes = [...outcomesByUrn.values()].flat();
        assert.deepStrictEqual(outcomes.map(o => (o.kind === "violation" ? o.code : o.kind === "undecided" ? o.field : o.kind)), ["alertPolicy.enabled", "missingCisMetricAlerts"]);
        assert.match(outcomes[1].kind === "violation" ? outcomes[1].problem : "", /1 of the 8 required CIS changes have .*: route \(/);
    });

    it("publishes its knob schema (the generic metadata is checked for every policy in tests/metadata.test.ts)", () => {
        const p = pack.info.policies.find(x => x.name === policy)!;
        assert.ok(p.tags.includes("hitrust:1202.09aa1") && p.tags.includes("hitrust:1270.09ad1"));
        assert.deepStrictEqual(p.configSchema?.properties.required, {
            type: "array",
            items: { type: "string", pattern: "^(ownership|auditConfig|customRole|firewall|route|network|storageIam|sqlConfig)$" },
            uniqueItems: true,
            maxItems: 8,
            default: ["ownership", "auditConfig", "customRole", "firewall", "route", "network", "storageIam", "sqlConfig"],
            description: "The CIS GCP 2.4–2.11 changes that need a metric and an alert: any of ownership, auditConfig, customRole, firewall, route, network, storageIam, sqlConfig (default: all eight).",
        });
        assert.deepStrictEqual(p.configSchema?.properties.monitoringProject, {
            type: "string",
            pattern: "^(([a-z][a-z0-9.-]*[a-z0-9]:)?[a-z][a-z0-9-]{4,28}[a-z0-9])?$",
            maxLength: 100,
            default: "",
            description: "Project id of the central monitoring project that holds the metrics and alerts (fed by an aggregated sink). Empty: each created project holds its own.",
        });
    });
});
