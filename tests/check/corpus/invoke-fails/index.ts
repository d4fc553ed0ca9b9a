// A data source of a provider package that is not installed: the check finds no declared result
// type, answers with an empty result, and the program fails on it. The error must name the call.
import * as pulumi from "@pulumi/pulumi";

class Server extends pulumi.CustomResource {
    constructor(name: string, args: pulumi.Inputs) {
        super("acme:compute/server:Server", name, args);
    }
}

const images: Promise<{ ids: string[] }> = pulumi.runtime.invoke("acme:compute/getImages:getImages", {});
new Server("web", { image: images.then(i => i.ids[0]) });
