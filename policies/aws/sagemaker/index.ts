// SageMaker controls: the storage of endpoints and notebook instances is encrypted with a KMS key,
// and notebooks have no direct internet access.

import endpointEncryption from "./endpoint-encryption";
import notebookEncryption from "./notebook-encryption";
import notebookNoDirectInternet from "./notebook-no-direct-internet";

export const policies = [endpointEncryption, notebookEncryption, notebookNoDirectInternet];
