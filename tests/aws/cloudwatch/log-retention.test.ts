import * as assert from "assert";
import { garbage, misconfigured, passes, policyCases, remediates, undecided, violates } from "../../cases";
import { logGroup, logGroupOutputs } from "../../factories";
import { usePack } from "../../pack";
import { secret, unknown } from "../../../tools/lib/analyzer-client";

const policy = "aws-cloudwatch-log-retention";
const field = "retentionInDays";
const SECRET = "arn:aws:kms:us-east-1:111122223333:key/SECRET-do-not-echo-41c7";
const accepted = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653];

policyCases(policy, [
    passes(logGroup()),
    // Six years or more, and omitted or 0: events never expire.
    ...[2192, 2557, 3653, 0, undefined, null].map(days => passes(logGroup({ [field]: days }))),
    violates(logGroup({ [field]: 365 }), { code: "belowMinimum", field }),
    violates(logGroup({ [field]: 1827 }), { code: "belowMinimum", field }),
    // Periods CloudWatch Logs would not accept (the playbook's 2190 among them).
    ...[2190, 4000, -7, 2192.5, 2].map(days => violates(logGroup({ [field]: days }), { code: "unrecognised", field })),
    // The DELIVERY class keeps events two days whatever retentionInDays says.
    violates(logGroup({ logGroupClass: "DELIVERY" }), { code: "notAllowed", field: "logGroupClass" }),
    passes(logGroup({ logGroupClass: "INFREQUENT_ACCESS" })),
    passes(logGroup({ logGroupClass: "STANDARD" })),
    undecided(logGroup({ [field]: unknown }), field),
    undecided(logGroup({ logGroupClass: unknown }), "logGroupClass"),
    ...["2192 days", [2192], { days: 2192 }, true].map(days => violates(logGroup({ [field]: days }), { code: "wrongType", field })),
    // Older state stores numbers as strings: decided on the number the provider coerces.
    passes(logGroup({ [field]: "2192" })),
    violates(logGroup({ [field]: "1" }), { code: "belowMinimum", field }),
    remediates(logGroup({ [field]: "1" }), { [field]: 2192 }),
    passes(logGroup({ [field]: secret(2192) })),
    // minimumRetentionDays accepts only the periods CloudWatch Logs accepts.
    passes(logGroup({ [field]: 365 }), { minimumRetentionDays: 365 }),
    violates(logGroup({ [field]: 180 }), { code: "belowMinimum", field }, { minimumRetentionDays: 365 }),
    violates(logGroup({ [field]: 400 }), { code: "belowMinimum", field }, { minimumRetentionDays: 3653 }),
    ...[2190, 0, -1, 4000, "2192", 2192.5, true].map(minimumRetentionDays => misconfigured(logGroup(), { minimumRetentionDays }, "minimumRetentionDays")),
    ...[
        { retentionInDays: secret(SECRET), kmsKeyId: secret(12) },
        { retentionInDays: NaN, kmsKeyId: [unknown] },
        { logGroupClass: secret(SECRET), name: secret(SECRET) },
        { logGroupClass: 7, retentionInDays: Infinity },
        { tags: unknown, kmsKeyId: { nested: unknown } },
        { logGroupClass: SECRET, kmsKeyId: SECRET, retentionInDays: null },
    ].map(props => garbage(logGroup(props))),
    // The fix raises retention to the smallest accepted period of at least the minimum (and of the current value).
    remediates(logGroup({ [field]: 365 }), { [field]: 2192 }),
    remediates(logGroup({ [field]: 2190 }), { [field]: 2192 }),
    remediates(logGroup({ [field]: 2192.5 }), { [field]: 2557 }),
    remediates(logGroup({ [field]: 2 }), { [field]: 2192 }),
    remediates(logGroup({ [field]: -7 }), { [field]: 2192 }),
    remediates(logGroup({ [field]: 180 }), { [field]: 365 }, { minimumRetentionDays: 365 }),
    // Nothing accepted is longer than 4000 days: lowering it is a person's call.
    remediates(logGroup({ [field]: 4000 }), "nothing"),
    remediates(logGroup(), "nothing"),
    remediates(logGroup({ [field]: undefined }), "nothing"),
    remediates(logGroup({ [field]: 0 }), "nothing"),
    remediates(logGroup({ [field]: unknown }), "nothing"),
    remediates(logGroup({ [field]: "30 days" }), "nothing"),
    remediates(logGroup({ [field]: secret(30) }), "nothing"),
    remediates(logGroup({ [field]: 30, logGroupClass: "DELIVERY" }), "nothing"),
    remediates(logGroup({ [field]: 30, logGroupClass: unknown }), "nothing"),
    // Outputs-shaped (state, `pulumi stack export`): provider defaults filled in, "" for unset strings.
    passes(logGroupOutputs()),
    // The provider's default, 0: events never expire.
    passes(logGroupOutputs({ [field]: 0 })),
    violates(logGroupOutputs({ [field]: 365 }), { code: "belowMinimum", field }),
    // Older state stores numbers as strings: "3653" is ten years, no false alarm.
    passes(logGroupOutputs({ [field]: "3653" })),
    remediates(logGroupOutputs({ [field]: 365 }), { [field]: 2192 }),
]);

describe(`${policy} (beyond the table)`, () => {
    const pack = usePack();

    it("publishes the retention knob limited to the accepted periods, defaulting to six years", () => {
        const schema = pack.info.policies.find(x => x.name === policy)!.configSchema!.properties.minimumRetentionDays;
        assert.strictEqual(schema.default, 2192);
        assert.strictEqual(schema.type, "integer");
        assert.deepStrictEqual(schema.enum, accepted);
    });
});
