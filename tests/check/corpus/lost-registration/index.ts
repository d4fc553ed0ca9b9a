// With @pulumi/pulumi 3.228, a resource holding another resource object was lost inside the check
// and nobody said so. That bug is fixed; this program stands in for any such loss: it sends a
// registration straight to the resource monitor, the way the SDK does, one the mocks refuse (its
// input references a resource whose module cannot rebuild it), and it ignores the answer. The
// check must name the resource it never saw instead of passing without it.
import * as pulumi from "@pulumi/pulumi";
import * as resproto from "@pulumi/pulumi/proto/resource_pb";
import * as settings from "@pulumi/pulumi/runtime/settings";
import * as gstruct from "google-protobuf/google/protobuf/struct_pb";

class LogGroup extends pulumi.CustomResource {
    constructor(name: string, args: pulumi.Inputs) {
        super("aws:cloudwatch/logGroup:LogGroup", name, args);
    }
}
new LogGroup("kept", { retentionInDays: 2192, kmsKeyId: "arn:aws:kms:us-east-1:111122223333:key/example" });

pulumi.runtime.registerResourceModule("acme", "keys/key", {
    version: "1.0.0",
    construct: () => {
        throw new Error("acme keys cannot be rebuilt from a reference");
    },
});
const request = new resproto.RegisterResourceRequest();
request.setType("aws:cloudwatch/logGroup:LogGroup");
request.setName("lost");
request.setCustom(true);
request.setObject(
    gstruct.Struct.fromJavaScript({
        retentionInDays: 1,
        kmsKeyId: { [pulumi.runtime.specialSigKey]: pulumi.runtime.specialResourceSig, urn: "urn:pulumi:dev::lost-registration::acme:keys/key:Key::k", id: "k" },
    }),
);
settings.getMonitor()!.registerResource(request, () => undefined);
