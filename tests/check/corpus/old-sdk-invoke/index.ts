// With @pulumi/pulumi 3.228 every data source call used to crash the check
// ("resproto.ResourceInvokeResponse is not a constructor"). The calls are the ones @pulumi/aws's
// getAvailabilityZones and getAvailabilityZonesOutput make.
import * as pulumi from "@pulumi/pulumi";

const token = "aws:index/getAvailabilityZones:getAvailabilityZones";
type Zones = { names: string[] };

class LogGroup extends pulumi.CustomResource {
    constructor(name: string, args: pulumi.Inputs) {
        super("aws:cloudwatch/logGroup:LogGroup", name, args);
    }
}

// Promise form: a placeholder of the declared result, so the program can index it.
const firstZone: Promise<string> = pulumi.runtime.invoke(token, {}).then((z: Zones) => z.names[0]);
// Output form: unknown, as at preview when the engine cannot read it yet.
const zoneCount = pulumi.runtime.invokeOutput<Zones>(token, {}).apply(z => z.names.length);

new LogGroup("app", {
    name: firstZone.then(zone => `app-${zone}`),
    retentionInDays: 2192,
    kmsKeyId: "arn:aws:kms:us-east-1:111122223333:key/example",
});

export const zones = zoneCount;
