import { bucket } from "../../factories";
import { unknown, usePack } from "../../pack";
import { expectStack, res } from "../stack-checks";

const policy = "gcp-storage-access-logging";
const T = "gcp:storage/bucket:Bucket";
const props = (changes: Record<string, unknown>) => ({ ...bucket().props, ...changes });
const field = "logging.logBucket";

describe(policy, () => {
    const pack = usePack();

    it("passes a bucket logging to another bucket; the log bucket itself is exempt (by dependency)", async () => {
        const logs = res(T, "logs", props({ name: unknown, logging: undefined }));
        const phi = res(T, "phi", props({ name: unknown, logging: { logBucket: unknown } }), { logging: [logs] });
        await expectStack(pack, policy, [logs, phi], {});
    });

    it("exempts the log bucket by its literal name, and reports a bucket with no logging", async () => {
        const logs = res(T, "logs", props({ name: "phi-access-logs", logging: undefined }));
        const phi = res(T, "phi", props({ logging: { logBucket: "phi-access-logs" } }));
        const other = res(T, "other", props({ name: "other", logging: undefined }));
        await expectStack(pack, policy, [logs, phi, other], { other: [{ code: "notSet", field: "logging" }] });
    });

    it("reports a bucket logging to itself, by name or by dependency", async () => {
        const self = res(T, "self", props({ name: "phi-records", logging: { logBucket: "phi-records" } }));
        await expectStack(pack, policy, [self], { self: [{ code: "logsToItself", field }] });
    });

    it("reports an empty log bucket (a stack export's unset), and a wrong type", async () => {
        const empty = res(T, "empty", props({ logging: [{ logBucket: "", logObjectPrefix: "" }] }));
        const wrong = res(T, "wrong", props({ logging: "phi-access-logs" }));
        const wrongName = res(T, "wrongName", props({ logging: { logBucket: 7 } }));
        await expectStack(pack, policy, [empty, wrong, wrongName], {
            empty: [{ code: "notSet", field: "logging" }],
            wrong: [{ code: "wrongType", field: "logging" }],
            wrongName: [{ code: "wrongType", field }],
        });
    });

    it("a log bucket name unknown at preview is set; a bucket without logging is undecided while it may be that target", async () => {
        const logs = res(T, "logs", props({ name: unknown, logging: undefined }));
        const phi = res(T, "phi", props({ logging: { logBucket: unknown } }));
        await expectStack(pack, policy, [logs, phi], { logs: "undecided" });
        await expectStack(pack, policy, [res(T, "block", props({ logging: unknown }))], { block: "undecided" });
    });

    it("survives garbage without echoing a secret", async () => {
        const junk = res(T, "junk", { name: { SECRET: 1 }, logging: [{ logBucket: ["SECRET"] }] });
        await expectStack(pack, policy, [junk], { junk: [{ code: "wrongType", field }] });
    });
});
