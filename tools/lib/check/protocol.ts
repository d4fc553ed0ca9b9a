// What the offline check's parent process and its program runner (runner.ts) say to each other.

/** Which program to run, and as which project and stack. Config travels in PULUMI_CONFIG. */
export interface RunnerRequest {
    /** The program's entry (a file, or a directory Node resolves to its index). */
    readonly entry: string;
    /** The project directory: the program's working directory and where its packages resolve from. */
    readonly projectDir: string;
    readonly project: string;
    readonly stack: string;
    /** An ES module program ("type": "module" in its package.json): loaded with import(). */
    readonly esm: boolean;
    /** PULUMI_NODEJS_TRANSPILE_ONLY as the user set it: skip (true) or force (false) the type check. */
    readonly transpileOnly?: boolean;
}

/** One registered resource, its inputs in the wire form the SDK sent (unknowns and secrets marked). */
export interface CapturedResource {
    type: string;
    name: string;
    custom: boolean;
    /**
     * A multi-language component (awsx, eks, ...): registered with remote: true, its children are
     * created by its provider plugin through the engine, so a run under mocks never sees them.
     */
    remote?: boolean;
    urn: string;
    parent?: string;
    inputs: Record<string, unknown>;
    dependencies: string[];
    propertyDependencies: Record<string, string[]>;
    /** The `protect` resource option the program set (the engine sends it to the analyzer). */
    protect?: boolean;
    /** Where in the program's own code the resource was created (the SDK's source position), when it says. */
    source?: SourcePosition;
}

/** A place in a source file: an absolute path, 1-based line and column. */
export interface SourcePosition {
    file: string;
    line: number;
    column: number;
}

/** A resource the program registered that the mock monitor did not accept, and why. */
export interface LostResource {
    readonly type: string;
    readonly name: string;
    readonly reason: string;
}

export type RunnerResponse =
    | {
          readonly ok: true;
          readonly resources: CapturedResource[];
          /** The mock monitor's URNs mapped to the engine's (resource references carry the former). */
          readonly urnMap: Record<string, string>;
          /** Secret config keys the program required but the stack did not set. */
          readonly placeholders: string[];
          /** The file the program's entry resolved to. */
          readonly entryFile: string;
          /** Resources registered but never given a URN: not checked, and said so. */
          readonly lost: LostResource[];
          /** The Promise-form data sources called, and whether a declared result shape answered them. */
          readonly invokes: { readonly token: string; readonly placeholder: boolean }[];
      }
    | { readonly ok: false; readonly kind: "input" | "program"; readonly message: string };
