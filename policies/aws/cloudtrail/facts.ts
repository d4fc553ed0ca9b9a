// What the pack knows about a CloudTrail trail: its type token and the provider defaults of the
// properties its policies read.

import { awsTypes, booleanAttribute, cloudFact, stringAttribute } from "../../lib/facts";
import { isOutcome, Outcome, pass, undecided, violation } from "../../lib/outcome";
import { isUnknown, Props } from "../../lib/props";
import { elementsOf, Requirement, valueOf } from "../../lib/rules";

export const trail = "aws:cloudtrail/trail:Trail";

const types = [trail];
const source = awsTypes("cloudtrail/trail");

export const enableLogFileValidation = booleanAttribute({ types, field: "enableLogFileValidation", default: false, source });
export const isMultiRegionTrail = booleanAttribute({ types, field: "isMultiRegionTrail", default: false, source });
export const includeGlobalServiceEvents = booleanAttribute({ types, field: "includeGlobalServiceEvents", default: true, source });
export const enableLogging = booleanAttribute({ types, field: "enableLogging", default: true, source });
export const kmsKeyId = stringAttribute({ types, field: "kmsKeyId", source });
export const cloudWatchLogsGroupArn = stringAttribute({ types, field: "cloudWatchLogsGroupArn", source });
export const cloudWatchLogsRoleArn = stringAttribute({ types, field: "cloudWatchLogsRoleArn", source });

// --- Management events -----------------------------------------------------------------------------

const eventSelectorSource = awsTypes("types/input TrailEventSelector");
const readWriteTypes = cloudFact(
    { about: "aws.cloudtrail.Trail eventSelectors[].readWriteType", says: "ReadOnly, WriteOnly or All; defaults to All", source: eventSelectorSource },
    ["ReadOnly", "WriteOnly", "All"],
);
cloudFact({ about: "aws.cloudtrail.Trail eventSelectors[].includeManagementEvents", says: "defaults to true", source: eventSelectorSource }, true);
cloudFact(
    { about: "aws.cloudtrail.Trail with neither eventSelectors nor advancedEventSelectors", says: "records all management events, read and write", source: "AWS CloudTrail User Guide: logging management events" },
    true,
);

/** Which halves of management events (reads, writes) a set of selectors records in full. */
interface Coverage {
    reads: boolean;
    writes: boolean;
}

const addManagementSelector = 'add an advancedEventSelectors entry with fieldSelectors: [{ field: "eventCategory", equals: ["Management"] }]';
const recordAllFix = 'set includeManagementEvents: true and readWriteType: "All" on an eventSelectors entry (without excludeManagementEventSources)';

/** What one basic selector records in full, or the outcome that stops the check. */
function basicSelector(selector: Props, path: string): Coverage | Outcome {
    const include = valueOf(selector.boolean("includeManagementEvents"), { path: `${path}.includeManagementEvents`, expected: "a boolean", fix: recordAllFix, absent: true });
    if (isOutcome(include)) return include;
    const rw = valueOf(selector.string("readWriteType"), { path: `${path}.readWriteType`, expected: "a string", fix: recordAllFix, absent: "All" });
    if (isOutcome(rw)) return rw;
    const excluded = valueOf(selector.list("excludeManagementEventSources"), { path: `${path}.excludeManagementEventSources`, expected: "a list", fix: recordAllFix, absent: [] as unknown[] });
    if (isOutcome(excluded)) return excluded;
    // Excluding event sources (KMS, RDS Data API) leaves those sources' management events unrecorded.
    if (!include || excluded.length > 0 || !readWriteTypes.includes(rw)) return { reads: false, writes: false };
    return { reads: rw !== "WriteOnly", writes: rw !== "ReadOnly" };
}

/** The `equals` values of an advanced selector's field selector for `field`, or undefined when it has none. */
function advancedEquals(fieldSelectors: readonly Props[], field: string): unknown[] | undefined {
    const selector = fieldSelectors.find(f => f.string("field").state === "known" && (f.string("field") as { value: string }).value === field);
    const equals = selector?.list("equals");
    return equals?.state === "known" ? equals.value : selector ? [] : undefined;
}

/** What one advanced selector records of management events in full, or the outcome that stops the check. */
function advancedSelector(selector: Props, path: string): Coverage | Outcome {
    const { elements, outcomes } = elementsOf(selector, { field: "fieldSelectors", fix: addManagementSelector });
    const pending = outcomes.find(o => o.kind !== "pass");
    if (pending) return pending.kind === "undecided" ? undecided(`${path}.fieldSelectors`) : pending;
    const fields = elements.map(e => e.props);
    if (fields.some(f => f.string("field").state === "unknown" || f.list("equals").state === "unknown")) return undecided(`${path}.fieldSelectors`);
    const category = advancedEquals(fields, "eventCategory");
    if (!category?.includes("Management")) return { reads: false, writes: false };
    // Any selector other than readOnly (eventSource, eventName, ...) records only part of them.
    const names = fields.map(f => f.string("field")).map(r => (r.state === "known" ? r.value : ""));
    if (names.some(n => n !== "eventCategory" && n !== "readOnly")) return { reads: false, writes: false };
    const readOnly = advancedEquals(fields, "readOnly");
    if (readOnly === undefined) return { reads: true, writes: true };
    return { reads: readOnly.includes("true"), writes: readOnly.includes("false") };
}

function covered(parts: readonly (Coverage | Outcome)[], problem: string, field: string, fix: string): Outcome {
    const stop = parts.find(isOutcome);
    const union = parts.filter((p): p is Coverage => !isOutcome(p)).reduce((a, b) => ({ reads: a.reads || b.reads, writes: a.writes || b.writes }), { reads: false, writes: false });
    if (union.reads && union.writes) return pass;
    if (stop) return stop;
    const half = union.reads ? "only read-only" : union.writes ? "only write-only" : "no";
    return violation({ code: "managementEventsOmitted", field, problem: `${problem} record ${half} management events in full, so API calls go unrecorded`, fix });
}

/**
 * The trail records every management event (read and write, from every event source): with no
 * selectors (CloudTrail's default), or with selectors that together cover them.
 */
export const recordsAllManagementEvents: Requirement = {
    check: props => {
        const advanced = valueOf(props.list("advancedEventSelectors"), { path: "advancedEventSelectors", expected: "a list", fix: addManagementSelector, absent: [] as unknown[] });
        if (isOutcome(advanced)) return advanced;
        if (advanced.length > 0) {
            const { elements, outcomes } = elementsOf(props, { field: "advancedEventSelectors", fix: addManagementSelector });
            return covered([...outcomes, ...elements.map(e => advancedSelector(e.props, e.path))], "advancedEventSelectors", "advancedEventSelectors", addManagementSelector);
        }
        const basic = valueOf(props.list("eventSelectors"), { path: "eventSelectors", expected: "a list", fix: recordAllFix, absent: [] as unknown[] });
        if (isOutcome(basic)) return basic;
        if (basic.length === 0) return pass;
        const { elements, outcomes } = elementsOf(props, { field: "eventSelectors", fix: recordAllFix });
        return covered([...outcomes, ...elements.map(e => basicSelector(e.props, e.path))], "eventSelectors", "eventSelectors", recordAllFix);
    },
    // Which events to record (and pay for) is a person's choice: nothing to patch.
    patch: () => ({}),
};

// --- S3 data events ----------------------------------------------------------------------------------

const s3Object = "AWS::S3::Object";
/** The dataResources values that select every bucket (one per partition, with or without the `:::`). */
const allBuckets = cloudFact(
    { about: "aws.cloudtrail.Trail eventSelectors[].dataResources[] of type AWS::S3::Object", says: 'the value "arn:aws:s3" (or "arn:aws:s3:::") selects every bucket, current and future', source: "AWS CloudTrail User Guide: logging data events (basic event selectors)" },
    new Set(["arn:aws:s3", "arn:aws:s3:::", "arn:aws-us-gov:s3", "arn:aws-us-gov:s3:::", "arn:aws-cn:s3", "arn:aws-cn:s3:::"]),
);
cloudFact(
    { about: "aws.cloudtrail.Trail advancedEventSelectors", says: "eventCategory Data with resources.type AWS::S3::Object, and no other field selector but readOnly, selects every S3 object event", source: "AWS CloudTrail User Guide: filtering data events by using advanced event selectors" },
    true,
);

/** What one basic selector records of S3 object events in every bucket. */
function basicS3Selector(selector: Props, path: string): Coverage | Outcome {
    const rw = valueOf(selector.string("readWriteType"), { path: `${path}.readWriteType`, expected: "a string", fix: s3DataEventsFix, absent: "All" });
    if (isOutcome(rw)) return rw;
    const { elements, outcomes } = elementsOf(selector, { field: "dataResources", fix: s3DataEventsFix });
    let all = false;
    let open: Outcome | undefined = outcomes.find(o => o.kind !== "pass");
    for (const e of elements) {
        const type = e.props.string("type");
        const values = e.props.list("values");
        if (type.state === "unknown" || values.state === "unknown") open = open ?? undecided(`${path}.${e.path}`);
        if (type.state !== "known" || type.value !== s3Object || values.state !== "known") continue;
        if (values.value.some(v => typeof v === "string" && allBuckets.has(v.trim()))) all = true;
        else if (values.value.some(isUnknown)) open = open ?? undecided(`${path}.${e.path}.values`);
    }
    if (all && readWriteTypes.includes(rw)) return { reads: rw !== "WriteOnly", writes: rw !== "ReadOnly" };
    return open ?? { reads: false, writes: false };
}

/** What one advanced selector records of S3 object events in every bucket. */
function advancedS3Selector(selector: Props, path: string): Coverage | Outcome {
    const { elements, outcomes } = elementsOf(selector, { field: "fieldSelectors", fix: s3DataEventsFix });
    const pending = outcomes.find(o => o.kind !== "pass");
    if (pending) return pending.kind === "undecided" ? undecided(`${path}.fieldSelectors`) : pending;
    const fields = elements.map(e => e.props);
    if (fields.some(f => f.string("field").state === "unknown" || f.list("equals").state === "unknown")) return undecided(`${path}.fieldSelectors`);
    if (!advancedEquals(fields, "eventCategory")?.includes("Data") || !advancedEquals(fields, "resources.type")?.includes(s3Object)) return { reads: false, writes: false };
    // Any other field selector (resources.ARN, eventName, ...) narrows the events to some buckets or calls.
    const names = fields.map(f => f.string("field")).map(r => (r.state === "known" ? r.value : ""));
    if (names.some(n => n !== "eventCategory" && n !== "resources.type" && n !== "readOnly")) return { reads: false, writes: false };
    const readOnly = advancedEquals(fields, "readOnly");
    if (readOnly === undefined) return { reads: true, writes: true };
    return { reads: readOnly.includes("true"), writes: readOnly.includes("false") };
}

export const s3DataEventsFix =
    'add an eventSelectors entry with readWriteType: "All" and dataResources: [{ type: "AWS::S3::Object", values: ["arn:aws:s3"] }] ' +
    '(or an advancedEventSelectors entry with eventCategory equals ["Data"] and resources.type equals ["AWS::S3::Object"])';

/**
 * Whether the trail records S3 object-level data events (reads and writes) for every bucket: "yes",
 * "no", or the undecided outcome naming what is unknown. A trail that is not logging records nothing.
 */
export function logsAllS3DataEvents(props: Props): "yes" | "no" | Outcome {
    const logging = valueOf(props.boolean("enableLogging"), { path: "enableLogging", expected: "a boolean", fix: "remove enableLogging or set it to true", absent: true });
    if (isOutcome(logging)) return logging.kind === "undecided" ? logging : "no";
    if (!logging) return "no";
    const advanced = valueOf(props.list("advancedEventSelectors"), { path: "advancedEventSelectors", expected: "a list", fix: s3DataEventsFix, absent: [] as unknown[] });
    if (isOutcome(advanced)) return advanced.kind === "undecided" ? advanced : "no";
    const field = advanced.length > 0 ? "advancedEventSelectors" : "eventSelectors";
    const { elements, outcomes } = elementsOf(props, { field, fix: s3DataEventsFix });
    const parts = [...outcomes, ...elements.map(e => (field === "advancedEventSelectors" ? advancedS3Selector(e.props, e.path) : basicS3Selector(e.props, e.path)))];
    const union = parts.filter((p): p is Coverage => !isOutcome(p)).reduce((a, b) => ({ reads: a.reads || b.reads, writes: a.writes || b.writes }), { reads: false, writes: false });
    if (union.reads && union.writes) return "yes";
    return parts.find((p): p is Outcome => isOutcome(p) && p.kind === "undecided") ?? "no";
}
