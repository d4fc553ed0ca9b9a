// What the offline check's parent process and its program runner (runner.ts) say to each other.

/** Which program to run, and as which project and stack. Config travels in PULUMI_CONFIG. */
export interface RunnerRequest {
    /** The program's entry (a file, or a directory Node resolves to its index). */
    readonly entry: string;
    /** The project directory: the program's working directory and where its packages resolve from. */
    readonly projectDir: string;
    readonly project: string;
    readonly stack: string;
}

/** One registered resource, its inputs in the wire form the SDK sent (unknowns and secrets marked). */
export interface CapturedResource {
    type: string;
    name: string;
    custom: boolean;
    urn: string;
    parent?: string;
    inputs: Record<string, unknown>;
    dependencies: string[];
    propertyDependencies: Record<string, string[]>;
    /** Where in the program's own code the resource was created (the SDK's source position), when it says. */
    source?: SourcePosition;
}

/** A place in a source file: an absolute path, 1-based line and column. */
export interface SourcePosition {
    file: string;
    line: number;
    column: number;
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
      }
    | { readonly ok: false; readonly kind: "input" | "program"; readonly message: string };
