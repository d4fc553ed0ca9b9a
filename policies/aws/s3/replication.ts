import { booleanKnob } from "../../lib/knobs";
import { notApplicable, Outcome, pass, undecided, violation } from "../../lib/outcome";
import { Props } from "../../lib/props";
import { anyOf, elementsOf } from "../../lib/rules";
import { concerning, defineStackPolicy, Stack, StackResource } from "../../lib/stack";
import { bucketTypes, configuring, replicationConfig } from "./facts";


/** Some rule of a replication configuration is enabled (`statusField` "status", or the inline block's "status"). */
function enabledRule(config: Props, path: string): Outcome {
    const fix = `set ${path}[].status: "Enabled" on a rule with a destination`;
    const { elements, outcomes } = elementsOf(config, { field: "rules", fix });
    for (const e of elements) {
        const status = e.props.string("status");
        if (status.state === "unknown") outcomes.push(undecided(`${path}[].status`));
        else if (status.state === "known" && status.value === "Enabled") return pass;
    }
    return anyOf(outcomes.filter(o => o.kind !== "violation"), violation({ code: "noEnabledRule", field: `${path}[].status`, problem: `no rule of ${path} is enabled`, fix }));
}

/** The buckets in-stack replication configurations copy into (by dependency or ARN), indexed once per stack. */
const destinations = new WeakMap<Stack, { urns: Set<string>; arns: Set<string> }>();

function destinationsOf(stack: Stack): { urns: Set<string>; arns: Set<string> } {
    let found = destinations.get(stack);
    if (found) return found;
    found = { urns: new Set(), arns: new Set() };
    for (const r of stack.ofType([replicationConfig])) {
        for (const d of r.dependsOn("rules")) found.urns.add(d.urn);
        for (const e of elementsOf(r.props, { field: "rules", fix: "" }).elements) {
            const dest = e.props.within("destination", "bucket", "string");
            if (dest.state === "known") found.arns.add(dest.value);
        }
    }
    destinations.set(stack, found);
    return found;
}

function isReplicaDestination(bucket: StackResource, stack: Stack): boolean {
    const { urns, arns } = destinationsOf(stack);
    const arn = bucket.props.string("arn");
    return urns.has(bucket.urn) || (arn.state === "known" && arns.has(arn.value));
}

export default defineStackPolicy({
    name: "aws-s3-replication",
    description: "S3 buckets replicate their objects to another bucket (cross-region or same-region replication), so a copy survives the loss of one.",
    severity: "medium",
    types: bucketTypes,
    hipaa: ["164.308(a)(7)(ii)(A)", "164.308(a)(7)(ii)(B)"],
    hitrust: ["1616.09l1", "1620.09l1", "1410.09e2"],
    tags: ["aws", "s3", "backup", "disaster-recovery", "stack"],
    anchors: { awsConfig: ["s3-bucket-replication-enabled"], checkov: ["CKV_AWS_144"] },
    remediation:
        "Add an `aws.s3.BucketReplicationConfig` with `bucket: bucket.id`, a `role` S3 can assume, and `rules: [{ status: \"Enabled\", " +
        "destination: { bucket: replica.arn, encryptionConfiguration: { replicaKmsKeyId: key.arn } }, filter: {}, deleteMarkerReplication: { status: \"Enabled\" } }]`. " +
        "Replication needs versioning on both buckets. Buckets that receive replicas in the stack are exempt while `exemptReplicaDestinations` is true.",
    knobs: {
        exemptReplicaDestinations: booleanKnob({ default: true, description: "Exempt buckets that an in-stack aws.s3.BucketReplicationConfig replicates into (the replica itself)." }),
    },
    check: (bucket, stack, config): Outcome => {
        const configs = configuring(bucket, stack, [replicationConfig]);
        const outcomes = configs.found.map(c => concerning(enabledRule(c.props, "rules"), { prefix: "the bucket's replication: ", owner: "BucketReplicationConfig" }));
        const inline = bucket.props.single("replicationConfiguration");
        if (inline.state === "unknown") outcomes.push(undecided("replicationConfiguration"));
        else if (inline.state === "known" && inline.value.has("rules")) outcomes.push(enabledRule(inline.value, "replicationConfiguration.rules"));
        if (configs.unresolved) outcomes.push(undecided("BucketReplicationConfig.bucket"));
        if (!outcomes.some(o => o.kind === "pass") && config.exemptReplicaDestinations && isReplicaDestination(bucket, stack)) {
            return notApplicable("the bucket is the destination of an in-stack replication configuration");
        }
        return anyOf(outcomes, violation({
            code: "missingResource",
            problem: "no aws.s3.BucketReplicationConfig replicates this bucket",
            fix: 'add an aws.s3.BucketReplicationConfig with bucket: this bucket\'s id, a role and rules: [{ status: "Enabled", destination: { bucket: replica.arn } }]',
        }));
    },
});
