// Every IAM member, binding and policy resource type of @pulumi/gcp 9.37, by module: each entry is a
// class-name stem ("CryptoKeyIAM", "RepositoryIam") that the provider ships as <stem>Member,
// <stem>Binding and <stem>Policy, with the token gcp:<module>/<stem with a lower-case first letter><suffix>:<stem><suffix>
// (so "gcp:projects/iAMMember:IAMMember"). Derived from the installed package (every __pulumiType
// ending in Member, Binding or Policy after Iam/IAM: 158 stems, 474 types), never written by hand;
// tests/gcp/iam/types.test.ts derives it again from node_modules and fails when the provider changes.

import { gcpTypes, serviceFact } from "../../lib/facts";

const stemsByModule: Readonly<Record<string, string>> = {
    accesscontextmanager: "AccessPolicyIam",
    apigateway: "ApiConfigIam ApiIam GatewayIam",
    apigee: "EnvironmentIam",
    artifactregistry: "RepositoryIam",
    beyondcorp: "SecurityGatewayApplicationIam SecurityGatewayIam",
    biglake: "HiveCatalogIam HiveDatabaseIam HiveTableIam IcebergCatalogIam IcebergNamespaceIam IcebergTableIam",
    bigquery: "ConnectionIam Datapolicyv2DataPolicyIam DatasetIam Iam RoutineIam",
    bigqueryanalyticshub: "DataExchangeIam ListingIam",
    bigquerydatapolicy: "DataPolicyIam",
    bigtable: "InstanceIam TableIam",
    billing: "AccountIam",
    binaryauthorization: "AttestorIam",
    certificateauthority: "CaPoolIam CertificateTemplateIam",
    cloudbuildv2: "ConnectionIAM",
    clouddeploy: "CustomTargetTypeIam DeliveryPipelineIam TargetIam",
    cloudfunctions: "FunctionIam",
    cloudfunctionsv2: "FunctionIam",
    cloudrun: "Iam",
    cloudrunv2: "JobIam ServiceIam WorkerPoolIam",
    cloudtasks: "QueueIam",
    colab: "RuntimeTemplateIam",
    compute: [
        "BackendBucketIam BackendServiceIam DiskIam FirewallPolicyIam ImageIam InstanceIAM InstanceTemplateIam",
        "InstantSnapshotIam MachineImageIam NetworkFirewallPolicyIam RegionBackendBucketIam RegionBackendServiceIam",
        "RegionDiskIam RegionInstantSnapshotIam RegionNetworkFirewallPolicyIam SnapshotIam StoragePoolIam SubnetworkIAM",
    ].join(" "),
    containeranalysis: "NoteIam",
    datacatalog: "EntryGroupIam PolicyTagIam TagTemplateIam TaxonomyIam",
    dataform: "RepositoryIam",
    dataplex: [
        "AspectTypeIam AssetIam DataProductIam DatascanIam EntryGroupIam EntryTypeIam GlossaryIam LakeIam TaskIam",
        "ZoneIam",
    ].join(" "),
    dataproc: [
        "AutoscalingPolicyIam ClusterIAM JobIAM MetastoreDatabaseIam MetastoreFederationIam MetastoreServiceIam",
        "MetastoreTableIam",
    ].join(" "),
    discoveryengine: "SearchEngineIam",
    dns: "DnsManagedZoneIam",
    endpoints: "ConsumersIam ServiceIam",
    folder: "IAM",
    gemini: "RepositoryGroupIam",
    gkebackup: "BackupPlanIam RestorePlanIam",
    gkehub: "FeatureIam MembershipIam ScopeIam",
    healthcare: "ConsentStoreIam DatasetIam DicomStoreIam FhirStoreIam Hl7StoreIam",
    iam: "WorkforcePoolIam WorkloadIdentityPoolIam",
    iap: [
        "AgentRegistryAgentIam AgentRegistryEndpointIam AgentRegistryIam AgentRegistryMcpServerIam AppEngineServiceIam",
        "AppEngineVersionIam LocationWebIam TunnelDestGroupIam TunnelIam TunnelInstanceIAM WebBackendServiceIam",
        "WebCloudRunServiceIam WebForwardingRuleServiceIam WebIam WebRegionBackendServiceIam",
        "WebRegionForwardingRuleServiceIam WebTypeAppEngingIam WebTypeComputeIam",
    ].join(" "),
    kms: "CryptoKeyIAM EkmConnectionIam KeyRingIAM",
    logging: "LogViewIam",
    networkconnectivity: "HubIam",
    networksecurity: "AddressGroupIam",
    notebooks: "InstanceIam RuntimeIam",
    organizations: "IAM",
    projects: "IAM",
    pubsub: "SchemaIam SubscriptionIAM TopicIAM",
    runtimeconfig: "ConfigIam",
    secretmanager: "RegionalSecretIam SecretIam",
    securesourcemanager: "InstanceIam RepositoryIam",
    securitycenter: "InstanceIam SourceIam V2OrganizationSourceIam",
    serviceaccount: "IAM",
    servicedirectory: "NamespaceIam ServiceIam",
    sourcerepo: "RepositoryIam",
    spanner: "DatabaseIAM InstanceIAM",
    storage: "BucketIAM ManagedFolderIam",
    tags: "TagKeyIam TagValueIam",
    vertex: [
        "AiEndpointIam AiFeatureGroupIam AiFeatureOnlineStoreFeatureviewIam AiFeatureOnlineStoreIam",
        "AiFeatureStoreEntityTypeIam AiFeatureStoreIam AiReasoningEngineIam",
    ].join(" "),
    workbench: "InstanceIam",
    workstations: "WorkstationConfigIam WorkstationIam",
};

export type IamShape = "Member" | "Binding" | "Policy";
const shapes: readonly IamShape[] = ["Member", "Binding", "Policy"];

function tokens(module: string, stem: string): string[] {
    const file = stem[0].toLowerCase() + stem.slice(1);
    return shapes.map(shape => `gcp:${module}/${file}${shape}:${stem}${shape}`);
}

/** Every IAM member, binding and policy type token, module by module. */
export const allIamTypes: readonly string[] = Object.entries(stemsByModule).flatMap(([module, stems]) => stems.split(" ").flatMap(stem => tokens(module, stem)));

/** The module of a type token ("gcp:kms/cryptoKeyIAMMember:CryptoKeyIAMMember" → "kms"). */
export function moduleOf(type: string): string {
    return type.slice(type.indexOf(":") + 1, type.indexOf("/"));
}

/** The IAM types of the given modules. */
export function iamTypesOf(modules: readonly string[]): string[] {
    return allIamTypes.filter(t => modules.includes(moduleOf(t)));
}

serviceFact({
    about: "GCP IAM resource types",
    says: "every service's IAM comes as <Resource>IamMember (one member, non-authoritative), <Resource>IamBinding (members of one role, authoritative for that role) and <Resource>IamPolicy (policyData, authoritative for the resource)",
    source: `${gcpTypes("*/*IamMember, *IamBinding, *IamPolicy")} (474 types in 58 modules)`,
});
