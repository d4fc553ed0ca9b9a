// Node module hooks for an ES module program ("type": "module"), registered by runner.ts with
// module.register: TypeScript files compile through ts-node's ESM hooks, with the options the
// runner computed (as the Pulumi Node.js runtime does for such programs). ts-node is the offline
// check's own, resolved from this file.

import { createRequire } from "module";

const require = createRequire(import.meta.url);
let hooks;

/** Called once by Node with the `data` the runner gave module.register: ts-node's options. */
export async function initialize(options) {
    const tsNode = require("ts-node");
    hooks = tsNode.createEsmHooks(tsNode.create(options));
}

export function resolve(specifier, context, nextResolve) {
    return hooks.resolve(specifier, context, nextResolve);
}

export function load(url, context, nextLoad) {
    return hooks.load(url, context, nextLoad);
}
