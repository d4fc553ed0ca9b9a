import { garbage, noAutoRemediation, passes, policyCases, stackCases, stackGarbage, stackPasses, stackUndecided, stackViolates, undecided, violates } from "../cases";
import { BUILD_SECRET, emrCluster, emrClusterIn, emrClusterOutputs, res, subnetOf, subnetOutputs, T17 } from "../factories";
import { secret, unknown } from "../../tools/lib/analyzer-client";

policyCases("aws-emr-kerberos", [
    passes(emrCluster()),
    passes(emrClusterOutputs()),
    passes(emrCluster({ securityConfiguration: unknown, kerberosAttributes: { realm: unknown, kdcAdminPassword: unknown } })),
    violates(emrCluster({ securityConfiguration: undefined }), { code: "notSet", field: "securityConfiguration" }),
    violates(emrCluster({ kerberosAttributes: undefined }), { code: "notSet", field: "kerberosAttributes" }),
    violates(emrCluster({ securityConfiguration: undefined, kerberosAttributes: undefined }), [
        { code: "notSet", field: "securityConfiguration" },
        { code: "notSet", field: "kerberosAttributes" },
    ]),
    violates(emrCluster({ kerberosAttributes: { kdcAdminPassword: secret(BUILD_SECRET) } }), { code: "notSet", field: "kerberosAttributes.realm" }),
    violates(emrCluster({ kerberosAttributes: { realm: "EC2.INTERNAL" } }), { code: "notSet", field: "kerberosAttributes.kdcAdminPassword" }),
    // Outputs: an unset block is an empty list, an unset string "".
    violates(emrClusterOutputs({ securityConfiguration: "", kerberosAttributes: [] }), [
        { code: "notSet", field: "securityConfiguration" },
        { code: "notSet", field: "kerberosAttributes" },
    ]),
    violates(emrCluster({ kerberosAttributes: "EC2.INTERNAL" }), { code: "wrongType", field: "kerberosAttributes" }),
    violates(emrCluster({ kerberosAttributes: { realm: "EC2.INTERNAL", kdcAdminPassword: 12345 } }), { code: "wrongType", field: "kerberosAttributes.kdcAdminPassword" }),
    undecided(emrCluster({ kerberosAttributes: unknown }), "kerberosAttributes"),
    garbage(emrCluster({ kerberosAttributes: { realm: [unknown], kdcAdminPassword: { SECRET: BUILD_SECRET } }, securityConfiguration: secret("SECRET") }), undefined, [BUILD_SECRET]),
    noAutoRemediation(emrCluster({ kerberosAttributes: undefined })),
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
