// Pub/Sub controls: topics encrypt messages with a customer-managed key, no topic or subscription is
// public, and messages are stored only in allowed regions. Defaults are the provider's
// (gcp.pubsub.TopicArgs and types/input pubsub.TopicMessageStoragePolicy).

import { booleanKnob } from "../lib/knobs";
import { gcpTypes, stringAttribute } from "../lib/facts";
import { publicIamGrants } from "../lib/gcp-iam";
import { isOutcome, Outcome, pass, undecided, violation } from "../lib/outcome";
import { defineResourcePolicy } from "../lib/policy";
import { classify, Props } from "../lib/props";
import { mustBeSet, valueOf } from "../lib/rules";
import { inAllowedLocations, locationKnobs, unconfigured } from "./locations";

export const topic = "gcp:pubsub/topic:Topic";
const iamTypes = [
    "gcp:pubsub/topicIAMMember:TopicIAMMember",
    "gcp:pubsub/topicIAMBinding:TopicIAMBinding",
    "gcp:pubsub/topicIAMPolicy:TopicIAMPolicy",
    "gcp:pubsub/subscriptionIAMMember:SubscriptionIAMMember",
    "gcp:pubsub/subscriptionIAMBinding:SubscriptionIAMBinding",
    "gcp:pubsub/subscriptionIAMPolicy:SubscriptionIAMPolicy",
];

const kmsKeyName = stringAttribute({ types: [topic], field: "kmsKeyName", source: gcpTypes("pubsub/topic") });
const customerKey = mustBeSet(kmsKeyName, {
    fix: "set kmsKeyName to the id of a gcp.kms.CryptoKey",
    missing: "kmsKeyName is not set, so messages are encrypted only with a Google-managed key",
});

export const encryptionAtRest = defineResourcePolicy({
    name: "gcp-pubsub-encryption-at-rest",
    description: "Pub/Sub topics encrypt stored messages with a customer-managed Cloud KMS key.",
    severity: "high",
    types: [topic],
    hipaa: ["164.312(a)(2)(iv)"],
    hitrust: ["1903.06d1", "19141.06c1", "0903.10f1"],
    tags: ["gcp", "pubsub", "encryption", "encryption-at-rest"],
    anchors: { gcp: ["gcp-pub-sub-01"], checkov: ["CKV_GCP_83"] },
    remediation:
        "Set `kmsKeyName` on the `gcp.pubsub.Topic` to the id of a `gcp.kms.CryptoKey`, after granting the Pub/Sub service agent " +
        "(`service-PROJECT_NUMBER@gcp-sa-pubsub.iam.gserviceaccount.com`) `roles/cloudkms.cryptoKeyEncrypterDecrypter` on it. " +
        "Set `allowGoogleManagedKeys: true` in this policy's config if Google-managed keys are acceptable.",
    knobs: {
        allowGoogleManagedKeys: booleanKnob({ default: false, description: "Accept Pub/Sub's default Google-managed encryption instead of requiring kmsKeyName." }),
    },
    check: (r, config) => (config.allowGoogleManagedKeys ? pass : customerKey.check(r.props, config)),
    noAutoRemediation: "which KMS key protects the topic is a person's choice, and the service agent must be granted it first",
});

export const noPublicAccess = defineResourcePolicy({
    name: "gcp-pubsub-no-public-access",
    description: "No Pub/Sub topic or subscription grants access to allUsers or allAuthenticatedUsers.",
    severity: "critical",
    types: iamTypes,
    hipaa: ["164.312(a)(1)"],
    hitrust: ["0805.01m1", "01.c"],
    tags: ["gcp", "pubsub", "access-control", "public-access"],
    anchors: { gcp: ["gcp-pub-sub-02"], checkov: ["CKV_GCP_99"] },
    remediation:
        "Remove `allUsers` and `allAuthenticatedUsers` from every `gcp.pubsub.TopicIAMMember`/`TopicIAMBinding`/`TopicIAMPolicy` and " +
        "`SubscriptionIAMMember`/`SubscriptionIAMBinding`/`SubscriptionIAMPolicy`; grant publisher and subscriber roles to specific service accounts.",
    check: r => publicIamGrants(r.type, r.props, r.type.includes("/topic") ? "the topic" : "the subscription"),
    noAutoRemediation: "removing a grant cuts off whoever relies on it; a person decides who should publish or subscribe instead",
});

const regionsPath = "messageStoragePolicy.allowedPersistenceRegions";

function storageRegions(props: Props, allowed: readonly string[]): Outcome[] {
    const fix = `set ${regionsPath} to regions among the allowed locations (${allowed.join(", ")})`;
    const block = props.single("messageStoragePolicy");
    if (block.state === "unknown") return [undecided(regionsPath)];
    if (block.state === "wrongType") return [violation({ code: "wrongType", field: "messageStoragePolicy", problem: "messageStoragePolicy is not a block", fix })];
    const list = block.state === "known" ? valueOf(block.value.list("allowedPersistenceRegions"), { path: regionsPath, expected: "a list of regions", fix, absent: [] as unknown[] }) : [];
    if (isOutcome(list)) return [list];
    if (list.length === 0) {
        return [violation({ code: "notSet", field: regionsPath, problem: `${regionsPath} is not set, so Pub/Sub may store messages in any region`, fix })];
    }
    return list.map((region, i) => inAllowedLocations(classify(region, "string"), { path: `${regionsPath}[${i}]`, allowed, fix }));
}

export const location = defineResourcePolicy({
    name: "gcp-pubsub-location",
    description: "Pub/Sub topics store messages only in the regions the organization allows (data residency), once allowedLocations is configured.",
    severity: "medium",
    types: [topic],
    hipaa: ["164.308(a)(1)(ii)(B)"],
    hitrust: ["0903.10f1"],
    tags: ["gcp", "pubsub", "data-residency"],
    anchors: { gcp: ["gcp-pub-sub-03"] },
    remediation:
        "Set `messageStoragePolicy: { allowedPersistenceRegions: [\"us-central1\"], enforceInTransit: true }` on the `gcp.pubsub.Topic` with regions among " +
        "this policy's `allowedLocations`. Without it, Pub/Sub stores messages in the region nearest the publisher, unless the organization policy " +
        "`constraints/gcp.resourceLocations` restricts it.",
    knobs: locationKnobs,
    check: (r, config) => unconfigured(config.allowedLocations) ?? storageRegions(r.props, config.allowedLocations),
    // Restricting storage regions reroutes publishers' messages, which a person confirms first.
    noAutoRemediation: "which regions may hold the messages is a person's decision",
});

export const policies = [encryptionAtRest, noPublicAccess, location];
