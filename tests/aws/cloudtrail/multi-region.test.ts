import { garbage, passes, policyCases, remediates, undecided, violates } from "../../cases";
import { trail, trailOutputs } from "../../factories";
import { secret, unknown } from "../../../tools/lib/analyzer-client";

policyCases("aws-cloudtrail-multi-region", [
    passes(trail()),
    // includeGlobalServiceEvents defaults to true.
    passes(trail({ includeGlobalServiceEvents: undefined })),
    passes(trail({ includeGlobalServiceEvents: true })),
    violates(trail({ isMultiRegionTrail: undefined }), { code: "absentDefault", field: "isMultiRegionTrail" }),
    violates(trail({ isMultiRegionTrail: false }), { code: "notAllowed", field: "isMultiRegionTrail" }),
    violates(trail({ includeGlobalServiceEvents: false }), { code: "notAllowed", field: "includeGlobalServiceEvents" }),
    violates(trail({ isMultiRegionTrail: false, includeGlobalServiceEvents: false }), [
        { code: "notAllowed", field: "isMultiRegionTrail" },
        { code: "notAllowed", field: "includeGlobalServiceEvents" },
    ]),
    violates(trail({ isMultiRegionTrail: "yes" }), { code: "wrongType", field: "isMultiRegionTrail" }),
    undecided(trail({ isMultiRegionTrail: unknown, includeGlobalServiceEvents: unknown }), ["isMultiRegionTrail", "includeGlobalServiceEvents"]),
    garbage(trail({ isMultiRegionTrail: { nested: unknown }, includeGlobalServiceEvents: "SECRET" })),
    // Management events: none of the selectors (CloudTrail's default), or selectors that record them all.
    passes(trail({ eventSelectors: [{ readWriteType: "All", includeManagementEvents: true, dataResources: [{ type: "AWS::S3::Object", values: ["arn:aws:s3"] }] }] })),
    passes(trail({ eventSelectors: [{}] })),
    passes(trail({ eventSelectors: [{ readWriteType: "ReadOnly" }, { readWriteType: "WriteOnly" }] })),
    passes(trail({ advancedEventSelectors: [{ name: "mgmt", fieldSelectors: [{ field: "eventCategory", equals: ["Management"] }] }] })),
    passes(trail({ advancedEventSelectors: [
        { fieldSelectors: [{ field: "eventCategory", equals: ["Management"] }, { field: "readOnly", equals: ["true"] }] },
        { fieldSelectors: [{ field: "eventCategory", equals: ["Management"] }, { field: "readOnly", equals: ["false"] }] },
    ] })),
    violates(trail({ eventSelectors: [{ includeManagementEvents: false, dataResources: [{ type: "AWS::S3::Object", values: ["arn:aws:s3"] }] }] }), { code: "managementEventsOmitted", field: "eventSelectors" }),
    violates(trail({ eventSelectors: [{ readWriteType: "WriteOnly" }] }), { code: "managementEventsOmitted", field: "eventSelectors" }),
    violates(trail({ eventSelectors: [{ excludeManagementEventSources: ["kms.amazonaws.com"] }] }), { code: "managementEventsOmitted", field: "eventSelectors" }),
    violates(trail({ advancedEventSelectors: [{ fieldSelectors: [{ field: "eventCategory", equals: ["Data"] }, { field: "resources.type", equals: ["AWS::S3::Object"] }] }] }), { code: "managementEventsOmitted", field: "advancedEventSelectors" }),
    violates(trail({ advancedEventSelectors: [{ fieldSelectors: [{ field: "eventCategory", equals: ["Management"] }, { field: "eventSource", notEquals: ["kms.amazonaws.com"] }] }] }), { code: "managementEventsOmitted", field: "advancedEventSelectors" }),
    violates(trail({ eventSelectors: "All" }), { code: "wrongType", field: "eventSelectors" }),
    undecided(trail({ eventSelectors: unknown }), "eventSelectors"),
    undecided(trail({ eventSelectors: [{ readWriteType: unknown }] }), "eventSelectors[0].readWriteType"),
    undecided(trail({ advancedEventSelectors: [{ fieldSelectors: [{ field: "eventCategory", equals: unknown }] }] }), "advancedEventSelectors[0].fieldSelectors"),
    // Outputs-shaped: state stores unset lists as [] and blocks with every field filled.
    passes(trail({ eventSelectors: [], advancedEventSelectors: [] })),
    passes(trail({ eventSelectors: [{ dataResources: [], excludeManagementEventSources: [], includeManagementEvents: true, readWriteType: "All" }], advancedEventSelectors: [] })),
    garbage(trail({ eventSelectors: [{ readWriteType: "SECRET", excludeManagementEventSources: "SECRET" }], advancedEventSelectors: [{ fieldSelectors: [null, 5, { field: "SECRET" }] }] })),
    remediates(trail({ isMultiRegionTrail: false, includeGlobalServiceEvents: false }), { isMultiRegionTrail: true, includeGlobalServiceEvents: true }),
    // Which events to record is a person's choice: the selectors are never rewritten.
    remediates(trail({ eventSelectors: [{ includeManagementEvents: false }] }), "nothing"),
    remediates(trail({ isMultiRegionTrail: unknown }), "nothing"),
    garbage(trail({ isMultiRegionTrail: "SECRET", enableLogFileValidation: secret("SECRET"), enableLogging: [unknown], includeGlobalServiceEvents: null })),
    remediates(trail({ isMultiRegionTrail: "yes" }), "nothing"),
    remediates(trail({ isMultiRegionTrail: secret(false), includeGlobalServiceEvents: true }), "nothing"),
    // Outputs-shaped (state, `pulumi stack export`): provider defaults filled in, "" for unset strings.
    passes(trailOutputs()),
    violates(trailOutputs({ isMultiRegionTrail: false }), { code: "notAllowed", field: "isMultiRegionTrail" }),
]);
