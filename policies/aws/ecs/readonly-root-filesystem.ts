import { defineResourcePolicy } from "../../lib/policy";
import { classify } from "../../lib/props";
import { isOutcome } from "../../lib/outcome";
import { isTrue } from "../../lib/rules";
import { containersOf, taskDefinition } from "./facts";

export default defineResourcePolicy({
    name: "aws-ecs-readonly-root-filesystem",
    description: "Every container of an ECS task definition has a read-only root file system, so a compromised process cannot alter the image's binaries or plant files.",
    severity: "medium",
    types: [taskDefinition],
    hipaa: ["164.312(a)(1)", "164.312(c)(1)"],
    hitrust: ["01.c"],
    tags: ["aws", "ecs", "containers", "integrity"],
    anchors: { awsConfig: ["ecs-containers-readonly-access"], checkov: ["CKV_AWS_336"] },
    remediation:
        'Set `"readonlyRootFilesystem": true` in every container definition of the `aws.ecs.TaskDefinition`\'s `containerDefinitions` (it defaults to false), and ' +
        "give the container writable `mountPoints` (volumes) for the paths it must write, such as /tmp.",
    check: r => {
        const containers = containersOf(r.props);
        if (isOutcome(containers)) return containers;
        return containers.map(c => {
            const path = `${c.path}.readonlyRootFilesystem`;
            return isTrue(classify(c.props.raw("readonlyRootFilesystem"), "boolean"), { path, absentMeans: false, fix: `set "readonlyRootFilesystem": true in ${c.path}` });
        });
    },
    noAutoRemediation: "a container that writes to its root file system fails when it becomes read-only; which paths need writable volumes is a person's choice",
});
