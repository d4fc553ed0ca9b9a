// awsx.ec2.Vpc and eks.Cluster are multi-language components: their constructor registers the
// component with remote: true and the awsx (or eks) provider plugin creates the VPC, subnets and
// gateways through the engine. Under mocks there is no plugin: the check sees the component only.
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

new aws.kms.Key("data", { enableKeyRotation: true, description: "customer-managed key" });

// What awsx.ec2.Vpc's constructor does (ComponentResource's fifth argument is `remote`).
class Vpc extends pulumi.ComponentResource {
    constructor(name: string, args: { numberOfAvailabilityZones?: number }, opts?: pulumi.ComponentResourceOptions) {
        super("awsx:ec2:Vpc", name, args, opts, true);
    }
}
new Vpc("phi-network", { numberOfAvailabilityZones: 2 });
