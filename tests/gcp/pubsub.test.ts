import { Case, garbage, notApplicable, passes, policyCases, remediates, undecided, violates } from "../cases";
import { GCP_APP_SA, pubsubTopic, pubsubTopicIamMember } from "../factories";
import { secret, unknown } from "../../tools/lib/analyzer-client";

const us = { allowedLocations: ["us-central1", "us-east4"] };
const regions = "messageStoragePolicy.allowedPersistenceRegions";
const subscriptionBinding = { type: "gcp:pubsub/subscriptionIAMBinding:SubscriptionIAMBinding", name: "subs", props: { subscription: "phi-sub", role: "roles/pubsub.subscriber", members: [`serviceAccount:${GCP_APP_SA}`] } };

policyCases("gcp-pubsub-encryption-at-rest", [
    passes(pubsubTopic()),
    passes(pubsubTopic({ kmsKeyName: unknown })),
    violates(pubsubTopic({ kmsKeyName: undefined }), { code: "notSet", field: "kmsKeyName" }),
    violates(pubsubTopic({ kmsKeyName: "" }), { code: "notSet", field: "kmsKeyName" }),
    violates(pubsubTopic({ kmsKeyName: 9 }), { code: "wrongType", field: "kmsKeyName" }),
    passes(pubsubTopic({ kmsKeyName: undefined }), { allowGoogleManagedKeys: true }),
    garbage(pubsubTopic({ kmsKeyName: { SECRET: secret("SECRET") } })),
    remediates(pubsubTopic({ kmsKeyName: undefined }), "nothing"),
]);

policyCases("gcp-pubsub-no-public-access", [
    passes(pubsubTopicIamMember()),
    passes(subscriptionBinding),
    violates(pubsubTopicIamMember({ member: "allUsers" }), { code: "publicPrincipal", field: "member" }),
    violates({ ...subscriptionBinding, props: { ...subscriptionBinding.props, members: ["allAuthenticatedUsers"] } }, { code: "publicPrincipal", field: "members[0]" }),
    undecided(pubsubTopicIamMember({ member: unknown }), "member"),
    violates(pubsubTopicIamMember({ member: 1 }), { code: "wrongType", field: "member" }),
    passes(pubsubTopicIamMember({ condition: [], etag: "" })),
    garbage(pubsubTopicIamMember({ member: secret("SECRET") })),
]);

policyCases("gcp-pubsub-location", [
    notApplicable(pubsubTopic(), /no allowedLocations/),
    passes(pubsubTopic(), us),
    passes(pubsubTopic({ messageStoragePolicy: [{ allowedPersistenceRegions: ["US-EAST4", "us-central1"], enforceInTransit: false }] }), us),
    violates(pubsubTopic({ messageStoragePolicy: undefined }), { code: "notSet", field: regions }, us),
    violates(pubsubTopic({ messageStoragePolicy: [] }), { code: "notSet", field: regions }, us),
    violates(pubsubTopic({ messageStoragePolicy: { allowedPersistenceRegions: ["us-central1", "europe-west1"] } }), { code: "locationNotAllowed", field: `${regions}[1]` }, us),
    violates(pubsubTopic({ messageStoragePolicy: { allowedPersistenceRegions: "us-central1" } }), { code: "wrongType", field: regions }, us),
    violates(pubsubTopic({ messageStoragePolicy: "us" }), { code: "wrongType", field: "messageStoragePolicy" }, us),
    undecided(pubsubTopic({ messageStoragePolicy: unknown }), regions, us),
    undecided(pubsubTopic({ messageStoragePolicy: { allowedPersistenceRegions: [unknown] } }), `${regions}[0]`, us),
    { kind: "garbage", resource: pubsubTopic({ messageStoragePolicy: { allowedPersistenceRegions: [secret("SECRET"), { SECRET: 1 }] } }), knobs: us } as Case,
    remediates(pubsubTopic({ messageStoragePolicy: undefined }), "nothing", us),
]);
