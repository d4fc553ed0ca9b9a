// The published pack's entry point (package.json "main": dist/pack/index.js, bundled from this
// file by tools/build-pack.ts). The pack itself (index.ts with every module it imports) is one
// bundled file beside it, pack.js, which compiles from the code cache recorded beside it too
// (compile-cache.ts): one file to resolve and one cache to read, where 290 separate modules cost
// a preview 150-250 ms before the pack could print its port.

import * as path from "path";
import { cacheFileName, useCompileCache } from "./lib/compile-cache";

useCompileCache(path.join(__dirname, cacheFileName), __dirname);
// A path computed at run time, so bundling this file leaves the pack out of it.
require(path.join(__dirname, "pack.js"));
