// Never runs: its @pulumi/pulumi (3.100.0, a stand-in the test writes) is older than the check supports.
import * as pulumi from "@pulumi/pulumi";

export const stack = pulumi.getStack();
