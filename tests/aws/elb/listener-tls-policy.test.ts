import { garbage, misconfigured, noAutoRemediation, notApplicable, passes, policyCases, undecided, violates } from "../../cases";
import { albListener, lbHttpListener, lbListener, lbListenerOutputs } from "../../factories";
import { secret, unknown } from "../../../tools/lib/analyzer-client";

const field = "sslPolicy";

policyCases("aws-elb-listener-tls-policy", [
    passes(lbListener()),
    passes(albListener()),
    passes(lbListenerOutputs()),
    passes(lbListener({ [field]: "ELBSecurityPolicy-TLS-1-2-2017-01" })),
    passes(lbListener({ [field]: "ELBSecurityPolicy-FS-1-2-Res-2020-10" })),
    // The TLS13-1-<minor> family is read by its naming convention, later additions included.
    passes(lbListener({ [field]: "ELBSecurityPolicy-TLS13-1-2-PQ-2025-09" })),
    passes(lbListener({ protocol: "TLS", [field]: "ELBSecurityPolicy-TLS13-1-3-2021-06" })),
    violates(lbListener({ [field]: undefined }), { code: "absentDefault", field }),
    violates(lbListener({ [field]: "ELBSecurityPolicy-2016-08" }), { code: "belowMinimum", field }),
    violates(albListener({ [field]: "ELBSecurityPolicy-TLS13-1-1-2021-06" }), { code: "belowMinimum", field }),
    violates(lbListener({ protocol: "TLS", [field]: "ELBSecurityPolicy-TLS-1-1-2017-01" }), { code: "belowMinimum", field }),
    violates(lbListenerOutputs({ [field]: "ELBSecurityPolicy-2016-08" }), { code: "belowMinimum", field }),
    violates(lbListener({ [field]: "SECRET-custom" }), { code: "unrecognised", field }),
    violates(lbListener({ [field]: 12 }), { code: "wrongType", field }),
    // Knobs: a stricter minimum, and further policy names.
    violates(lbListener(), { code: "belowMinimum", field }, { minimumTlsVersion: "1.3" }),
    passes(lbListener({ [field]: "ELBSecurityPolicy-TLS13-1-3-2021-06" }), { minimumTlsVersion: "1.3" }),
    passes(lbListener({ [field]: "ELBSecurityPolicy-Future-2027-01" }), { allowedPolicies: ["ELBSecurityPolicy-Future-2027-01"] }),
    misconfigured(lbListener(), { minimumTlsVersion: "1.0" }, "minimumTlsVersion"),
    misconfigured(lbListener(), { allowedPolicies: ["custom-policy"] }, "allowedPolicies"),
    notApplicable(lbHttpListener(), /does not terminate TLS/),
    notApplicable(lbListener({ protocol: "TCP", [field]: undefined }), /does not terminate TLS/),
    undecided(lbListener({ [field]: unknown }), field),
    undecided(lbListener({ protocol: unknown }), "protocol"),
    garbage(lbListener({ [field]: secret("SECRET"), protocol: ["HTTPS"] })),
    noAutoRemediation(lbListener({ [field]: undefined })),
]);
