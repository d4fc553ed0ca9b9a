// A resource whose input is another resource object (as aws.iam.RolePolicyAttachment's `role` or
// aws.ec2.Instance's `iamInstanceProfile` may be). The mocks turn the reference back into an object
// through the provider's resource module, which reads the resource: with @pulumi/pulumi 3.228 that
// read used to fail inside the check and the log group was silently left out.
import * as pulumi from "@pulumi/pulumi";

class Key extends pulumi.CustomResource {
    constructor(name: string, args?: pulumi.Inputs, opts?: pulumi.CustomResourceOptions) {
        super("aws:kms/key:Key", name, args, opts);
    }
}
class LogGroup extends pulumi.CustomResource {
    constructor(name: string, args: pulumi.Inputs) {
        super("aws:cloudwatch/logGroup:LogGroup", name, args);
    }
}
// What a provider package does at load time for each of its modules.
pulumi.runtime.registerResourceModule("aws", "kms/key", {
    version: "7.48.0",
    construct: (name: string, type: string, urn: string) => new Key(name, undefined, { urn }),
});

const key = new Key("logs-key", { enableKeyRotation: true, description: "log encryption" });
new LogGroup("audit", { retentionInDays: 2192, kmsKeyId: key });
