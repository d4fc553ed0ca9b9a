// Metric alarms act: actions enabled (default true), ALARM and INSUFFICIENT_DATA actions (AWS
// Config's defaults), OK actions only under the knob.

import { garbage, misconfigured, noAutoRemediation, passes, policyCases, undecided, violates } from "../../cases";
import { ALARM_TOPIC_ARN, metricAlarm, metricAlarmOutputs } from "../../factories";
import { unknown } from "../../../tools/lib/analyzer-client";

policyCases("aws-cloudwatch-alarm-actions", [
    passes(metricAlarm()),
    passes(metricAlarm({ actionsEnabled: true })),
    // A topic ARN computed by the aws.sns.Topic resource is an action all the same.
    passes(metricAlarm({ alarmActions: [unknown], insufficientDataActions: [unknown] })),
    violates(metricAlarm({ actionsEnabled: false }), { code: "notAllowed", field: "actionsEnabled" }),
    violates(metricAlarm({ alarmActions: undefined }), { code: "noActions", field: "alarmActions" }),
    violates(metricAlarm({ alarmActions: [] }), { code: "noActions", field: "alarmActions" }),
    violates(metricAlarm({ insufficientDataActions: undefined }), { code: "noActions", field: "insufficientDataActions" }),
    violates(metricAlarm({ alarmActions: [""], insufficientDataActions: [] }), [
        { code: "noActions", field: "alarmActions" },
        { code: "noActions", field: "insufficientDataActions" },
    ]),
    // Knobs: INSUFFICIENT_DATA actions optional, OK actions required.
    passes(metricAlarm({ insufficientDataActions: undefined }), { requireInsufficientDataActions: false }),
    violates(metricAlarm(), { code: "noActions", field: "okActions" }, { requireOkActions: true }),
    passes(metricAlarm({ okActions: [ALARM_TOPIC_ARN] }), { requireOkActions: true }),
    misconfigured(metricAlarm(), { requireOkActions: "yes" }, "requireOkActions"),
    undecided(metricAlarm({ actionsEnabled: unknown, alarmActions: unknown }), ["actionsEnabled", "alarmActions"]),
    violates(metricAlarm({ alarmActions: ALARM_TOPIC_ARN }), { code: "wrongType", field: "alarmActions" }),
    violates(metricAlarm({ actionsEnabled: "true" }), { code: "wrongType", field: "actionsEnabled" }),
    garbage(metricAlarm({ alarmActions: [null, { SECRET: 1 }], insufficientDataActions: "SECRET", okActions: [5] })),
    // Outputs-shaped: every list present, OK actions empty.
    passes(metricAlarmOutputs()),
    violates(metricAlarmOutputs({ alarmActions: [] }), { code: "noActions", field: "alarmActions" }),
    violates(metricAlarmOutputs({ actionsEnabled: false }), { code: "notAllowed", field: "actionsEnabled" }),
    noAutoRemediation(metricAlarm({ alarmActions: [] })),
]);
