// The wording of what the pack says over the protocol, kept once: the pack formats findings and
// not-applicable reasons with these, and tools (the offline check's reports) parse them back with
// the matching parsers, since a message string is all that crosses the wire.

/** `<problem>. Fix: <fix>. [<citation>]`: every violation. */
export function formatFinding(problem: string, fix: string, cite: string): string {
    return `${problem}. Fix: ${fix}. [${cite}]`;
}

export function parseFinding(message: string): { problem: string; fix: string; cite: string } | undefined {
    const m = /^([\s\S]*?)\. Fix: ([\s\S]*)\. \[([^\]]*)\]$/.exec(message);
    return m ? { problem: m[1], fix: m[2], cite: m[3] } : undefined;
}

const undecidedPrefix = "Undecided at preview: ";

/** The one advisory for a check that values unknown at preview leave undecided. */
export function formatUndecided(fields: readonly string[], cite: string): string {
    return `${undecidedPrefix}${fields.join(", ")} ${fields.length === 1 ? "is" : "are"} not known until apply; checked again at pulumi up. [${cite}]`;
}

/** The fields an undecided advisory names, or undefined when the message is not one. */
export function parseUndecided(message: string): string[] | undefined {
    const m = /^Undecided at preview: (.+?) (?:is|are) not known until apply/.exec(message);
    return m ? m[1].split(", ") : undefined;
}

/** The not-applicable reason for a waived resource. */
export function formatWaived(expires: string, source: string, reason: string): string {
    return `waived until ${expires} by ${source}: ${reason}`;
}

export function parseWaived(reason: string): { expires: string; source: string; reason: string } | undefined {
    const m = /^waived until (\d{4}-\d{2}-\d{2}) by (the policy config|the tag\/label \S+): ([\s\S]*)$/.exec(reason);
    return m ? { expires: m[1], source: m[2], reason: m[3] } : undefined;
}

const outOfPhiScopePrefix = "out of PHI scope: ";

export function formatOutOfPhiScope(why: string): string {
    return `${outOfPhiScopePrefix}${why}`;
}

export function isOutOfPhiScope(reason: string): boolean {
    return reason.startsWith(outOfPhiScopePrefix);
}
