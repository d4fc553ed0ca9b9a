import { garbage, noAutoRemediation, passes, policyCases, undecided, violates } from "../../cases";
import { BUILD_SECRET, ecsContainer, taskDefinition, taskDefinitionOutputs } from "../../factories";
import { secret, unknown } from "../../../tools/lib/analyzer-client";

const defs = (...containers: Record<string, unknown>[]) => ({ containerDefinitions: JSON.stringify(containers) });
const field = (i: number) => `containerDefinitions[${i}].readonlyRootFilesystem`;

policyCases("aws-ecs-readonly-root-filesystem", [
    passes(taskDefinition()),
    passes(taskDefinitionOutputs()),
    passes(taskDefinition({ networkMode: "awsvpc", requiresCompatibilities: ["FARGATE"], ...defs(ecsContainer(), ecsContainer({ name: "sidecar" })) })),
    violates(taskDefinition(defs(ecsContainer({ readonlyRootFilesystem: undefined }))), { code: "absentDefault", field: field(0) }),
    violates(taskDefinition(defs(ecsContainer(), ecsContainer({ readonlyRootFilesystem: false }))), { code: "notAllowed", field: field(1) }),
    violates(taskDefinition(defs(ecsContainer({ readonlyRootFilesystem: false }), ecsContainer({ readonlyRootFilesystem: undefined }))), [
        { code: "notAllowed", field: field(0) },
        { code: "absentDefault", field: field(1) },
    ]),
    violates(taskDefinitionOutputs(defs({ ...ecsContainer(), readonlyRootFilesystem: false, cpu: 0, mountPoints: [] })), { code: "notAllowed", field: field(0) }),
    violates(taskDefinition(defs(ecsContainer({ readonlyRootFilesystem: "true" }))), { code: "wrongType", field: field(0) }),
    // Garbage JSON is a finding, never a throw.
    violates(taskDefinition({ containerDefinitions: `[{"name": "app", "environment": [{"value": "${BUILD_SECRET}"` }), { code: "invalidJson", field: "containerDefinitions" }),
    violates(taskDefinition({ containerDefinitions: JSON.stringify({ name: "app" }) }), { code: "wrongType", field: "containerDefinitions" }),
    violates(taskDefinition({ containerDefinitions: JSON.stringify(["app"]) }), { code: "wrongType", field: "containerDefinitions[0]" }),
    violates(taskDefinition({ containerDefinitions: "[]" }), { code: "notSet", field: "containerDefinitions" }),
    violates(taskDefinition({ containerDefinitions: undefined }), { code: "notSet", field: "containerDefinitions" }),
    violates(taskDefinition({ containerDefinitions: [ecsContainer()] }), { code: "wrongType", field: "containerDefinitions" }),
    // Built from other resources' outputs, the JSON is unknown at preview.
    undecided(taskDefinition({ containerDefinitions: unknown }), "containerDefinitions"),
    garbage(taskDefinition({ containerDefinitions: secret(BUILD_SECRET) }), undefined, [BUILD_SECRET]),
    garbage(taskDefinition({ containerDefinitions: JSON.stringify([{ readonlyRootFilesystem: { SECRET: 1 }, user: ["SECRET"] }, null, 7]) })),
    noAutoRemediation(taskDefinition(defs(ecsContainer({ readonlyRootFilesystem: false })))),
]);
