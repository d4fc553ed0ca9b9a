// What a program prints: pulumi preview shows it; the offline check shows it with --show-output.
import * as pulumi from "@pulumi/pulumi";

class LogGroup extends pulumi.CustomResource {
    constructor(name: string, args: pulumi.Inputs) {
        super("aws:cloudwatch/logGroup:LogGroup", name, args);
    }
}

console.log("creating the audit log group");
console.error("warning from the program: retention is set by policy");
new LogGroup("audit", { retentionInDays: 2192, kmsKeyId: "arn:aws:kms:us-east-1:111122223333:key/example" });
