// An ES module program: "type": "module" in package.json, and TypeScript imports that name the
// compiled .js file, as Node's ESM resolution requires. Top-level await works here too.
import * as pulumi from "@pulumi/pulumi";
import { LogGroup } from "./lib/log-group.js";
import { retentionDays } from "./lib/retention.js";

const keyArn = await Promise.resolve("arn:aws:kms:us-east-1:111122223333:key/example");
new LogGroup("esm-logs", { retentionInDays: retentionDays, kmsKeyId: keyArn });

export const stack = pulumi.getStack();
