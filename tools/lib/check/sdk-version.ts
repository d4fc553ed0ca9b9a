// Which @pulumi/pulumi versions a checked program may use. The program runs with its own SDK
// (as under `pulumi preview`), so the check has to work with each SDK's internals: the oldest one
// is the version Pulumi's examples pin, and CI runs a program against it (the pulumi-sdk-3-228
// alias in package.json's devDependencies).

export const MIN_SDK_VERSION = "3.228.0";

/** Compares two release versions (major.minor.patch; a pre-release suffix is ignored). */
export function compareVersions(a: string, b: string): number {
    const parts = (v: string) => v.split("-")[0].split(".").map(n => Number.parseInt(n, 10) || 0);
    const [x, y] = [parts(a), parts(b)];
    for (let i = 0; i < 3; i++) {
        if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) - (y[i] ?? 0);
    }
    return 0;
}
