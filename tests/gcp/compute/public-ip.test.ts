import { garbage, noAutoRemediation, notApplicable, passes, policyCases, undecided, violates } from "../../cases";
import { computeGarbage, computeSecrets, instance, instanceOutputs, instanceTemplate, instanceTemplateOutputs, vms } from "../../factories";
import { unknown } from "../../../tools/lib/analyzer-client";
import { fromImage, fromTemplate, stateFromImage, stateFromTemplate, stateInstance, stateInstanceRecorded } from "./fixtures";

const policy = "gcp-compute-public-ip";
const externalAddress = "externalAddress";
const nicOutputs = (instanceOutputs().props.networkInterfaces as Record<string, unknown>[])[0];

policyCases(policy, [
    ...vms().map(r => passes(r)),
    // An external IPv4 address, even from an empty access config.
    ...[[{}], [{ natIp: "203.0.113.7" }], [{ networkTier: "PREMIUM" }], [unknown]].flatMap(accessConfigs =>
        vms({ networkInterfaces: [{ subnetwork: "s", accessConfigs }] }).map(r => violates(r, { code: externalAddress, field: "networkInterfaces[0].accessConfigs" })),
    ),
    // An external IPv6 address, on any interface.
    violates(instance({ networkInterfaces: [{ subnetwork: "a" }, { subnetwork: "b", stackType: "IPV4_IPV6", ipv6AccessConfigs: [{ networkTier: "PREMIUM" }] }] }), {
        code: externalAddress,
        field: "networkInterfaces[1].ipv6AccessConfigs",
    }),
    violates(instance({ networkInterfaces: [{ accessConfigs: [{}], ipv6AccessConfigs: [{}] }] }), [
        { code: externalAddress, field: "networkInterfaces[0].accessConfigs" },
        { code: externalAddress, field: "networkInterfaces[0].ipv6AccessConfigs" },
    ]),
    passes(instance({ networkInterfaces: [{ subnetwork: "s", accessConfigs: [], ipv6AccessConfigs: [null] }] })),
    passes(instanceTemplate({ networkInterfaces: undefined })),
    undecided(instance({ networkInterfaces: unknown }), "networkInterfaces"),
    undecided(instance({ networkInterfaces: [unknown] }), "networkInterfaces[0]"),
    undecided(instance({ networkInterfaces: [{ accessConfigs: unknown }] }), "networkInterfaces[0].accessConfigs"),
    violates(instance({ networkInterfaces: [{ accessConfigs: "none" }] }), { code: "wrongType", field: "networkInterfaces[0].accessConfigs" }),
    violates(instance({ networkInterfaces: { subnetwork: "s" } }), { code: "wrongType", field: "networkInterfaces" }),
    ...computeGarbage.flatMap(props => vms(props).map(r => garbage(r, undefined, computeSecrets))),
    noAutoRemediation(instance({ networkInterfaces: [{ accessConfigs: [{}] }] })),
    // Outputs-shaped (state, `pulumi stack export`): provider defaults filled in, "" for unset strings.
    passes(instanceOutputs()),
    passes(instanceTemplateOutputs()),
    violates(instanceOutputs({ networkInterfaces: [{ ...nicOutputs, accessConfigs: [{ natIp: "34.1.2.3", networkTier: "PREMIUM", publicPtrDomainName: "" }] }] }), { code: externalAddress, field: "networkInterfaces[0].accessConfigs" }),
]);

// Templates, machine images, project metadata and outputs: gcp-compute-public-ip on VMs built from a template or machine image and on
// outputs-shaped instances (the provider reports empty access config lists).


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
