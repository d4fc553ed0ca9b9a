// AnalyzeStack hands every resource of the stack, and the SDK's handler builds a policy resource
// for each (deserialized properties in an unknown-checking proxy, an options object, the provider's
// deserialized properties, dependency objects) before any stack policy runs. Stack policies read
// only type, name, URN, properties and property dependencies, through Props (which reads past the
// proxy anyway); so the resources are built here from the request with the SDK's own
// deserializeProperties, and nothing else. (Requests stack-wire.ts reads from their bytes never
// reach this; it builds the same resources without the protobuf library's decoding.)
//
// The SDK's build fails the whole request when a resource lacks options or holds a value that
// cannot be deserialized, its provider's included. The same checks run here, with the same
// deserializer: a request they refuse is left to the SDK's own build, which then fails exactly as
// it would have. (Deserializing each field on its first read instead was measured slower: checking
// that an unread field would deserialize costs as much as deserializing it.)

import { PolicyResource } from "@pulumi/policy";

/** The parts of pulumirpc.AnalyzerResource read here. */
export interface ProtoResource {
    getType(): string;
    getName(): string;
    getUrn(): string;
    getProperties(): object | undefined;
    getOptions(): unknown;
    getProvider(): { getProperties(): object | undefined } | undefined;
    getPropertydependenciesMap(): { forEach(f: (value: { getUrnsList(): string[] }, key: string) => void): void };
}

type Deserialize = (struct: object | undefined, proxySecrets: boolean) => unknown;

/**
 * The request's resources as stack policies read them (type, name, URN, properties, property
 * dependencies by URN), or undefined where the SDK's own build fails on the request: the caller
 * must then build them the SDK's way, so the request fails exactly as it would.
 */
export function stackResources(resources: readonly ProtoResource[], deserialize: Deserialize): readonly PolicyResource[] | undefined {
    const built: PolicyResource[] = [];
    try {
        for (const r of resources) {
            if (!r.getOptions()) return undefined;
            const props = deserialize(r.getProperties(), false);
            const provider = r.getProvider();
            if (provider) deserialize(provider.getProperties(), false);
            const propertyDependencies: Record<string, { urn: string }[]> = {};
            r.getPropertydependenciesMap().forEach((v, k) => void (propertyDependencies[k] = v.getUrnsList().map(urn => ({ urn }))));
            built.push({ type: r.getType(), name: r.getName(), urn: r.getUrn(), props, propertyDependencies } as unknown as PolicyResource);
        }
    } catch {
        return undefined;
    }
    return built;
}
