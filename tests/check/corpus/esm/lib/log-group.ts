import * as pulumi from "@pulumi/pulumi";

export class LogGroup extends pulumi.CustomResource {
    constructor(name: string, args: pulumi.Inputs) {
        super("aws:cloudwatch/logGroup:LogGroup", name, args);
    }
}
