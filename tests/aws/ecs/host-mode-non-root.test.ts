import { garbage, misconfigured, noAutoRemediation, notApplicable, passes, policyCases, undecided, violates } from "../../cases";
import { BUILD_SECRET, ecsContainer, taskDefinition, taskDefinitionOutputs } from "../../factories";
import { secret, unknown } from "../../../tools/lib/analyzer-client";

const defs = (...containers: Record<string, unknown>[]) => ({ containerDefinitions: JSON.stringify(containers) });
const user = (i: number) => `containerDefinitions[${i}].user`;
const strict = { acceptPrivileged: false };

policyCases("aws-ecs-host-mode-non-root", [
    passes(taskDefinition()),
    passes(taskDefinitionOutputs()),
    passes(taskDefinition(defs(ecsContainer({ user: "app:app" }), ecsContainer({ user: "1000:1000" })))),
    // AWS Config counts privileged: true as an explicit opt-in; the knob can refuse it.
    passes(taskDefinition(defs(ecsContainer({ user: undefined, privileged: true })))),
    violates(taskDefinition(defs(ecsContainer({ user: undefined, privileged: true }))), { code: "rootUser", field: user(0) }, strict),
    passes(taskDefinition(defs(ecsContainer({ privileged: true }))), strict),
    violates(taskDefinition(defs(ecsContainer({ user: undefined }))), { code: "rootUser", field: user(0) }),
    violates(taskDefinition(defs(ecsContainer({ user: "" }))), { code: "rootUser", field: user(0) }),
    violates(taskDefinition(defs(ecsContainer(), ecsContainer({ user: "root" }))), { code: "rootUser", field: user(1) }),
    violates(taskDefinition(defs(ecsContainer({ user: "0:0" }), ecsContainer({ user: "ROOT:wheel", privileged: false }))), [
        { code: "rootUser", field: user(0) },
        { code: "rootUser", field: user(1) },
    ]),
    violates(taskDefinition(defs(ecsContainer({ user: 1000 }))), { code: "wrongType", field: user(0) }),
    violates(taskDefinition(defs(ecsContainer({ privileged: "true" }))), { code: "wrongType", field: "containerDefinitions[0].privileged" }),
    violates(taskDefinitionOutputs(defs({ ...ecsContainer(), user: "", cpu: 0 })), { code: "rootUser", field: user(0) }),
    violates(taskDefinition({ containerDefinitions: "not json" }), { code: "invalidJson", field: "containerDefinitions" }),
    // Not host network mode: the rule does not apply, whatever the containers say.
    notApplicable(taskDefinition({ networkMode: "awsvpc", ...defs(ecsContainer({ user: undefined })) }), /does not use host network mode/),
    notApplicable(taskDefinition({ networkMode: undefined, ...defs(ecsContainer({ user: undefined })) }), /does not use host network mode/),
    notApplicable(taskDefinitionOutputs({ networkMode: "bridge" }), /does not use host network mode/),
    violates(taskDefinition({ networkMode: "HOST", ...defs(ecsContainer({ user: undefined })) }), { code: "rootUser", field: user(0) }),
    violates(taskDefinition({ networkMode: 7 }), { code: "wrongType", field: "networkMode" }),
    undecided(taskDefinition({ networkMode: unknown }), "networkMode"),
    undecided(taskDefinition({ containerDefinitions: unknown }), "containerDefinitions"),
    garbage(taskDefinition({ containerDefinitions: JSON.stringify([{ user: { SECRET: 1 } }, { user: BUILD_SECRET, privileged: [BUILD_SECRET] }]) }), undefined, [BUILD_SECRET]),
    garbage(taskDefinition({ networkMode: secret("SECRET"), containerDefinitions: secret("SECRET") })),
    misconfigured(taskDefinition(), { acceptPrivileged: "no" }, "acceptPrivileged"),
    noAutoRemediation(taskDefinition(defs(ecsContainer({ user: undefined })))),
]);
