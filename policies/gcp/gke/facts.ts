// What the pack knows about GKE clusters and node pools, shared by the gcp-gke-* policies.
//
// Node settings (service account, Shielded nodes, boot-disk key, image, metadata server) are
// checked where the nodes come from: a `gcp.container.NodePool`'s `nodeConfig`, a cluster's inline
// `nodePools[].nodeConfig`, and the cluster's own `nodeConfig`, which configures only its default
// node pool, so it is not what runs once `removeDefaultNodePool` is true. On an Autopilot cluster
// Google runs the nodes; the settings it lets a customer choose sit in
// `clusterAutoscaling.autoProvisioningDefaults`.

import { booleanAttribute, gcpTypes, serviceFact, stringAttribute } from "../../lib/facts";
import { isOutcome, notApplicable, Outcome, undecided, violation } from "../../lib/outcome";
import { Resource } from "../../lib/policy";
import { classify, Kind, Props, Read } from "../../lib/props";
import { blockOf, Element, elementsOf, valueOf } from "../../lib/rules";

export const cluster = "gcp:container/cluster:Cluster";
export const nodePool = "gcp:container/nodePool:NodePool";
export const gkeTypes = [cluster, nodePool];

const clusterSource = gcpTypes("container/cluster");
const poolSource = gcpTypes("container/nodePool");
const bothSources = `${clusterSource} and ${poolSource}`;
const autopilotDocs = "https://cloud.google.com/kubernetes-engine/docs/resources/autopilot-standard-feature-comparison";

export const enableAutopilot = booleanAttribute({ types: [cluster], field: "enableAutopilot", default: false, source: clusterSource });
export const removeDefaultNodePool = booleanAttribute({ types: [cluster], field: "removeDefaultNodePool", default: false, source: clusterSource });
export const enableLegacyAbac = booleanAttribute({ types: [cluster], field: "enableLegacyAbac", default: false, source: clusterSource });
export const enableShieldedNodes = booleanAttribute({ types: [cluster], field: "enableShieldedNodes", default: true, source: clusterSource });
export const enableIntranodeVisibility = booleanAttribute({ types: [cluster], field: "enableIntranodeVisibility", default: false, source: clusterSource });
export const enablePrivateNodes = booleanAttribute({ types: [cluster], block: "privateClusterConfig", field: "enablePrivateNodes", default: false, source: clusterSource });
export const loggingService = stringAttribute({
    types: [cluster],
    field: "loggingService",
    default: "logging.googleapis.com/kubernetes",
    values: ["logging.googleapis.com", "logging.googleapis.com/kubernetes", "none"],
    source: clusterSource,
});
export const monitoringService = stringAttribute({
    types: [cluster],
    field: "monitoringService",
    default: "monitoring.googleapis.com/kubernetes",
    values: ["monitoring.googleapis.com", "monitoring.googleapis.com/kubernetes", "none"],
    source: clusterSource,
});
export const datapathProvider = stringAttribute({
    types: [cluster],
    field: "datapathProvider",
    default: "LEGACY_DATAPATH",
    values: ["LEGACY_DATAPATH", "ADVANCED_DATAPATH", "DATAPATH_PROVIDER_UNSPECIFIED"],
    source: clusterSource,
});
export const networkingMode = stringAttribute({
    types: [cluster],
    field: "networkingMode",
    default: "VPC_NATIVE",
    values: ["VPC_NATIVE", "ROUTES"],
    source: `${clusterSource} ("Newly created clusters will default to VPC_NATIVE")`,
});
export const releaseChannels = ["UNSPECIFIED", "RAPID", "REGULAR", "STABLE", "EXTENDED"];
serviceFact({
    about: "gcp.container.Cluster releaseChannel",
    says: "omitted: GKE enrolls a new Standard cluster in a release channel (Regular unless the version asks otherwise); UNSPECIFIED opts out",
    source: `${clusterSource}; https://cloud.google.com/kubernetes-engine/docs/how-to/release-channels`,
});
export const databaseEncryptionStates = ["ENCRYPTED", "DECRYPTED"];
serviceFact({ about: "gcp.container.Cluster databaseEncryption", says: "omitted: state DECRYPTED (etcd secrets encrypted only with Google's keys)", source: clusterSource });
export const binaryAuthorizationModes = ["DISABLED", "PROJECT_SINGLETON_POLICY_ENFORCE"];
serviceFact({ about: "gcp.container.Cluster binaryAuthorization", says: "omitted: evaluationMode DISABLED; `enabled: true` is the deprecated spelling of PROJECT_SINGLETON_POLICY_ENFORCE", source: clusterSource });
export const workloadMetadataModes = ["GKE_METADATA", "GCE_METADATA", "MODE_UNSPECIFIED"];
export const imageTypes = ["COS_CONTAINERD", "COS", "UBUNTU_CONTAINERD", "UBUNTU", "WINDOWS_LTSC_CONTAINERD", "WINDOWS_SAC_CONTAINERD", "WINDOWS_LTSC", "WINDOWS_SAC"];
serviceFact({ about: "GKE nodeConfig imageType", says: "omitted: COS_CONTAINERD, GKE's default node image; compared without case", source: `${bothSources}; https://cloud.google.com/kubernetes-engine/docs/concepts/node-images` });
serviceFact({ about: "GKE nodeConfig serviceAccount", says: "omitted: the Compute Engine default service account", source: `${bothSources} ("If not specified, the \\"default\\" service account is used")` });
export const secureBoot = booleanAttribute({ types: gkeTypes, block: "shieldedInstanceConfig", field: "enableSecureBoot", default: false, source: bothSources });
export const integrityMonitoring = booleanAttribute({ types: gkeTypes, block: "shieldedInstanceConfig", field: "enableIntegrityMonitoring", default: true, source: bothSources });
export const autoRepair = booleanAttribute({ types: [nodePool], block: "management", field: "autoRepair", default: true, source: `${poolSource}; https://cloud.google.com/kubernetes-engine/docs/how-to/node-auto-repair` });
export const autoUpgrade = booleanAttribute({ types: [nodePool], block: "management", field: "autoUpgrade", default: true, source: `${poolSource}; https://cloud.google.com/kubernetes-engine/docs/how-to/node-auto-upgrades` });
serviceFact({
    about: "GKE Autopilot clusters",
    says: "Google manages the nodes: Shielded nodes with Secure Boot, Workload Identity, Container-Optimized OS, auto-repair and auto-upgrade, a release channel, Dataplane V2 and VPC-native networking are always on and cannot be changed",
    source: autopilotDocs,
});

/** The default Compute Engine service account, as GKE names it ("default" or its email). */
export const defaultComputeAccount = /^(default|\d+-compute@developer\.gserviceaccount\.com)$/i;

/** The nested block at `path` (objects, or one-element lists), absent when any step is. */
export function blockAt(props: Props, path: readonly string[]): Read<Props> {
    let read: Read<Props> = { state: "known", value: props };
    for (const key of path) {
        if (read.state !== "known") return read;
        read = read.value.single(key);
    }
    return read;
}

/** Whether the cluster is Autopilot: the boolean, or the outcome that stops the check. */
export function isAutopilot(r: Resource): boolean | Outcome {
    if (r.type !== cluster) return false;
    const fix = "set enableAutopilot to true or false";
    const value = valueOf(r.props.boolean(enableAutopilot.field), { path: enableAutopilot.field, expected: "a boolean", fix, absent: false });
    return value;
}

/** For a setting Google manages on Autopilot: not applicable there (undefined on Standard clusters and node pools). */
export function managedOnAutopilot(r: Resource, what: string): Outcome | undefined {
    const autopilot = isAutopilot(r);
    if (isOutcome(autopilot)) return autopilot;
    return autopilot ? notApplicable(`on an Autopilot cluster Google manages ${what} (${autopilotDocs})`) : undefined;
}

/** A block of node settings as checks see it, with the path messages name it by. */
export interface NodeSettings {
    readonly path: string;
    readonly props: Props;
}

const poolsFix = "set nodePools to a list of node pool blocks";

/**
 * The node settings of a Standard cluster or node pool that decide what runs: a pool's
 * `nodeConfig`, a cluster's inline `nodePools[].<field>` and, unless `removeDefaultNodePool` is
 * true, its default pool's `<field>`. `field` is "nodeConfig" or "management". An omitted block
 * reads as empty (the provider's defaults).
 */
export function nodeBlocks(r: Resource, field: "nodeConfig" | "management"): { blocks: NodeSettings[]; outcomes: Outcome[] } {
    const fix = `set ${field} to a block`;
    const one = (props: Props, path: string): { blocks: NodeSettings[]; outcomes: Outcome[] } => {
        const block = blockOf(props.single(field), { path, fix });
        return isOutcome(block) ? { blocks: [], outcomes: [block] } : { blocks: [{ path, props: block }], outcomes: [] };
    };
    if (r.type === nodePool) return one(r.props, field);
    const pools = elementsOf(r.props, { field: "nodePools", fix: poolsFix });
    const blocks: NodeSettings[] = [];
    const outcomes: Outcome[] = [...pools.outcomes];
    for (const pool of pools.elements) {
        const got = one(pool.props, `${pool.path}.${field}`);
        blocks.push(...got.blocks);
        outcomes.push(...got.outcomes);
    }
    // The default pool has no management block of its own: GKE turns auto-repair and auto-upgrade on for it.
    if (field === "management") return { blocks, outcomes };
    const removed = valueOf(r.props.boolean(removeDefaultNodePool.field), { path: removeDefaultNodePool.field, expected: "a boolean", fix: "set removeDefaultNodePool: true", absent: false });
    if (isOutcome(removed)) outcomes.push(removed);
    else if (!removed) {
        const got = one(r.props, field);
        blocks.push(...got.blocks);
        outcomes.push(...got.outcomes);
    }
    return { blocks, outcomes };
}

/** Why a cluster with no node settings of its own to check is not applicable. */
export const noDefaultPool = notApplicable(
    "removeDefaultNodePool is true, so the cluster's nodeConfig does not run: its gcp.container.NodePool resources are checked instead",
);

/**
 * Runs `check` on every block of node settings of a Standard cluster or node pool; not applicable
 * when a cluster runs no node settings of its own.
 */
export function onNodes(r: Resource, field: "nodeConfig" | "management", check: (b: NodeSettings) => Outcome[]): Outcome[] {
    const { blocks, outcomes } = nodeBlocks(r, field);
    if (blocks.length === 0 && outcomes.length === 0) return [field === "nodeConfig" ? noDefaultPool : notApplicable("the cluster declares no node pools of its own")];
    return [...outcomes, ...blocks.flatMap(check)];
}

/** The known elements of the list `field` inside a block at `blockPath`, paths and outcomes named in full. */
export function listIn(block: Props, blockPath: string, field: string, fix: string): { elements: Element[]; outcomes: Outcome[] } {
    const { elements, outcomes } = elementsOf(block, { field, fix });
    const full = (path: string) => `${blockPath}.${path}`;
    return {
        elements: elements.map(e => ({ path: full(e.path), props: e.props })),
        outcomes: outcomes.map(o =>
            o.kind === "undecided" ? undecided(full(o.field)) : o.kind === "violation" ? violation({ code: o.code, field: full(o.field), problem: `${blockPath}.${o.problem}`, fix: o.fix }) : o,
        ),
    };
}

/** `field` of the nested block at `path`: absent when the block is, unknown or wrong-typed when the block itself is. */
export function readAt<K extends Kind>(props: Props, path: readonly string[], field: string, kind: K): ReturnType<typeof classify<K>> {
    const block = blockAt(props, path);
    return block.state === "known" ? classify(block.value.raw(field), kind) : block;
}
