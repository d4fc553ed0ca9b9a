import { isOutcome, Outcome, pass, violation } from "../../lib/outcome";
import { defineResourcePolicy } from "../../lib/policy";
import { isTrue, patchBlock, valueOf } from "../../lib/rules";
import { backendTypes, logEnable, logSampleRate } from "./facts";

const fix = "set logConfig: { enable: true, sampleRate: 1 }";
const ratePath = `logConfig.${logSampleRate.field}`;

export default defineResourcePolicy({
    name: "gcp-loadbalancing-backend-logging",
    description: "Load balancer backend services log the requests they serve (logConfig.enable, with a sample rate above 0).",
    severity: "medium",
    types: backendTypes,
    hipaa: ["164.312(b)"],
    hitrust: ["1202.09aa1", "1203.09aa1"],
    tags: ["gcp", "loadbalancing", "logging"],
    anchors: { gcp: ["gcp-load-balancing-01"] },
    remediation:
        "Set `logConfig: { enable: true, sampleRate: 1 }` on the `gcp.compute.BackendService` / `gcp.compute.RegionBackendService` (`enable` defaults to false; `sampleRate` to 1.0, and 0 logs nothing).",
    check: r => {
        const block = valueOf(r.props.single("logConfig"), { path: "logConfig", expected: "a block", fix, absent: undefined });
        if (isOutcome(block)) return block;
        if (block === undefined) return violation({ code: "absentDefault", field: logEnable.path, problem: "logConfig is not set, so the backend service logs no requests", fix });
        const enabled = isTrue(block.boolean(logEnable.field), { path: logEnable.path, absentMeans: false, fix });
        if (enabled.kind !== "pass") return enabled;
        const rate = valueOf(block.number(logSampleRate.field), { path: ratePath, expected: "a number", fix: `set ${ratePath}: 1`, absent: logSampleRate.absent });
        if (isOutcome(rate)) return rate;
        return rate > 0 ? pass : violation({ code: "noSampling", field: ratePath, problem: `${ratePath} is ${rate}, so no requests are logged`, fix: `set ${ratePath}: 1` }) as Outcome;
    },
    remediate: r => {
        const read = r.props.single("logConfig");
        if (read.state === "absent") return { logConfig: { enable: true } };
        return patchBlock(r.props, "logConfig", block => {
            const enable = block.boolean(logEnable.field);
            const rate = block.number(logSampleRate.field);
            return {
                ...((enable.state === "absent" || (enable.state === "known" && !enable.value)) ? { enable: true } : {}),
                ...(rate.state === "known" && rate.value <= 0 ? { sampleRate: 1 } : {}),
            };
        });
    },
});
