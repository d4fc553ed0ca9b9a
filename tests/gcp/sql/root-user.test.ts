import { stackCases, stackNotApplicable, stackPasses, stackUndecided, stackViolates } from "../../cases";
import { res, sqlInstance } from "../../factories";
import { secret, unknown } from "../../pack";

const policy = "gcp-sql-root-user";
const U = "gcp:sql/user:User";
const I = "gcp:sql/databaseInstance:DatabaseInstance";
const mysql = (name = "db", changes: Record<string, unknown> = {}) => res(I, name, { ...sqlInstance().props, name: "phi-mysql", databaseVersion: "MYSQL_8_0", ...changes });
const userOn = (name: string, props: Record<string, unknown>, deps = {}) => res(U, name, { instance: "phi-mysql", password: secret("SECRET-pw"), ...props }, deps);

const pg = res(I, "pg", { ...sqlInstance().props, name: unknown });
const anyHost = { code: "rootFromAnyHost", field: "host" };

stackCases(policy, [
    // Root with host % (whatever the instance), and root with no host on a MySQL instance.
    stackViolates([mysql(), userOn("anyHost", { name: "root", host: "%" }), userOn("noHost", { name: "root" }), userOn("emptyHost", { name: "root", host: "" })], [
        { on: "anyHost", ...anyHost },
        { on: "noHost", ...anyHost },
        { on: "emptyHost", ...anyHost },
    ]),
    // Root restricted to a host or the Auth Proxy, other users, and root on PostgreSQL (by dependency).
    stackPasses([mysql(), pg, userOn("proxy", { name: "root", host: "cloudsqlproxy~%" }), userOn("admin", { name: "alice", host: "%" }), userOn("pgRoot", { name: "root", instance: unknown }, { instance: [pg] })]),
    // Undecided when the name, the host or the instance is unknown at preview; an instance managed elsewhere is left to where it is defined.
    stackUndecided([userOn("n", { name: unknown, host: "%" }), userOn("h", { name: "root", host: unknown }), userOn("i", { name: "root", instance: unknown })], [
        { on: "n", fields: "name" },
        { on: "h", fields: "host" },
        { on: "i", fields: "instance" },
    ]),
    stackNotApplicable([userOn("elsewhere", { name: "root", instance: "shared-mysql" })], /not created by this stack/),
    // Garbage is a clean finding, and no secret is echoed.
    stackViolates([mysql("db", { databaseVersion: { SECRET: 1 } }), userOn("junk", { name: ["root"], host: secret("SECRET") }), userOn("junkHost", { name: "root", host: 7 })], [
        { on: "junk", code: "wrongType", field: "name" },
        { on: "junkHost", code: "wrongType", field: "host" },
    ]),
]);
