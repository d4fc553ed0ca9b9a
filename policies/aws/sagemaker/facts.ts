// What the pack knows about SageMaker: the type tokens and the provider defaults of the properties
// its policies read (storage encryption keys, a notebook's direct internet access).

import { awsTypes, serviceFact, stringAttribute } from "../../lib/facts";

export const endpointConfiguration = "aws:sagemaker/endpointConfiguration:EndpointConfiguration";
export const notebookInstance = "aws:sagemaker/notebookInstance:NotebookInstance";

const notebookSource = awsTypes("sagemaker/notebookInstance");

export const endpointKey = stringAttribute({ types: [endpointConfiguration], field: "kmsKeyArn", source: awsTypes("sagemaker/endpointConfiguration") });
export const notebookKey = stringAttribute({ types: [notebookInstance], field: "kmsKeyId", source: notebookSource });
export const directInternetAccess = stringAttribute({
    types: [notebookInstance], field: "directInternetAccess", default: "Enabled", values: ["Enabled", "Disabled"],
    source: notebookSource + "; Amazon SageMaker Developer Guide: connect a notebook instance in a VPC to external resources (notebook instances have direct internet access by default)",
});

export const keyChoice = "which KMS key encrypts the volumes is a person's choice, and its key policy must let SageMaker use it";

serviceFact({
    about: "aws.sagemaker.EndpointConfiguration kmsKeyArn",
    says: "instance types with local (NVMe instance store) storage encrypt it with a hardware key and reject a KMS key",
    source: "Amazon SageMaker API Reference: CreateEndpointConfig (KmsKeyId); " + awsTypes("sagemaker/endpointConfiguration"),
});
serviceFact({
    about: "aws.sagemaker.NotebookInstance directInternetAccess Disabled",
    says: "requires subnetId and securityGroups; the notebook then reaches only its VPC (and the internet through a NAT gateway the VPC provides)",
    source: notebookSource,
});
