// Issue 12: gcp-compute-public-ip on VMs built from a template or machine image and on
// outputs-shaped instances (the provider reports empty access config lists).

import { garbage, notApplicable, passes, policyCases, undecided, violates } from "../../cases";
import { unknown } from "../../../tools/lib/analyzer-client";
import { fromImage, fromTemplate, stateFromImage, stateFromTemplate, stateInstance, stateInstanceRecorded } from "./issue-12-fixtures";

const nic = (stateInstanceRecorded.networkInterfaces as Record<string, unknown>[])[0];

policyCases("gcp-compute-public-ip", [
    passes(stateInstance()),
    passes(stateFromTemplate()),
    passes(stateFromImage()),
    violates(stateInstance({ networkInterfaces: [{ ...nic, accessConfigs: [{ natIp: "203.0.113.7", networkTier: "PREMIUM", publicPtrDomainName: "" }] }] }), { code: "externalAddress", field: "networkInterfaces[0].accessConfigs" }),
    notApplicable(fromTemplate(), /networkInterfaces comes from the VM's sourceInstanceTemplate/),
    notApplicable(fromImage(), /networkInterfaces comes from the VM's sourceMachineImage/),
    passes(fromTemplate({ networkInterfaces: [{ subnetwork: "phi-subnet" }] })),
    violates(fromTemplate({ networkInterfaces: [{ subnetwork: "s", accessConfigs: [{}] }] }), { code: "externalAddress", field: "networkInterfaces[0].accessConfigs" }),
    violates(fromImage({ networkInterfaces: [{ subnetwork: "s", ipv6AccessConfigs: [{ networkTier: "PREMIUM" }] }] }), { code: "externalAddress", field: "networkInterfaces[0].ipv6AccessConfigs" }),
    undecided(fromTemplate({ networkInterfaces: unknown }), "networkInterfaces"),
    garbage(fromTemplate({ networkInterfaces: "SECRET" })),
]);
