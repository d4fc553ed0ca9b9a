import { garbage, passes, policyCases, remediates, undecided, violates } from "../../cases";
import { sqlInstance, sqlInstanceOutputs, sqlSettings } from "../../factories";
import { secret, unknown } from "../../../tools/lib/analyzer-client";

const field = "settings.deletionProtectionEnabled";
const protection = (deletionProtectionEnabled: unknown) => ({ settings: sqlSettings({ deletionProtectionEnabled }) });

policyCases("gcp-sql-deletion-protection", [
    passes(sqlInstance()),
    violates(sqlInstance(protection(undefined)), { code: "absentDefault", field }),
    violates(sqlInstance(protection(false)), { code: "notAllowed", field }),
    // The provider-only flag protects nothing outside Pulumi.
    violates(sqlInstance({ deletionProtection: true, ...protection(undefined) }), { code: "absentDefault", field }),
    violates(sqlInstance(protection("true")), { code: "wrongType", field }),
    undecided(sqlInstance(protection(unknown)), field),
    passes(sqlInstanceOutputs()),
    violates(sqlInstanceOutputs({ deletionProtectionEnabled: false }), { code: "notAllowed", field }),
    garbage(sqlInstance(protection({ SECRET: secret("SECRET") }))),
    remediates(sqlInstance(protection(undefined)), { settings: sqlSettings({ deletionProtectionEnabled: true }) }),
    remediates(sqlInstance(protection(false)), { settings: sqlSettings({ deletionProtectionEnabled: true }) }),
    remediates(sqlInstance(protection(unknown)), "nothing"),
    remediates(sqlInstance({ settings: undefined }), "nothing"),
    // A stack export's one-element list is left as it is.
    remediates(sqlInstanceOutputs({ deletionProtectionEnabled: false }), "nothing"),
]);
