// pulumi preview type-checks a TypeScript program before it runs it (ts-node without
// transpile-only); a type error stops the run. The offline check must do the same.
import * as pulumi from "@pulumi/pulumi";

const retentionInDays: number = "six years";

class LogGroup extends pulumi.CustomResource {
    constructor(name: string, args: pulumi.Inputs) {
        super("aws:cloudwatch/logGroup:LogGroup", name, args);
    }
}
new LogGroup("app", { retentionInDays, kmsKeyId: "arn:aws:kms:us-east-1:111122223333:key/example" });
