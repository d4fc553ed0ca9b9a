import { serviceFact } from "../../lib/facts";
import { integerKnob } from "../../lib/knobs";
import { isOutcome, Outcome, pass, undecided, violation } from "../../lib/outcome";
import { isSetString } from "../../lib/props";
import { defineStackPolicy, ReferenceTarget } from "../../lib/stack";
import { cluster, clusterInstance, engineOf, isAurora } from "./facts";

/** A cluster instance names its cluster by the cluster's identifier (its id). */
const clusterTarget: ReferenceTarget = { types: [cluster], keys: ["clusterIdentifier", "id"] };

serviceFact({
    about: "aws.rds.Cluster Multi-AZ",
    says:
        "a Multi-AZ DB cluster (engine mysql or postgres with dbClusterInstanceClass) always runs a writer and two readers in three Availability Zones; an Aurora cluster " +
        "fails over across zones only when it has a second aws.rds.ClusterInstance in another zone (availabilityZones lists only where storage is replicated)",
    source: "Amazon RDS User Guide: Multi-AZ DB cluster deployments; Amazon Aurora User Guide: high availability for Aurora; @pulumi/aws 7.48 rds/cluster.d.ts",
});

export default defineStackPolicy({
    name: "aws-rds-cluster-multi-az",
    description: "RDS DB clusters keep a replica in another Availability Zone to fail over to: a Multi-AZ DB cluster, or an Aurora cluster with two or more instances.",
    severity: "medium",
    types: [cluster],
    hipaa: ["164.308(a)(7)(ii)(B)", "164.308(a)(7)(ii)(C)"],
    hitrust: ["1410.09e2", "1601.12c1"],
    tags: ["aws", "rds", "availability", "disaster-recovery", "stack"],
    anchors: { awsConfig: ["rds-cluster-multi-az-enabled"] },
    remediation:
        "For Aurora, add a second `aws.rds.ClusterInstance` (at least `minimumInstances`) with `clusterIdentifier: cluster.id`, in another Availability Zone or " +
        "with `availabilityZone` left to RDS. For a Multi-AZ DB cluster (engine mysql or postgres), set `dbClusterInstanceClass`. `availabilityZones` on the cluster " +
        "names storage zones only and does not add a replica.",
    knobs: {
        minimumInstances: integerKnob({ default: 2, minimum: 2, maximum: 16, description: "Fewest aws.rds.ClusterInstance resources an Aurora cluster must have (one writer and readers)." }),
    },
    check: (c, stack, config): Outcome => {
        const engine = engineOf(c);
        if (isOutcome(engine)) return engine;
        if (engine !== undefined && !isAurora(engine)) {
            return isSetString(c.props.string("dbClusterInstanceClass"))
                ? pass
                : violation({ code: "notSet", field: "dbClusterInstanceClass", problem: "dbClusterInstanceClass is not set, so this is not a Multi-AZ DB cluster", fix: "set dbClusterInstanceClass (e.g. db.m6gd.large)" });
        }
        const members = stack.referrers([clusterInstance], "clusterIdentifier", c, clusterTarget);
        const minimum = config.minimumInstances;
        if (members.found.length < minimum) {
            if (members.unresolved) return undecided("ClusterInstance.clusterIdentifier");
            return violation({
                code: "tooFewInstances",
                problem: `the Aurora cluster has ${members.found.length} aws.rds.ClusterInstance${members.found.length === 1 ? "" : "s"}, fewer than ${minimum}, so it cannot fail over to another Availability Zone`,
                fix: `add aws.rds.ClusterInstance resources with clusterIdentifier: this cluster's id until there are ${minimum}, in different Availability Zones`,
            });
        }
        // Instances pinned to one zone give no zone redundancy.
        const zones = members.found.map(m => m.props.string("availabilityZone"));
        const pinned = zones.filter(z => z.state === "known" && z.value.trim() !== "").map(z => (z as { value: string }).value.trim());
        if (pinned.length === members.found.length && new Set(pinned).size === 1) {
            return violation({ code: "sameAvailabilityZone", problem: "every aws.rds.ClusterInstance of the cluster is in the same Availability Zone", fix: "put the cluster's instances in different availabilityZone values (or leave it unset)" });
        }
        return pass;
    },
});
