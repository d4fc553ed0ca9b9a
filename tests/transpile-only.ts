// Loaded by mocha before any test (.mocharc.json): the programs the tests run are compiled without
// the type check the offline check does by default (PULUMI_NODEJS_TRANSPILE_ONLY, as the Pulumi
// CLI honours it). tsc --noEmit type-checks them already (tsconfig.json includes tests/ and
// stacks/), and a type check of a program using @pulumi/aws costs some 8 s of CPU a run. The
// check's own type check is tested by tests/check/corpus.test.ts, which clears this.
process.env.PULUMI_NODEJS_TRANSPILE_ONLY ??= "true";
