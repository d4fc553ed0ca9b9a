// Issue 12: Compute Engine metadata keys are case-sensitive ("Metadata keys are case sensitive",
// cloud.google.com/compute/docs/metadata/setting-custom-metadata): only the documented spelling
// counts. The guest agent decodes enable-oslogin and block-project-ssh-keys with Go's
// encoding/json, which also matches another case, so another spelling that is not true is reported.

import { passes, policyCases, remediates, undecided, violates } from "../../cases";
import { instance } from "../../factories";
import { unknown } from "../../../tools/lib/analyzer-client";
import { fromTemplate, osLogin, projectMetadata, projectMetadataItem, stateInstance } from "./issue-12-fixtures";

const oslogin = 'metadata["enable-oslogin"]';
const blockKeys = 'metadata["block-project-ssh-keys"]';
const serial = 'metadata["serial-port-enable"]';

policyCases("gcp-compute-os-login", [
    // Another spelling alone is not the key Compute Engine documents.
    violates(instance({ metadata: { "ENABLE-OSLOGIN": "TRUE", "Block-Project-SSH-Keys": "1" } }), [{ code: "absentDefault", field: oslogin }, { code: "absentDefault", field: blockKeys }]),
    passes(instance({ metadata: { ...osLogin, "ENABLE-OSLOGIN": "TRUE" } })),
    // ...but the guest agent may read it, so one that is not true is reported beside the right one.
    violates(instance({ metadata: { ...osLogin, "ENABLE-OSLOGIN": "FALSE" } }), { code: "otherSpelling", field: oslogin }),
    violates(stateInstance({ metadata: { ...osLogin, "Block-Project-Ssh-Keys": "no" } }), { code: "otherSpelling", field: blockKeys }),
    violates(instance({ metadata: { "block-project-ssh-keys": "TRUE", "Enable-OsLogin": "FALSE" } }), { code: "otherSpelling", field: oslogin }, { osLoginEnforcedByProject: true }),
    undecided(instance({ metadata: { ...osLogin, "ENABLE-OSLOGIN": unknown } }), oslogin),
    violates(projectMetadata({ metadata: { "enable-oslogin": "TRUE", "ENABLE-OSLOGIN": "FALSE" } }), { code: "otherSpelling", field: oslogin }),
    violates(projectMetadata({ metadata: { "ENABLE-OSLOGIN": "TRUE", "enable-oslogin": "FALSE" } }), { code: "notAllowed", field: oslogin }),
    passes(projectMetadataItem({ key: "ENABLE-OSLOGIN", value: "FALSE" })),
    passes(fromTemplate({ metadata: osLogin })),
]);

policyCases("gcp-compute-serial-port", [
    // The serial console reads serial-port-enable only: other spellings turn nothing on.
    passes(instance({ metadata: { ...osLogin, "SERIAL-PORT-ENABLE": "TRUE" } })),
    passes(projectMetadata({ metadata: { "Serial-Port-Enable": "1" } })),
    passes(projectMetadataItem({ key: "SERIAL-PORT-ENABLE", value: "TRUE" })),
    violates(instance({ metadata: { ...osLogin, "serial-port-enable": "TRUE", "SERIAL-PORT-ENABLE": "FALSE" } }), { code: "notAllowed", field: serial }),
    remediates(instance({ metadata: { ...osLogin, "serial-port-enable": "TRUE", "Serial-Port-Enable": "1" } }), { metadata: { ...osLogin, "serial-port-enable": "FALSE", "Serial-Port-Enable": "1" } }),
    remediates(instance({ metadata: { ...osLogin, "Serial-Port-Enable": "1" } }), "nothing"),
]);
