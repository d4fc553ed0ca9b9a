// Some trail in the stack records S3 object data events for all buckets (AnalyzeStack): basic and
// advanced selectors, partial coverage, several trails, unknown values, the loggedElsewhere knob.

import { stackCases, stackGarbage, stackMisconfigured, stackNotApplicable, stackPasses, stackUndecided, stackViolates } from "../../cases";
import { res, stackTrailOutputs, stackTrailProps, T } from "../../factories";
import { unknown } from "../../../tools/lib/analyzer-client";

const policy = "aws-cloudtrail-s3-data-events";
const allObjects = [{ type: "AWS::S3::Object", values: ["arn:aws:s3"] }];
const trailWith = (name: string, props: Record<string, unknown>) => res(T.trail, name, { ...stackTrailProps, s3BucketName: "logs", ...props });

const basic = trailWith("audit", { eventSelectors: [{ readWriteType: "All", includeManagementEvents: true, dataResources: allObjects }] });
const none = trailWith("audit", {});
const advanced = trailWith("audit", {
    advancedEventSelectors: [
        { name: "mgmt", fieldSelectors: [{ field: "eventCategory", equals: ["Management"] }] },
        { name: "s3", fieldSelectors: [{ field: "eventCategory", equals: ["Data"] }, { field: "resources.type", equals: ["AWS::S3::Object"] }] },
    ],
});
const notLogged = (name = "audit") => ({ on: name, code: "s3DataEventsNotLogged", field: "eventSelectors" });

stackCases(policy, [
    stackPasses([basic]),
    stackPasses([trailWith("audit", { eventSelectors: [{ dataResources: [{ type: "AWS::S3::Object", values: ["arn:aws:s3:::"] }] }] })]),
    stackPasses([advanced]),
    // Reads and writes from two selectors.
    stackPasses([trailWith("audit", { eventSelectors: [{ readWriteType: "ReadOnly", dataResources: allObjects }, { readWriteType: "WriteOnly", dataResources: allObjects }] })]),
    stackPasses([trailWith("audit", { advancedEventSelectors: [
        { fieldSelectors: [{ field: "eventCategory", equals: ["Data"] }, { field: "resources.type", equals: ["AWS::S3::Object"] }, { field: "readOnly", equals: ["true"] }] },
        { fieldSelectors: [{ field: "eventCategory", equals: ["Data"] }, { field: "resources.type", equals: ["AWS::S3::Object"] }, { field: "readOnly", equals: ["false"] }] },
    ] })]),
    // One trail is enough (AWS Config's rule is per account): a management-only trail beside it passes.
    stackPasses([basic, trailWith("regional", {})]),
    stackViolates([none], [notLogged()]),
    stackViolates([none, trailWith("second", { eventSelectors: [{ readWriteType: "All" }] })], [notLogged(), notLogged("second")]),
    // Only reads, only some buckets, only some calls, another data type, a trail that is not logging.
    stackViolates([trailWith("audit", { eventSelectors: [{ readWriteType: "ReadOnly", dataResources: allObjects }] })], [notLogged()]),
    stackViolates([trailWith("audit", { eventSelectors: [{ dataResources: [{ type: "AWS::S3::Object", values: ["arn:aws:s3:::phi-data/"] }] }] })], [notLogged()]),
    stackViolates([trailWith("audit", { eventSelectors: [{ dataResources: [{ type: "AWS::Lambda::Function", values: ["arn:aws:lambda"] }] }] })], [notLogged()]),
    stackViolates([trailWith("audit", { advancedEventSelectors: [{ fieldSelectors: [{ field: "eventCategory", equals: ["Data"] }, { field: "resources.type", equals: ["AWS::S3::Object"] }, { field: "resources.ARN", startsWith: ["arn:aws:s3:::phi/"] }] }] })], [
        { on: "audit", code: "s3DataEventsNotLogged", field: "advancedEventSelectors" },
    ]),
    stackViolates([trailWith("audit", { enableLogging: false, eventSelectors: [{ dataResources: allObjects }] })], [notLogged()]),
    // Unknown at preview: the selectors of the only trail, or of another one that may log them.
    stackUndecided([trailWith("audit", { eventSelectors: unknown })], [{ on: "audit", fields: "eventSelectors" }]),
    stackUndecided([trailWith("audit", { eventSelectors: [{ dataResources: [{ type: "AWS::S3::Object", values: [unknown] }] }] })], [{ on: "audit", fields: "eventSelectors[0].dataResources[0].values" }]),
    stackUndecided([trailWith("audit", { enableLogging: unknown, eventSelectors: [{ dataResources: allObjects }] })], [{ on: "audit", fields: "enableLogging" }]),
    stackUndecided([none, trailWith("second", { advancedEventSelectors: [{ fieldSelectors: unknown }] })], [
        { on: "audit", fields: "another trail's event selectors" },
        { on: "second", fields: "advancedEventSelectors[0].fieldSelectors" },
    ]),
    // A known trail that logs them decides it, whatever else is unknown.
    stackPasses([basic, trailWith("second", { eventSelectors: unknown })]),
    // The knob: another account's or an organization trail logs them.
    stackNotApplicable([none], /outside this stack/, { loggedElsewhere: true }),
    stackMisconfigured([none], { loggedElsewhere: "yes" }, "loggedElsewhere"),
    stackNotApplicable([res(T.bucket, "logs", { bucket: "logs" })], /only applies to resources of type/),
    stackGarbage([trailWith("audit", { eventSelectors: [null, 5, { readWriteType: ["SECRET"], dataResources: "SECRET" }], advancedEventSelectors: { SECRET: true } })]),
    stackGarbage([trailWith("audit", { eventSelectors: [{ dataResources: [null, { type: 5, values: "arn:aws:s3" }] }], enableLogging: "SECRET" })]),
    // Outputs-shaped: every list present, selectors filled in.
    stackViolates([stackTrailOutputs("audit")], [notLogged()]),
    stackPasses([stackTrailOutputs("audit", { eventSelectors: [{ dataResources: allObjects, excludeManagementEventSources: [], includeManagementEvents: true, readWriteType: "All" }] })]),
]);
