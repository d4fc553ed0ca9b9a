// The SDK deserializes a resource's properties afresh for every policy that runs on it: once per
// multi-type policy in Analyze (only single-type policies are skipped before that), and the whole
// stack once per stack policy in AnalyzeStack. Measured here, that is most of what this pack costs
// beyond the empty pack (AnalyzeStack on 10,000 resources: ~170 ms per stack policy, against
// near nothing for the checks themselves). The properties of one request are the same protobuf
// Struct object for every policy, so the pack deserializes each Struct once and shares the result.
// (Deserializing lazily, on a policy's first read, measured no better: most resources are read.)
// Under per-type dispatch (dispatch.ts) AnalyzeStack builds its resources once anyway; Analyze
// still runs every policy for the resource's type on the same Struct, and the SDK path needs both.
//
// Safe because nothing mutates the result in validation: the SDK wraps it in a read-only checking
// proxy and hipaa-guard's policies only read it. Remediate (proxySecrets = true), whose proxy
// writes through, keeps the SDK's own path. If the SDK's module shape ever differs, this does
// nothing and the pack is merely slower.

// eslint-disable-next-line @typescript-eslint/no-var-requires
const deserialize: { deserializeProperties?: unknown } = require("@pulumi/policy/deserialize");

type Deserialize = (struct: object, proxySecrets: boolean) => Record<string, unknown>;

export function shareDeserializedProperties(): boolean {
    const original = deserialize.deserializeProperties;
    if (typeof original !== "function" || (original as { shared?: boolean }).shared) return false;
    const cache = new WeakMap<object, Record<string, unknown>>();
    const shared = (struct: object, proxySecrets: boolean): Record<string, unknown> => {
        if (proxySecrets || typeof struct !== "object" || struct === null) return (original as Deserialize)(struct, proxySecrets);
        let props = cache.get(struct);
        if (props === undefined) {
            props = (original as Deserialize)(struct, false);
            cache.set(struct, props);
        }
        return props;
    };
    (shared as { shared?: boolean }).shared = true;
    deserialize.deserializeProperties = shared;
    return true;
}

