// The Logging query language reader behind gcp-logging-cis-metric-alerts: its structure follows
// the language's precedence, and "selects at least" never holds for a filter that can select less.

import * as assert from "assert";
import { cisChanges, cisMetricFilters } from "../../../policies/gcp/logging/facts";
import { parseQuery, selectsAtLeast } from "../../../policies/gcp/logging/query";

const sql = 'protoPayload.methodName="cloudsql.instances.update"';

describe("Logging query language (policies/gcp/logging/query.ts)", () => {
    it("binds OR tighter than AND, and ANDs terms side by side", () => {
        assert.deepStrictEqual(parseQuery('a OR NOT b AND NOT c OR d'), {
            k: "and",
            items: [{ k: "or", items: [{ k: "term", value: "a" }, { k: "not", item: { k: "term", value: "b" } }] }, { k: "or", items: [{ k: "not", item: { k: "term", value: "c" } }, { k: "term", value: "d" }] }],
        });
        assert.deepStrictEqual(parseQuery('resource.type=gce_route severity>=ERROR'), {
            k: "and",
            items: [{ k: "cmp", field: "resource.type", op: "=", value: "gce_route" }, { k: "cmp", field: "severity", op: ">=", value: "error" }],
        });
    });

    it("reads a value list as one comparison per value, a leading - as NOT, and skips comments", () => {
        assert.deepStrictEqual(parseQuery('resource.type = ("gce_route" OR "gce_network") -- the two'), {
            k: "or",
            items: [{ k: "cmp", field: "resource.type", op: "=", value: "gce_route" }, { k: "cmp", field: "resource.type", op: "=", value: "gce_network" }],
        });
        assert.deepStrictEqual(parseQuery('-severity=DEBUG'), { k: "not", item: { k: "cmp", field: "severity", op: "=", value: "debug" } });
        assert.deepStrictEqual(parseQuery('severity=-1'), { k: "cmp", field: "severity", op: "=", value: "-1" });
    });

    it("reads nothing it cannot parse", () => {
        for (const bad of ["", "   ", "(a", "a)", 'a="b', "a = ", "= b", "AND"]) assert.strictEqual(parseQuery(bad), undefined, bad);
    });

    it("accepts wider filters: extra OR branches, : for =, other quoting, case and spacing", () => {
        assert.ok(selectsAtLeast(`${sql} OR protoPayload.methodName="cloudsql.instances.create"`, sql));
        assert.ok(selectsAtLeast('protoPayload.methodName : "CLOUDSQL.instances.update"', sql));
        assert.ok(selectsAtLeast("protoPayload.methodName='cloudsql.instances.update'", sql));
        assert.ok(selectsAtLeast('resource.type="x" AND protoPayload.methodName:"compute.routes.insert"', 'resource.type="x" AND protoPayload.methodName="compute.routes.insert"'));
        assert.ok(selectsAtLeast('log_id("cloudaudit.googleapis.com/activity") OR protoPayload.methodName=cloudsql.instances.update', sql));
    });

    it("refuses narrower or unreadable filters", () => {
        assert.ok(!selectsAtLeast(`${sql} AND severity="NOTICE"`, sql));
        assert.ok(!selectsAtLeast(`${sql} and severity="NOTICE"`, sql), "lower-case and is a search term");
        assert.ok(!selectsAtLeast('protoPayload.methodName="cloudsql.instances.update.x"', sql));
        assert.ok(!selectsAtLeast(`NOT ${sql}`, sql));
        assert.ok(!selectsAtLeast('resource.type="x" AND protoPayload.methodName="compute.routes.insert"', 'resource.type="x" AND protoPayload.methodName:"compute.routes.insert"'), "= selects less than :");
        assert.ok(!selectsAtLeast(`(${sql}`, sql));
    });

    it("handles negation by its inverse", () => {
        assert.ok(selectsAtLeast("NOT severity=DEBUG", "NOT severity=DEBUG AND a"));
        assert.ok(selectsAtLeast("NOT (a AND b)", "NOT a"));
        assert.ok(!selectsAtLeast("NOT a", "NOT (a AND b)"));
    });
});

describe("CIS GCP 2.4–2.11 filters (policies/gcp/logging/facts.ts)", () => {
    it("parse, and each selects at least itself and none of the others", () => {
        for (const c of cisChanges) {
            assert.ok(parseQuery(cisMetricFilters[c].filter), c);
            for (const other of cisChanges) assert.strictEqual(selectsAtLeast(cisMetricFilters[c].filter, cisMetricFilters[other].filter), c === other, `${c} vs ${other}`);
        }
    });
});
