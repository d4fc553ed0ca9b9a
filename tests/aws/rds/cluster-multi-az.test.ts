import { ResourceInput, secret, unknown } from "../../../tools/lib/analyzer-client";
import { stackCases, stackPasses, stackUndecided, stackViolates } from "../../cases";
import { rdsCluster, rdsClusterInstance, res } from "../../factories";

const policy = "aws-rds-cluster-multi-az";
const aurora = res(rdsCluster().type, "phi-aurora", { ...rdsCluster().props, clusterIdentifier: "phi-aurora" });
const on = { clusterIdentifier: [aurora] };
const member = (name: string, props: Record<string, unknown> = {}, deps: Record<string, ResourceInput[]> = on) =>
    res(rdsClusterInstance().type, name, { ...rdsClusterInstance().props, ...props }, deps);

const onAurora = (code: string) => [{ on: "phi-aurora", code }];
// availabilityZones on the cluster are storage zones, not replicas.
const padded = { ...aurora, props: { ...aurora.props, availabilityZones: ["us-east-1a", "us-east-1b", "us-east-1c"] } };

stackCases(policy, [
    // An Aurora cluster with two instances (by dependency or identifier), and a Multi-AZ DB cluster.
    stackPasses([aurora, member("a"), member("b")]),
    stackPasses([aurora, member("a", { availabilityZone: "us-east-1a" }), member("b", { clusterIdentifier: "phi-aurora", availabilityZone: "us-east-1b" }, {})]),
    stackPasses([res(rdsCluster().type, "phi-maz", { ...rdsCluster().props, engine: "postgres", dbClusterInstanceClass: "db.m6gd.large", storageType: "io1", allocatedStorage: 100, iops: 1000 })]),
    // A single-instance Aurora cluster, instances in one zone, and a mysql/postgres cluster without an instance class.
    stackViolates([aurora, member("a")], onAurora("tooFewInstances")),
    stackViolates([aurora], onAurora("tooFewInstances")),
    stackViolates([padded, member("a")], onAurora("tooFewInstances")),
    stackViolates([aurora, member("a", { availabilityZone: "us-east-1a" }), member("b", { availabilityZone: "us-east-1a" })], onAurora("sameAvailabilityZone")),
    stackViolates([res(rdsCluster().type, "phi-maz", { ...rdsCluster().props, engine: "mysql" })], [{ on: "phi-maz", code: "notSet" }]),
    // minimumInstances.
    stackViolates([aurora, member("a"), member("b")], onAurora("tooFewInstances"), { minimumInstances: 3 }),
    stackPasses([aurora, member("a"), member("b"), member("c")], { minimumInstances: 3 }),
    // Undecided when an instance's cluster or the engine is unknown at preview.
    stackUndecided([aurora, member("a"), member("b", {}, {})], [{ on: "phi-aurora", fields: "ClusterInstance.clusterIdentifier" }]),
    stackUndecided([{ ...aurora, props: { ...aurora.props, engine: unknown } }], [{ on: "phi-aurora", fields: "engine" }]),
    // Garbage, and no secret echoed.
    stackPasses([aurora, member("a", { availabilityZone: secret("SECRET") }), member("b", { availabilityZone: { SECRET: 1 } })]),
]);
