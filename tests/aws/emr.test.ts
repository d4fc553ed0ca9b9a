import { stackCases, stackGarbage, stackNotApplicable, stackPasses, stackUndecided, stackViolates } from "../cases";
import { BUILD_SECRET, emrCluster, emrClusterIn, emrClusterOutputs, res, subnetOf, subnetOutputs, T17 } from "../factories";
import { secret, unknown } from "../../tools/lib/analyzer-client";

const on = "phi-emr";
const kerberized = JSON.stringify({
    EncryptionConfiguration: { EnableInTransitEncryption: false, EnableAtRestEncryption: false },
    AuthenticationConfiguration: { KerberosConfiguration: { Provider: "ClusterDedicatedKdc", ClusterDedicatedKdcConfiguration: { TicketLifetimeInHours: 24 } } },
});
const securityConfig = (configuration: unknown, name = "phi-kerberos") => res(T17.emrSecurityConfiguration, name, { name, configuration });
const clusterOn = (sc: ReturnType<typeof securityConfig>, changes: Record<string, unknown> = {}) =>
    res(T17.emrCluster, on, { ...emrCluster().props, securityConfiguration: unknown, ...changes }, { securityConfiguration: [sc] });

stackCases("aws-emr-kerberos", [
    // A security configuration managed elsewhere (by literal name) is AWS Config's to check after deployment.
    stackPasses([emrCluster()]),
    stackPasses([emrClusterOutputs()]),
    stackPasses([securityConfig(kerberized), clusterOn(securityConfig(kerberized))]),
    stackPasses([securityConfig(kerberized), emrCluster()]),
    stackPasses([emrCluster({ securityConfiguration: "phi-kerberos", kerberosAttributes: { realm: unknown, kdcAdminPassword: unknown } })]),
    stackViolates([securityConfig(JSON.stringify({ EncryptionConfiguration: {} })), emrCluster()], [{ on, code: "kerberosOff", field: "SecurityConfiguration.configuration" }]),
    stackViolates([securityConfig("{not json"), clusterOn(securityConfig("{not json"))], [{ on, code: "invalidJson", field: "SecurityConfiguration.configuration" }]),
    stackViolates([securityConfig(7), emrCluster()], [{ on, code: "wrongType", field: "SecurityConfiguration.configuration" }]),
    stackUndecided([securityConfig(unknown), clusterOn(securityConfig(unknown))], [{ on, fields: "SecurityConfiguration.configuration" }]),
    stackUndecided([emrCluster({ securityConfiguration: unknown })], [{ on, fields: "securityConfiguration" }]),
    stackViolates([emrCluster({ securityConfiguration: undefined })], [{ on, code: "notSet", field: "securityConfiguration" }]),
    stackViolates([emrCluster({ kerberosAttributes: undefined })], [{ on, code: "notSet", field: "kerberosAttributes" }]),
    stackViolates([emrCluster({ securityConfiguration: undefined, kerberosAttributes: undefined })], [
        { on, code: "notSet", field: "securityConfiguration" },
        { on, code: "notSet", field: "kerberosAttributes" },
    ]),
    stackViolates([emrCluster({ kerberosAttributes: { kdcAdminPassword: secret(BUILD_SECRET) } })], [{ on, code: "notSet", field: "kerberosAttributes.realm" }]),
    stackViolates([emrCluster({ kerberosAttributes: { realm: "EC2.INTERNAL" } })], [{ on, code: "notSet", field: "kerberosAttributes.kdcAdminPassword" }]),
    // Outputs: an unset block is an empty list, an unset string "".
    stackViolates([emrClusterOutputs({ securityConfiguration: "", kerberosAttributes: [] })], [
        { on, code: "notSet", field: "securityConfiguration" },
        { on, code: "notSet", field: "kerberosAttributes" },
    ]),
    stackViolates([emrCluster({ kerberosAttributes: "EC2.INTERNAL" })], [{ on, code: "wrongType", field: "kerberosAttributes" }]),
    stackViolates([emrCluster({ kerberosAttributes: { realm: "EC2.INTERNAL", kdcAdminPassword: 12345 } })], [{ on, code: "wrongType", field: "kerberosAttributes.kdcAdminPassword" }]),
    stackUndecided([emrCluster({ kerberosAttributes: unknown })], [{ on, fields: "kerberosAttributes" }]),
    stackNotApplicable([securityConfig(kerberized)], /only applies to resources of type 'aws:emr\/cluster:Cluster'/),
    stackGarbage([emrCluster({ kerberosAttributes: { realm: [unknown], kdcAdminPassword: { SECRET: BUILD_SECRET } }, securityConfiguration: secret("SECRET") })]),
    stackGarbage([securityConfig(secret(`{"x": "${BUILD_SECRET}"}`)), clusterOn(securityConfig(secret("SECRET")))]),
]);

const priv = subnetOf("private");
const pub = subnetOf("public", { mapPublicIpOnLaunch: true });
const noSubnet = { ec2Attributes: { instanceProfile: "arn:aws:iam::111122223333:instance-profile/EMR_EC2" } };

stackCases("aws-emr-master-no-public-ip", [
    stackPasses([priv, emrClusterIn("phi-emr", priv)]),
    stackPasses([subnetOf("private", { mapPublicIpOnLaunch: false }), emrClusterIn("phi-emr", subnetOf("private"))]),
    stackViolates([pub, emrClusterIn("phi-emr", pub)], [{ on: "phi-emr", code: "notAllowed", field: "Subnet.mapPublicIpOnLaunch" }]),
    // Instance fleets name several subnets: any one that maps public IPs may hold the master.
    stackViolates(
        [priv, pub, res(T17.emrCluster, "phi-emr", { ...emrCluster().props, ec2Attributes: { subnetIds: [unknown, unknown] } }, { ec2Attributes: [priv, pub] })],
        [{ on: "phi-emr", code: "notAllowed", field: "Subnet.mapPublicIpOnLaunch" }],
    ),
    stackViolates([res(T17.emrCluster, "phi-emr", { ...emrCluster().props, ...noSubnet })], [{ on: "phi-emr", code: "defaultSubnet", field: "ec2Attributes.subnetId" }]),
    stackViolates([res(T17.emrCluster, "phi-emr", { ...emrCluster().props, ec2Attributes: undefined })], [{ on: "phi-emr", code: "defaultSubnet" }]),
    // By literal id: an in-stack subnet from state decides; one managed elsewhere is undecided.
    stackPasses([subnetOutputs("private", "subnet-0priv"), res(T17.emrCluster, "phi-emr", emrCluster().props)]),
    stackViolates([subnetOutputs("public", "subnet-0priv", { mapPublicIpOnLaunch: true }), emrClusterOutputs()], [{ on: "phi-emr", code: "notAllowed" }]),
    stackPasses([subnetOutputs("private", "subnet-0priv"), emrClusterOutputs()]),
    stackUndecided([res(T17.emrCluster, "phi-emr", emrCluster().props)], [{ on: "phi-emr", fields: "ec2Attributes.subnetId" }]),
    stackUndecided([emrClusterIn("phi-emr", undefined)], [{ on: "phi-emr", fields: "ec2Attributes.subnetId" }]),
    stackUndecided([res(T17.emrCluster, "phi-emr", { ...emrCluster().props, ec2Attributes: unknown })], [{ on: "phi-emr", fields: "ec2Attributes" }]),
    stackUndecided([subnetOf("s", { mapPublicIpOnLaunch: unknown }), emrClusterIn("phi-emr", subnetOf("s"))], [{ on: "phi-emr", fields: "Subnet.mapPublicIpOnLaunch" }]),
    stackViolates([subnetOf("s", { mapPublicIpOnLaunch: "yes" }), emrClusterIn("phi-emr", subnetOf("s"))], [{ on: "phi-emr", code: "wrongType", field: "Subnet.mapPublicIpOnLaunch" }]),
    stackViolates([res(T17.emrCluster, "phi-emr", { ...emrCluster().props, ec2Attributes: { subnetId: 7 } })], [{ on: "phi-emr", code: "wrongType", field: "ec2Attributes.subnetId" }]),
    stackGarbage([subnetOf("s", { mapPublicIpOnLaunch: secret("SECRET"), id: { SECRET: 1 } }), emrClusterIn("phi-emr", subnetOf("s"), { ec2Attributes: { subnetIds: [secret("SECRET"), [unknown]] } })]),
    stackGarbage([res(T17.emrCluster, "phi-emr", { ec2Attributes: [secret("SECRET")], kerberosAttributes: secret(BUILD_SECRET) })]),
]);
