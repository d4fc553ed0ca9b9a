// What the pack knows about BigQuery datasets and tables, and the resources that grant access to them.

import { gcpTypes, stringAttribute } from "../../lib/facts";

export const dataset = "gcp:bigquery/dataset:Dataset";
export const table = "gcp:bigquery/table:Table";
export const datasetAccess = "gcp:bigquery/datasetAccess:DatasetAccess";

/** IAM resources on datasets and on tables (type tokens as the installed @pulumi/gcp spells them). */
export const iamTypes = [
    "gcp:bigquery/datasetIamMember:DatasetIamMember",
    "gcp:bigquery/datasetIamBinding:DatasetIamBinding",
    "gcp:bigquery/datasetIamPolicy:DatasetIamPolicy",
    "gcp:bigquery/iamMember:IamMember",
    "gcp:bigquery/iamBinding:IamBinding",
    "gcp:bigquery/iamPolicy:IamPolicy",
];

const inputSource = `${gcpTypes("types/input")} (bigquery.DatasetAccess, DatasetDefaultEncryptionConfiguration, TableEncryptionConfiguration)`;

export const datasetKey = stringAttribute({ types: [dataset], block: "defaultEncryptionConfiguration", field: "kmsKeyName", source: inputSource });
export const tableKey = stringAttribute({ types: [table], block: "encryptionConfiguration", field: "kmsKeyName", source: inputSource });
export const datasetLocation = stringAttribute({ types: [dataset], field: "location", default: "US", source: `${gcpTypes("bigquery/dataset")} ("The default value is multi-regional location US")` });
