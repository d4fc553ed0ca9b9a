import { isOutcome, pass, violation } from "../../lib/outcome";
import { defineResourcePolicy } from "../../lib/policy";
import { blockOf, oneOf } from "../../lib/rules";
import { cluster, managedOnAutopilot, releaseChannels } from "./facts";

const fix = 'set releaseChannel: { channel: "REGULAR" } (or "STABLE")';

export default defineResourcePolicy({
    name: "gcp-gke-release-channel",
    description: "GKE clusters are enrolled in a release channel, so Google keeps the control plane and nodes on supported, patched versions.",
    severity: "medium",
    types: [cluster],
    hipaa: ["164.308(a)(1)(ii)(B)", "164.308(a)(5)(ii)(B)"],
    hitrust: ["0706.10b1"],
    tags: ["gcp", "gke", "vulnerability-management"],
    anchors: { gcp: ["gcp-gke-12"], checkov: ["CKV_GCP_70"] },
    remediation:
        "Set `releaseChannel: { channel: \"REGULAR\" }` (or `STABLE`, `RAPID`, `EXTENDED`) on the `gcp.container.Cluster`; never `UNSPECIFIED`, which opts the cluster out. " +
        "An omitted block leaves GKE's default: new Standard clusters are enrolled in a channel.",
    check: r => {
        const managed = managedOnAutopilot(r, "release channel enrolment, which is required");
        if (managed) return managed;
        const read = r.props.single("releaseChannel");
        const block = blockOf(read, { path: "releaseChannel", fix });
        if (isOutcome(block)) return block;
        if (read.state === "absent") return pass;
        const channel = block.string("channel");
        const outcome = oneOf(channel.state === "known" ? { state: "known", value: channel.value.trim().toUpperCase() } : channel, {
            path: "releaseChannel.channel",
            allowed: releaseChannels.filter(c => c !== "UNSPECIFIED"),
            known: releaseChannels,
            absentMeans: "UNSPECIFIED",
            fix,
        });
        return outcome.kind === "violation" && outcome.code === "notAllowed"
            ? violation({ code: "noChannel", field: "releaseChannel.channel", problem: 'releaseChannel.channel is "UNSPECIFIED", so the cluster is not enrolled in a release channel', fix })
            : outcome;
    },
    noAutoRemediation: "which channel suits the workload (how fast it takes new versions) is a person's choice",
});
