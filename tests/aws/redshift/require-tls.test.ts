import * as assert from "assert";
import { secret, unknown } from "../../../tools/lib/analyzer-client";
import { redshiftCluster } from "../../factories";
import { usePack } from "../../pack";
import { res, verdict } from "../../stacks";

const policy = "aws-redshift-require-tls";
const GROUP = "aws:redshift/parameterGroup:ParameterGroup";

const group = (parameters: unknown, name = "phi-warehouse-tls") => res(GROUP, name, { name, family: "redshift-1.0", parameters });
const clusterOf = (props: Record<string, unknown>, deps: Record<string, ReturnType<typeof group>[]> = {}) =>
    res(redshiftCluster().type, "phi-warehouse", { ...redshiftCluster().props, ...props }, deps);

describe(policy, () => {
    const pack = usePack();

    it("passes a cluster whose in-stack parameter group sets require_ssl true, by name or by dependency", async () => {
        const g = group([{ name: "require_ssl", value: "true" }, { name: "enable_user_activity_logging", value: "true" }]);
        assert.deepStrictEqual(await verdict(pack, policy, [g, clusterOf({})]), { violations: [], undecided: [] });
        assert.deepStrictEqual(await verdict(pack, policy, [g, clusterOf({ clusterParameterGroupName: unknown }, { clusterParameterGroupName: [g] })]), { violations: [], undecided: [] });
        assert.deepStrictEqual(await verdict(pack, policy, [group([{ name: "REQUIRE_SSL", value: "TRUE" }]), clusterOf({})]), { violations: [], undecided: [] });
    });

    it("reports the default parameter group on the cluster", async () => {
        const c = clusterOf({ clusterParameterGroupName: undefined });
        assert.deepStrictEqual(await verdict(pack, policy, [c]), { violations: [{ urn: c.urn!, code: "defaultParameterGroup" }], undecided: [] });
        const d = clusterOf({ clusterParameterGroupName: "default.redshift-1.0" });
        assert.deepStrictEqual(await verdict(pack, policy, [d]), { violations: [{ urn: d.urn!, code: "defaultParameterGroup" }], undecided: [] });
    });

    it("reports require_ssl off or missing on the parameter group", async () => {
        const off = group([{ name: "require_ssl", value: "false" }]);
        assert.deepStrictEqual(await verdict(pack, policy, [off, clusterOf({})]), { violations: [{ urn: off.urn!, code: "notAllowed" }], undecided: [] });
        const missing = group([{ name: "enable_user_activity_logging", value: "true" }]);
        assert.deepStrictEqual(await verdict(pack, policy, [missing, clusterOf({})]), { violations: [{ urn: missing.urn!, code: "absentDefault" }], undecided: [] });
        const none = group(undefined);
        assert.deepStrictEqual(await verdict(pack, policy, [none, clusterOf({})]), { violations: [{ urn: none.urn!, code: "absentDefault" }], undecided: [] });
        const wrong = group("require_ssl=true");
        assert.deepStrictEqual(await verdict(pack, policy, [wrong, clusterOf({})]), { violations: [{ urn: wrong.urn!, code: "wrongType" }], undecided: [] });
    });

    it("is undecided on unknown names or values, and does not apply to a group managed elsewhere", async () => {
        const g = group([{ name: "require_ssl", value: unknown }]);
        assert.deepStrictEqual(await verdict(pack, policy, [g, clusterOf({})]), { violations: [], undecided: [g.urn!] });
        const c = clusterOf({ clusterParameterGroupName: unknown });
        assert.deepStrictEqual(await verdict(pack, policy, [c]), { violations: [], undecided: [c.urn!] });
        assert.deepStrictEqual(await verdict(pack, policy, [clusterOf({ clusterParameterGroupName: "shared-tls-group" })]), { violations: [], undecided: [] });
    });

    it("survives garbage without echoing secrets", async () => {
        const g = group([null, 5, { name: secret("SECRET"), value: { SECRET: 1 } }, { name: "require_ssl", value: secret("SECRET") }]);
        const v = await verdict(pack, policy, [g, clusterOf({ clusterParameterGroupName: "phi-warehouse-tls" })]);
        assert.deepStrictEqual(v, { violations: [{ urn: g.urn!, code: "notAllowed" }], undecided: [] });
    });
});
