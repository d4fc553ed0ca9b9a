// The sample project's program: the stack's `cloud` config value picks which sample to deploy.
// Only the chosen program is loaded, since loading one registers its resources.

import * as pulumi from "@pulumi/pulumi";

const cloud = new pulumi.Config().require("cloud", { allowedValues: ["aws", "gce"] });

// The chosen program's exports become the stack's outputs.
export = cloud === "aws" ? require("./aws") : require("./gce");
