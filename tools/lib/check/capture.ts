// A stack's resources as the check sends them to the pack, whichever way they were obtained:
// by running a program offline (program.ts) or by reading a stack export (stack-export.ts).

import { ResourceInput } from "../analyzer-client";
import { SourcePosition } from "./protocol";

export interface Capture {
    readonly kind: "program" | "export";
    /** What the user named: the program directory or the export file. */
    readonly source: string;
    readonly project: string;
    readonly stack: string;
    /** The root stack resource's URN: stack-level findings without a resource are filed under it. */
    readonly stackUrn: string;
    /** Every resource the pack checks: no providers, no root stack. */
    readonly resources: ResourceInput[];
    /**
     * What AnalyzeStack gets, when not the resources as Analyze got them (remediated): a stack
     * export's deployed outputs, as `pulumi policy analyze` sends them.
     */
    readonly stackResources?: ResourceInput[];
    readonly notes: readonly string[];
    /** A program's entry file (what Pulumi.yaml's main, or the directory, resolved to). */
    readonly entry?: string;
    /** Where the program's own code created each resource, by URN, when the SDK said. */
    readonly sources?: Readonly<Record<string, SourcePosition>>;
    /** What the program would deploy that the check could not see; any entry makes the run no pass. */
    readonly unseen?: readonly Unseen[];
}

/**
 * A resource the pack never saw: a multi-language component whose children its provider plugin
 * creates through the engine (none exists offline), or a registration the mocks did not accept.
 */
export interface Unseen {
    readonly kind: "component" | "lost";
    readonly type: string;
    readonly name: string;
    /** What is missing from the check, in words. */
    readonly hides: string;
}

export const ROOT_STACK_TYPE = "pulumi:pulumi:Stack";

/** Resources the engine manages but no policy judges: the root stack and provider instances. */
export function isChecked(type: string): boolean {
    return type !== ROOT_STACK_TYPE && !type.startsWith("pulumi:providers:");
}

export function stackUrnOf(project: string, stack: string): string {
    return `urn:pulumi:${stack}::${project}::${ROOT_STACK_TYPE}::${project}-${stack}`;
}
