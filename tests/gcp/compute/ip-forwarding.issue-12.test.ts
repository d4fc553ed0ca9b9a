// Issue 12: gcp-compute-ip-forwarding on VMs built from a template or machine image (an unset
// canIpForward is the source's, not false) and on outputs-shaped instances.

import { garbage, notApplicable, passes, policyCases, undecided, violates } from "../../cases";
import { unknown } from "../../../tools/lib/analyzer-client";
import { fromImage, fromTemplate, stateFromImage, stateFromTemplate, stateInstance } from "./issue-12-fixtures";

policyCases("gcp-compute-ip-forwarding", [
    passes(stateInstance()),
    passes(stateFromTemplate()),
    passes(stateFromImage()),
    violates(stateFromTemplate({ canIpForward: true }), { code: "notAllowed", field: "canIpForward" }),
    notApplicable(fromTemplate(), /canIpForward comes from the VM's sourceInstanceTemplate/),
    notApplicable(fromImage(), /canIpForward comes from the VM's sourceMachineImage/),
    passes(fromTemplate({ canIpForward: false })),
    violates(fromTemplate({ canIpForward: true }), { code: "notAllowed", field: "canIpForward" }),
    violates(fromImage({ canIpForward: true }), { code: "notAllowed", field: "canIpForward" }),
    undecided(fromTemplate({ canIpForward: unknown }), "canIpForward"),
    violates(fromTemplate({ canIpForward: "false" }), { code: "wrongType", field: "canIpForward" }),
    garbage(fromImage({ canIpForward: { SECRET: true } })),
]);
