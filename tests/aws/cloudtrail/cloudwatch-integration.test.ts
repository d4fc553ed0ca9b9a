import { garbage, noAutoRemediation, passes, policyCases, violates } from "../../cases";
import { trail, trailOutputs } from "../../factories";
import { secret, unknown } from "../../../tools/lib/analyzer-client";

policyCases("aws-cloudtrail-cloudwatch-integration", [
    passes(trail()),
    passes(trail({ cloudWatchLogsGroupArn: unknown, cloudWatchLogsRoleArn: unknown })),
    violates(trail({ cloudWatchLogsGroupArn: undefined }), { code: "notSet", field: "cloudWatchLogsGroupArn" }),
    violates(trail({ cloudWatchLogsRoleArn: undefined }), { code: "notSet", field: "cloudWatchLogsRoleArn" }),
    violates(trail({ cloudWatchLogsGroupArn: undefined, cloudWatchLogsRoleArn: "" }), [
        { code: "notSet", field: "cloudWatchLogsGroupArn" },
        { code: "notSet", field: "cloudWatchLogsRoleArn" },
    ]),
    violates(trail({ cloudWatchLogsRoleArn: 5 }), { code: "wrongType", field: "cloudWatchLogsRoleArn" }),
    garbage(trail({ cloudWatchLogsGroupArn: ["SECRET"], cloudWatchLogsRoleArn: secret("SECRET") })),
    garbage(trail({ kmsKeyId: { SECRET: 1 }, cloudWatchLogsGroupArn: ["SECRET"], cloudWatchLogsRoleArn: 5 })),
    noAutoRemediation(trail({ cloudWatchLogsGroupArn: undefined })),
    // Outputs-shaped (state, `pulumi stack export`): provider defaults filled in, "" for unset strings.
    passes(trailOutputs()),
    violates(trailOutputs({ cloudWatchLogsGroupArn: "", cloudWatchLogsRoleArn: "" }), [
        { code: "notSet", field: "cloudWatchLogsGroupArn" },
        { code: "notSet", field: "cloudWatchLogsRoleArn" },
    ]),
]);
