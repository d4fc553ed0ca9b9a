import { isOutcome, Outcome, pass } from "../../lib/outcome";
import { defineResourcePolicy, Resource } from "../../lib/policy";
import { patchBlock } from "../../lib/rules";
import { inherited, inheritedKey, itemAsMetadata, metadataBoolean, metadataMustNotBeTrue, projectMetadata, projectMetadataItem, vmTypes } from "./facts";

const key = "serial-port-enable";
const vmWhat = "the interactive serial console accepts connections";
const projectWhat = "the interactive serial console accepts connections to every VM in the project that does not set it";

function projectSerialPort(r: Resource): Outcome {
    if (r.type === projectMetadata) return metadataMustNotBeTrue(r.props, key, { what: projectWhat });
    const item = itemAsMetadata(r.props, key);
    if (item === undefined) return pass;
    return isOutcome(item) ? item : metadataMustNotBeTrue(item, key, { what: projectWhat, path: "value" });
}

export default defineResourcePolicy({
    name: "gcp-compute-serial-port",
    description: "Compute Engine VMs do not accept interactive serial console connections, and project metadata does not turn it on.",
    severity: "high",
    types: [...vmTypes, projectMetadata, projectMetadataItem],
    hipaa: ["164.312(a)(1)"],
    hitrust: ["01.l"],
    tags: ["gcp", "compute", "access-control"],
    anchors: { gcp: ["gcp-compute-07"], checkov: ["CKV_GCP_35"] },
    remediation:
        "Remove `serial-port-enable` from the instance or template `metadata`, or set it to `\"FALSE\"`. The serial console accepts connections " +
        "from any network, bypassing firewall rules; use OS Login over SSH through IAP instead, and enforce `constraints/compute.disableSerialPortAccess`. " +
        "Project metadata (`gcp.compute.ProjectMetadata` `metadata`, or a `gcp.compute.ProjectMetadataItem` with `key: \"serial-port-enable\"`) turns it on " +
        "for every VM that does not set it: remove it there too. Metadata keys are case-sensitive; only `serial-port-enable` counts.",
    check: r => {
        if (r.type === projectMetadata || r.type === projectMetadataItem) return projectSerialPort(r);
        const fromSource = inherited(r, "metadata");
        if (fromSource) return fromSource;
        // A template-built VM's metadata map may be merged with its source's: a key it leaves out is inherited.
        return metadataMustNotBeTrue(r.props, key, { what: vmWhat, absent: inheritedKey(r, key) });
    },
    // Only the key read as true is switched off; the rest of the map (startup scripts, secrets,
    // values unknown at preview) is kept as it came, and a value the pack cannot read is left alone.
    remediate: r => {
        if (r.type === projectMetadataItem) {
            const read = r.props.string("key");
            return read.state === "known" && read.value === key && metadataBoolean(r.props.raw("value")) === true && !r.props.isSecret("value") ? { value: "FALSE" } : {};
        }
        return patchBlock(r.props, "metadata", map => (metadataBoolean(map.raw(key)) === true ? { [key]: "FALSE" } : {}));
    },
});
