// Small shared helpers for the check's readers and reports.

export function isRecord(v: unknown): v is Record<string, unknown> {
    return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** "1 violation", "2 violations". */
export function plural(n: number, word: string, words = `${word}s`): string {
    return `${n} ${n === 1 ? word : words}`;
}

/**
 * Why JSON.parse failed, without its message: V8 quotes the input around the error, and the input
 * may hold a secret. Only the position survives ("at position 17"), when the message has one.
 */
export function jsonError(e: unknown): string {
    const position = /position (\d+)/.exec(e instanceof Error ? e.message : "");
    return position ? `not valid JSON (at position ${position[1]})` : "not valid JSON";
}
