import * as assert from "assert";
import { sqlInstance } from "../../factories";
import { secret, unknown, usePack } from "../../pack";
import { expectStack, res } from "../stack-checks";

const policy = "gcp-sql-root-user";
const U = "gcp:sql/user:User";
const I = "gcp:sql/databaseInstance:DatabaseInstance";
const mysql = (name = "db", changes: Record<string, unknown> = {}) => res(I, name, { ...sqlInstance().props, name: "phi-mysql", databaseVersion: "MYSQL_8_0", ...changes });
const userOn = (name: string, props: Record<string, unknown>, deps = {}) => res(U, name, { instance: "phi-mysql", password: secret("SECRET-pw"), ...props }, deps);

describe(policy, () => {
    const pack = usePack();

    it("reports root with host % (whatever the instance) and root with no host on a MySQL instance", async () => {
        await expectStack(pack, policy, [mysql(), userOn("anyHost", { name: "root", host: "%" }), userOn("noHost", { name: "root" }), userOn("emptyHost", { name: "root", host: "" })], {
            anyHost: [{ code: "rootFromAnyHost", field: "host" }],
            noHost: [{ code: "rootFromAnyHost", field: "host" }],
            emptyHost: [{ code: "rootFromAnyHost", field: "host" }],
        });
    });

    it("passes root restricted to a host or the Auth Proxy, other users, and root on PostgreSQL (by dependency)", async () => {
        const pg = res(I, "pg", { ...sqlInstance().props, name: unknown });
        await expectStack(pack, policy, [
            mysql(),
            pg,
            userOn("proxy", { name: "root", host: "cloudsqlproxy~%" }),
            userOn("admin", { name: "alice", host: "%" }),
            userOn("pgRoot", { name: "root", instance: unknown }, { instance: [pg] }),
        ], {});
    });

    it("is undecided when the name, the host or the instance is unknown at preview, and leaves an instance managed elsewhere to where it is defined", async () => {
        await expectStack(pack, policy, [userOn("n", { name: unknown, host: "%" }), userOn("h", { name: "root", host: unknown }), userOn("i", { name: "root", instance: unknown })], {
            n: "undecided",
            h: "undecided",
            i: "undecided",
        });
        const result = await pack.analyzeStack([userOn("elsewhere", { name: "root", instance: "shared-mysql" })]);
        const na = result.notApplicable.find(n => n.policyName === policy);
        assert.ok(na && /not created by this stack/.test(na.reason), JSON.stringify(result));
    });

    it("survives garbage without echoing a secret", async () => {
        await expectStack(pack, policy, [mysql("db", { databaseVersion: { SECRET: 1 } }), userOn("junk", { name: ["root"], host: secret("SECRET") }), userOn("junkHost", { name: "root", host: 7 })], {
            junk: [{ code: "wrongType", field: "name" }],
            junkHost: [{ code: "wrongType", field: "host" }],
        });
    });
});
