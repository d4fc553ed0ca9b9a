import { isOutcome, pass, violation } from "../../lib/outcome";
import { defineResourcePolicy } from "../../lib/policy";
import { patchBlock } from "../../lib/rules";
import { metadataBoolean, metadataValues, vmTypes } from "./facts";

const key = "serial-port-enable";
const field = `metadata["${key}"]`;

export default defineResourcePolicy({
    name: "gcp-compute-serial-port",
    description: "Compute Engine VMs do not accept interactive serial console connections.",
    severity: "high",
    types: vmTypes,
    hipaa: ["164.312(a)(1)"],
    hitrust: ["01.l"],
    tags: ["gcp", "compute", "access-control"],
    anchors: { gcp: ["gcp-compute-07"], checkov: ["CKV_GCP_35"] },
    remediation:
        "Remove `serial-port-enable` from the instance or template `metadata`, or set it to `\"FALSE\"`. The serial console accepts connections " +
        "from any network, bypassing firewall rules; use OS Login over SSH through IAP instead, and enforce `constraints/compute.disableSerialPortAccess`.",
    check: r => {
        const fix = `remove ${field} or set it to "FALSE"`;
        const values = metadataValues(r.props, key, fix);
        if (isOutcome(values)) return values;
        for (const value of values) {
            const parsed = metadataBoolean(value);
            if (parsed === true) return violation({ code: "notAllowed", field, problem: `${field} is true, so the interactive serial console accepts connections`, fix });
            // Fail closed: a value the pack cannot read as false might be read as true.
            if (parsed === undefined) return violation({ code: "unrecognised", field, problem: `${field} is not a value Compute Engine reads as false`, fix });
        }
        return pass;
    },
    // Only keys read as true are switched off; the rest of the map (startup scripts, secrets,
    // values unknown at preview) is kept as it came, and a value the pack cannot read is left alone.
    remediate: r =>
        patchBlock(r.props, "metadata", map =>
            Object.fromEntries(map.keys().filter(k => k.toLowerCase() === key && metadataBoolean(map.raw(k)) === true).map(k => [k, "FALSE"])),
        ),
});
