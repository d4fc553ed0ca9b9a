import { garbage, passes, policyCases, remediates, undecided, violates } from "../../cases";
import { backendService, backendServiceOutputs, regionBackendService } from "../../factories";
import { unknown } from "../../../tools/lib/analyzer-client";

const policy = "gcp-loadbalancing-backend-logging";
const both = (changes: Record<string, unknown>) => [backendService(changes), regionBackendService(changes)];

policyCases(policy, [
    passes(backendService()),
    passes(regionBackendService()),
    passes(backendServiceOutputs()),
    ...both({ logConfig: undefined }).map(r => violates(r, { code: "absentDefault", field: "logConfig.enable" })),
    ...both({ logConfig: { sampleRate: 1 } }).map(r => violates(r, { code: "absentDefault", field: "logConfig.enable" })),
    violates(backendService({ logConfig: { enable: false } }), { code: "notAllowed", field: "logConfig.enable" }),
    violates(backendServiceOutputs({ logConfig: [{ enable: false, optionalFields: [], optionalMode: "", sampleRate: 0 }] }), { code: "notAllowed", field: "logConfig.enable" }),
    violates(backendServiceOutputs({ logConfig: [] }), { code: "absentDefault", field: "logConfig.enable" }),
    violates(backendService({ logConfig: { enable: true, sampleRate: 0 } }), { code: "noSampling", field: "logConfig.sampleRate" }),
    violates(backendServiceOutputs({ logConfig: [{ enable: true, optionalFields: [], optionalMode: "", sampleRate: "0" }] }), { code: "noSampling", field: "logConfig.sampleRate" }),
    passes(regionBackendService({ logConfig: { enable: true, sampleRate: 0.1 } })),
    undecided(backendService({ logConfig: unknown }), "logConfig"),
    undecided(backendService({ logConfig: { enable: unknown } }), "logConfig.enable"),
    undecided(backendService({ logConfig: { enable: true, sampleRate: unknown } }), "logConfig.sampleRate"),
    violates(backendService({ logConfig: { enable: "true" } }), { code: "wrongType", field: "logConfig.enable" }),
    ...[{ logConfig: 1 }, { logConfig: [{ enable: [], sampleRate: {} }] }].flatMap(props => both(props).map(r => garbage(r))),
    remediates(backendService({ logConfig: undefined }), { logConfig: { enable: true } }),
    remediates(regionBackendService({ logConfig: { enable: false, sampleRate: 0 } }), { logConfig: { enable: true, sampleRate: 1 } }),
    remediates(backendServiceOutputs({ logConfig: [{ enable: false, optionalFields: [], optionalMode: "", sampleRate: 1 }] }), { logConfig: [{ enable: true, optionalFields: [], optionalMode: "", sampleRate: 1 }] }),
    remediates(backendService(), "nothing"),
    remediates(backendService({ logConfig: unknown }), "nothing"),
]);
