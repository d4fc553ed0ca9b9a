import { serviceFact } from "../../lib/facts";
import { booleanKnob } from "../../lib/knobs";
import { isOutcome, notApplicable, Outcome, pass, violation } from "../../lib/outcome";
import { defineResourcePolicy } from "../../lib/policy";
import { classify } from "../../lib/props";
import { lowerString, valueOf, wrongType } from "../../lib/rules";
import { Container, containersOf, networkMode, taskDefinition } from "./facts";

serviceFact({
    about: "ECS task definitions in host network mode",
    says:
        'AWS Config\'s ecs-task-definition-user-for-host-mode-check passes a container whose "user" is not root, or whose "privileged" is true (an explicit opt-in); ' +
        'an omitted user counts as root (the container runs as the image\'s user, root unless the image sets one)',
    source: "AWS Config Developer Guide: ecs-task-definition-user-for-host-mode-check; Amazon ECS Developer Guide: task definition parameters (user, privileged)",
});

const notHost = notApplicable('the task definition does not use host network mode (networkMode is not "host")');

/** "root", "0", "root:group" and "0:0" run as root; so does an omitted user. */
function isRoot(user: string): boolean {
    const name = user.split(":")[0].trim().toLowerCase();
    return name === "" || name === "root" || name === "0";
}

function containerOutcome(c: Container, acceptPrivileged: boolean): Outcome {
    const fix = `set "user" in ${c.path} to a non-root user or UID (e.g. "1000")`;
    const privileged = classify(c.props.raw("privileged"), "boolean");
    if (privileged.state === "wrongType") return wrongType({ path: `${c.path}.privileged`, value: privileged.value, expected: "a boolean", fix });
    const user = classify(c.props.raw("user"), "string");
    if (user.state === "wrongType") return wrongType({ path: `${c.path}.user`, value: user.value, expected: "a string", fix });
    if (acceptPrivileged && privileged.state === "known" && privileged.value) return pass;
    if (user.state === "known" && !isRoot(user.value)) return pass;
    const problem = user.state === "known" && user.value.trim() !== "" ? `${c.path}.user is root` : `${c.path}.user is not set, so the container runs as root`;
    return violation({ code: "rootUser", field: `${c.path}.user`, problem: `${problem} in host network mode`, fix });
}

export default defineResourcePolicy({
    name: "aws-ecs-host-mode-non-root",
    description: "ECS task definitions in host network mode, where containers share the host's network stack, run every container as a non-root user.",
    severity: "high",
    types: [taskDefinition],
    hipaa: ["164.312(a)(1)"],
    hitrust: ["01.c"],
    tags: ["aws", "ecs", "containers", "least-privilege"],
    anchors: { awsConfig: ["ecs-task-definition-user-for-host-mode-check"] },
    remediation:
        'In an `aws.ecs.TaskDefinition` with `networkMode: "host"`, set `"user"` in every container definition to a non-root user or UID (e.g. `"1000"` or ' +
        '`"app:app"`), or use `networkMode: "awsvpc"`. AWS Config also accepts `"privileged": true` as an explicit opt-in; set `acceptPrivileged: false` to require a non-root user regardless.',
    knobs: {
        acceptPrivileged: booleanKnob({
            default: true,
            description: 'Accept a root container that sets "privileged": true (AWS Config\'s rule counts it as an explicit opt-in); false requires a non-root user in every container.',
        }),
    },
    check: (r, config) => {
        const mode = valueOf(lowerString(r.props, networkMode.field), { path: networkMode.path, expected: "a string", fix: 'set networkMode (e.g. "awsvpc")', absent: "" });
        if (isOutcome(mode)) return mode;
        if (mode !== "host") return notHost;
        const containers = containersOf(r.props);
        if (isOutcome(containers)) return containers;
        return containers.map(c => containerOutcome(c, config.acceptPrivileged));
    },
    noAutoRemediation: "which user a container runs as depends on its image (file ownership, ports below 1024); it is a person's choice",
});
