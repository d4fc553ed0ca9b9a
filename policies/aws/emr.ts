// EMR controls: clusters authenticate users and services with Kerberos (which their security
// configuration decides), and their master node has no public IP address (which their subnet
// decides): both stack checks.

import { awsTypes, serviceFact } from "../lib/facts";
import { isOutcome, Outcome, pass, undecided, violation } from "../lib/outcome";
import { classify, Props } from "../lib/props";
import { isFalse, isSet, wrongType } from "../lib/rules";
import { concerning, defineStackPolicy, ReferenceTarget, Stack, StackResource } from "../lib/stack";
import { mapPublicIpOnLaunch, subnet } from "./ec2/facts";

export const cluster = "aws:emr/cluster:Cluster";
export const securityConfiguration = "aws:emr/securityConfiguration:SecurityConfiguration";

const clusterSource = awsTypes("emr/cluster");


serviceFact({
    about: "aws.emr.Cluster Kerberos authentication",
    says:
        "is on only when securityConfiguration names an EMR security configuration whose JSON has AuthenticationConfiguration.KerberosConfiguration; such a " +
        "cluster must also set kerberosAttributes (realm, kdcAdminPassword)",
    source: "Amazon EMR Management Guide: use Kerberos for authentication with Amazon EMR; AWS Config Developer Guide: emr-kerberos-enabled; " + clusterSource,
});
serviceFact({
    about: "aws.emr.Cluster ec2Attributes.subnetId, subnetIds",
    says:
        "the cluster's instances, its master node included, get a public IPv4 address when their subnet maps public IPs on launch; without a subnet the " +
        "cluster launches in a default subnet of the default VPC, which maps public IPs",
    source: "Amazon EMR Management Guide: configure networking in a VPC; Amazon VPC User Guide: default subnets; " + clusterSource,
});

const kerberosFix = "set securityConfiguration to an aws.emr.SecurityConfiguration whose JSON enables AuthenticationConfiguration.KerberosConfiguration, and kerberosAttributes { realm, kdcAdminPassword }";

/** A cluster names its security configuration by the configuration's name. */
const securityConfigurationTarget: ReferenceTarget = { types: [securityConfiguration], keys: ["name", "id"] };

/** The in-stack security configuration enables Kerberos: its JSON has AuthenticationConfiguration.KerberosConfiguration. */
function enablesKerberos(sc: StackResource): Outcome {
    const path = "SecurityConfiguration.configuration";
    const read = sc.props.string("configuration");
    if (read.state === "unknown") return undecided(path);
    if (read.state === "wrongType") return wrongType({ path, value: read.value, expected: "a JSON string", fix: kerberosFix, secret: true });
    let doc: unknown;
    try {
        doc = read.state === "known" ? JSON.parse(read.value) : undefined;
    } catch {
        return violation({ code: "invalidJson", field: path, problem: "the cluster's security configuration is not valid JSON", fix: kerberosFix });
    }
    const auth = classify(doc, "object").state === "known" ? new Props(doc as object).single("AuthenticationConfiguration") : undefined;
    const kerberos = auth?.state === "known" ? auth.value.single("KerberosConfiguration") : undefined;
    return kerberos?.state === "known"
        ? pass
        : violation({ code: "kerberosOff", field: path, problem: "the cluster's security configuration has no AuthenticationConfiguration.KerberosConfiguration, so Kerberos is off", fix: kerberosFix });
}

function kerberosOutcomes(c: StackResource, stack: Stack): Outcome[] {
    const outcomes: Outcome[] = [isSet(c.props.string("securityConfiguration"), { path: "securityConfiguration", fix: kerberosFix, missing: "securityConfiguration is not set, so the cluster has no Kerberos authentication" })];
    const block = c.props.single("kerberosAttributes");
    if (block.state === "unknown") outcomes.push(undecided("kerberosAttributes"));
    else if (block.state === "wrongType") outcomes.push(wrongType({ path: "kerberosAttributes", value: block.value, expected: "a block", fix: kerberosFix }));
    else if (block.state === "absent") outcomes.push(violation({ code: "notSet", field: "kerberosAttributes", problem: "kerberosAttributes is not set, so the cluster has no Kerberos realm", fix: kerberosFix }));
    else {
        outcomes.push(isSet(block.value.string("realm"), { path: "kerberosAttributes.realm", fix: kerberosFix }));
        outcomes.push(isSet(block.value.string("kdcAdminPassword"), { path: "kerberosAttributes.kdcAdminPassword", fix: kerberosFix, secret: true }));
    }
    // A security configuration managed elsewhere is AWS Config's to check after deployment.
    const ref = stack.resolve(c, "securityConfiguration", securityConfigurationTarget);
    if (ref.state === "inStack") outcomes.push(enablesKerberos(ref.resource));
    else if (ref.state === "unknown") outcomes.push(undecided("securityConfiguration"));
    return outcomes;
}

export const kerberos = defineStackPolicy({
    name: "aws-emr-kerberos",
    description: "EMR clusters authenticate users and cluster services with Kerberos (a security configuration with Kerberos, and the cluster's Kerberos attributes).",
    severity: "high",
    types: [cluster],
    hipaa: ["164.312(d)", "164.312(a)(1)"],
    hitrust: ["01.q"],
    tags: ["aws", "emr", "authentication", "stack"],
    anchors: { awsConfig: ["emr-kerberos-enabled"], checkov: ["CKV_AWS_114"] },
    remediation:
        "Create an `aws.emr.SecurityConfiguration` whose `configuration` JSON has `AuthenticationConfiguration.KerberosConfiguration` (a cluster-dedicated KDC or " +
        "a cross-realm trust), pass its `name` as `securityConfiguration` on the `aws.emr.Cluster`, and set `kerberosAttributes` with `realm` and `kdcAdminPassword` " +
        "(from a secret, never a literal).",
    check: (c, stack) => kerberosOutcomes(c, stack),
});

// --- The master node's public IP (stack) ----------------------------------------------------------

const subnetsById = new WeakMap<Stack, Map<string, StackResource>>();

/** The stack's subnets by id (known ids only), indexed once per stack. */
function subnetIndex(stack: Stack): Map<string, StackResource> {
    let index = subnetsById.get(stack);
    if (!index) {
        index = new Map();
        for (const s of stack.ofType([subnet])) {
            const id = s.props.string("id");
            if (id.state === "known" && id.value.trim() !== "") index.set(id.value.trim(), s);
        }
        subnetsById.set(stack, index);
    }
    return index;
}

const privateFix = "launch the cluster in a private subnet (ec2Attributes.subnetId naming an aws.ec2.Subnet with mapPublicIpOnLaunch false) and reach it through a bastion, VPN or SSM";

/** The subnet ids the cluster names: ec2Attributes.subnetId and ec2Attributes.subnetIds[]. */
function namedSubnets(c: StackResource): { ids: string[]; unknown: boolean } | Outcome {
    const attrs = c.props.single("ec2Attributes");
    if (attrs.state === "unknown") return undecided("ec2Attributes");
    if (attrs.state === "wrongType") return wrongType({ path: "ec2Attributes", value: attrs.value, expected: "a block", fix: privateFix });
    if (attrs.state === "absent") return { ids: [], unknown: false };
    const ids: string[] = [];
    let unknown = false;
    const take = (value: unknown, path: string): Outcome | undefined => {
        const read = classify(value, "string");
        if (read.state === "unknown") unknown = true;
        else if (read.state === "wrongType") return wrongType({ path, value: read.value, expected: "a subnet id", fix: privateFix });
        else if (read.state === "known" && read.value.trim() !== "") ids.push(read.value.trim());
        return undefined;
    };
    const single = take(attrs.value.raw("subnetId"), "ec2Attributes.subnetId");
    if (single) return single;
    const list = attrs.value.list("subnetIds");
    if (list.state === "unknown") unknown = true;
    else if (list.state === "wrongType") return wrongType({ path: "ec2Attributes.subnetIds", value: list.value, expected: "a list", fix: privateFix });
    else if (list.state === "known") {
        for (const [i, v] of list.value.entries()) {
            const problem = take(v, `ec2Attributes.subnetIds[${i}]`);
            if (problem) return problem;
        }
    }
    return { ids, unknown };
}

function masterOutcome(c: StackResource, stack: Stack): Outcome {
    const named = namedSubnets(c);
    if (isOutcome(named)) return named;
    const deps = c.dependsOn("ec2Attributes").filter(d => d.type === subnet);
    if (named.ids.length === 0 && !named.unknown && deps.length === 0) {
        return violation({
            code: "defaultSubnet",
            field: "ec2Attributes.subnetId",
            problem: "ec2Attributes.subnetId is not set, so the cluster launches in a default subnet, which gives the master node a public IP",
            fix: privateFix,
        });
    }
    const index = subnetIndex(stack);
    const subnets = new Set<StackResource>(deps);
    let unresolved = named.unknown && deps.length === 0;
    for (const id of named.ids) {
        const found = index.get(id);
        if (found) subnets.add(found);
        // Not an in-stack subnet by id: a dependency whose id is not known yet (inputs) may be it; otherwise it is managed elsewhere.
        else if (!deps.some(d => d.props.string("id").state !== "known")) unresolved = true;
    }
    const outcomes = [...subnets].map(s =>
        concerning(isFalse(s.props.boolean(mapPublicIpOnLaunch.field), { path: mapPublicIpOnLaunch.path, absentMeans: false, fix: privateFix }), {
            prefix: "the cluster's subnet gives the master node a public IP: ",
            owner: "Subnet",
        }),
    );
    const found = outcomes.find(o => o.kind === "violation") ?? outcomes.find(o => o.kind === "undecided");
    if (found) return found;
    return unresolved ? undecided("ec2Attributes.subnetId") : pass;
}

export const masterNoPublicIp = defineStackPolicy({
    name: "aws-emr-master-no-public-ip",
    description: "EMR clusters run in subnets that assign no public IPv4 addresses, so the master node is not reachable from the internet.",
    severity: "high",
    types: [cluster],
    hipaa: ["164.312(a)(1)", "164.312(e)(1)"],
    hitrust: ["0805.01m1"],
    tags: ["aws", "emr", "network", "public-access", "stack"],
    anchors: { awsConfig: ["emr-master-no-public-ip"] },
    remediation:
        "Set `ec2Attributes.subnetId` on the `aws.emr.Cluster` to a private `aws.ec2.Subnet` (`mapPublicIpOnLaunch` false, the default) with a NAT gateway or VPC " +
        "endpoints for S3, and set `ec2Attributes.serviceAccessSecurityGroup`. Pass `subnet.id` (not a literal id) so the pack can check the subnet at preview; a " +
        "subnet managed elsewhere is checked at `pulumi up` by AWS Config.",
    check: (c, stack) => masterOutcome(c, stack),
});

export const stackPolicies = [kerberos, masterNoPublicIp];
