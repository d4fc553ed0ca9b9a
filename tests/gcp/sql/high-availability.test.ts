import { garbage, passes, policyCases, remediates, undecided, violates } from "../../cases";
import { sqlInstance, sqlInstanceOutputs, sqlSettings } from "../../factories";
import { secret, unknown } from "../../../tools/lib/analyzer-client";

const field = "settings.availabilityType";
const availability = (availabilityType: unknown) => ({ settings: sqlSettings({ availabilityType }) });

policyCases("gcp-sql-high-availability", [
    passes(sqlInstance()),
    violates(sqlInstance(availability(undefined)), { code: "absentDefault", field }),
    violates(sqlInstance(availability("ZONAL")), { code: "notAllowed", field }),
    violates(sqlInstance(availability("regional")), { code: "unrecognised", field }),
    violates(sqlInstance(availability(2)), { code: "wrongType", field }),
    undecided(sqlInstance(availability(unknown)), field),
    passes(sqlInstanceOutputs()),
    violates(sqlInstanceOutputs({ availabilityType: "ZONAL" }), { code: "notAllowed", field }),
    violates(sqlInstanceOutputs({ availabilityType: "" }), { code: "absentDefault", field }),
    garbage(sqlInstance(availability(secret("SECRET")))),
    remediates(sqlInstance(availability("ZONAL")), "nothing"),
]);
