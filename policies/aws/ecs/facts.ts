// What the pack knows about ECS task definitions: their containers are one JSON string
// (`containerDefinitions`), often unknown at preview when built from other resources' outputs. It is
// parsed once per resource, whichever ECS policy reads it first, and never echoed: a container's
// environment can hold secrets.

import { awsTypes, serviceFact, stringAttribute } from "../../lib/facts";
import { isOutcome, Outcome, violation } from "../../lib/outcome";
import { classify, Props } from "../../lib/props";
import { valueOf } from "../../lib/rules";

export const taskDefinition = "aws:ecs/taskDefinition:TaskDefinition";
const source = awsTypes("ecs/taskDefinition");

export const field = "containerDefinitions";

export const networkMode = stringAttribute({ types: [taskDefinition], field: "networkMode", values: ["awsvpc", "bridge", "host", "none"], source });

serviceFact({
    about: "aws.ecs.TaskDefinition containerDefinitions",
    says: "one JSON string holding the list of container definitions (the ECS API's ContainerDefinition objects, camelCase keys)",
    source,
});
serviceFact({
    about: "aws.ecs.TaskDefinition networkMode omitted",
    says: "bridge for Linux containers on EC2 (awsvpc is required on Fargate, and Windows uses its default NAT mode): never host",
    source: "Amazon ECS Developer Guide: task definition parameters (networkMode); " + source,
});
serviceFact({
    about: "ECS container definition readonlyRootFilesystem",
    says: "omitted means false: the container may write to its root file system",
    source: "Amazon ECS Developer Guide: task definition parameters (readonlyRootFilesystem); AWS Config Developer Guide: ecs-containers-readonly-access",
});

/** One container definition of the list, with the path messages name it by (never its name). */
export interface Container {
    readonly path: string;
    readonly props: Props;
}

const fix = "set containerDefinitions to a JSON list of container definitions (JSON.stringify([...]))";

function parse(raw: string): readonly Container[] | Outcome {
    let parsed: unknown;
    try {
        parsed = JSON.parse(raw);
    } catch {
        return violation({ code: "invalidJson", field, problem: `${field} is not valid JSON`, fix });
    }
    if (!Array.isArray(parsed)) return violation({ code: "wrongType", field, problem: `${field} is not a JSON list`, fix });
    if (parsed.length === 0) return violation({ code: "notSet", field, problem: `${field} lists no container`, fix });
    const containers: Container[] = [];
    for (const [i, item] of parsed.entries()) {
        const block = classify(item, "object");
        if (block.state !== "known") return violation({ code: "wrongType", field: `${field}[${i}]`, problem: `${field}[${i}] is not a container definition object`, fix });
        containers.push({ path: `${field}[${i}]`, props: block.value });
    }
    return containers;
}

// The last string parsed and what it gave: the ECS policies check one resource after another, so
// the second one to read a task definition finds it here instead of parsing it again.
let last: { raw: string; result: readonly Container[] | Outcome } | undefined;

/**
 * The task definition's containers, or the outcome that stops a check: undecided when the JSON is
 * unknown at preview, a finding when it is absent, not JSON or not a list of objects.
 */
export function containersOf(props: Props): readonly Container[] | Outcome {
    const raw = valueOf(props.string(field), { path: field, expected: "a JSON string", fix, absent: undefined, secret: true });
    if (isOutcome(raw)) return raw;
    if (raw === undefined || raw.trim() === "") return violation({ code: "notSet", field, problem: `${field} is not set`, fix });
    if (last?.raw !== raw) last = { raw, result: parse(raw) };
    return last.result;
}
