// Resources for the benchmark: a realistic mix in which most resources are of types the pack does
// not check (as in real stacks), and the rest are the types it checks, compliant and not, with
// some values unknown as at preview.

import { ResourceInput, unknown } from "../tools/lib/analyzer-client";

const unrelated: ResourceInput[] = [
    { type: "aws:iam/role:Role", name: "role", props: { assumeRolePolicy: "{\"Version\":\"2012-10-17\"}", name: unknown, tags: { team: "phi" } } },
    { type: "aws:ec2/subnet:Subnet", name: "subnet", props: { vpcId: unknown, cidrBlock: "10.0.1.0/24", availabilityZone: "us-east-1a" } },
    { type: "aws:ec2/securityGroup:SecurityGroup", name: "sg", props: { vpcId: unknown, ingress: [{ fromPort: 6379, toPort: 6379, protocol: "tcp", cidrBlocks: ["10.0.1.0/24"] }] } },
    { type: "aws:lambda/function:Function", name: "fn", props: { runtime: "nodejs20.x", handler: "index.handler", role: unknown, environment: { variables: { A: "b" } } } },
    { type: "gcp:compute/subnetwork:Subnetwork", name: "subnet", props: { network: unknown, ipCidrRange: "10.1.0.0/24", region: "us-central1", privateIpGoogleAccess: true } },
    { type: "gcp:serviceaccount/account:Account", name: "sa", props: { accountId: "app", displayName: "app" } },
];

/** Representative inputs per checked type; types without an entry get an empty bag. */
const checked: Record<string, Record<string, unknown>[]> = {
    "aws:elasticache/replicationGroup:ReplicationGroup": [
        {
            description: "phi", engine: "redis", engineVersion: "7.1", transitEncryptionEnabled: true, transitEncryptionMode: "required",
            atRestEncryptionEnabled: true, kmsKeyId: unknown, automaticFailoverEnabled: true, multiAzEnabled: true, numCacheClusters: 2,
            snapshotRetentionLimit: 35, authToken: unknown,
        },
        { description: "bad", engine: "redis", engineVersion: "3.2.10", transitEncryptionMode: "preferred", numCacheClusters: 1 },
    ],
    "aws:elasticache/cluster:Cluster": [{ engine: "memcached", engineVersion: "1.6.22", transitEncryptionEnabled: true, azMode: "cross-az", numCacheNodes: 2 }],
    "aws:elasticache/serverlessCache:ServerlessCache": [{ engine: "valkey", majorEngineVersion: "8", snapshotRetentionLimit: 35, userGroupId: unknown }],
};

export function benchResources(count: number, checkedTypes: string[]): ResourceInput[] {
    const pool: ResourceInput[] = [...unrelated];
    for (const type of checkedTypes) {
        for (const [i, props] of (checked[type] ?? [{}]).entries()) pool.push({ type, name: `${type.split(":").pop()}-${i}`, props });
    }
    // Two unrelated resources for every checked one, cycling through the pool.
    const out: ResourceInput[] = [];
    for (let i = 0; out.length < count; i++) {
        const source = i % 3 === 2 ? pool[unrelated.length + (i % (pool.length - unrelated.length))] : unrelated[i % unrelated.length];
        out.push({ ...source, name: `${source.name}-${i}` });
    }
    return out;
}
