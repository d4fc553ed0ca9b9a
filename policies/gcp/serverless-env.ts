// Plain-text secrets in Cloud Run and Cloud Functions environment variables: a variable whose name
// looks like a secret's and that holds a literal value, rather than a Secret Manager reference. The
// name is the only evidence a preview has (a value may be unknown, and is never shown), so this is
// a heuristic, bounded by the `secretNameParts` knob. Values are never read into a message.

import { cloudFact } from "../lib/facts";
import { stringListKnob } from "../lib/knobs";
import { isOutcome, Outcome, pass, violation } from "../lib/outcome";
import { classify, isSetString, Props } from "../lib/props";
import { Element, valueOf } from "../lib/rules";

const defaultParts = cloudFact(
    {
        about: "Secret-looking environment variable names",
        says: "names containing password, passwd, secret, token, apikey, privatekey, credential or accesskey (case and _/- ignored) are treated as secrets; Secret Manager references are the documented way to pass them",
        source: "https://cloud.google.com/run/docs/configuring/services/secrets and https://cloud.google.com/functions/docs/configuring/secrets (\"we recommend Secret Manager… rather than environment variables\")",
    },
    ["password", "passwd", "secret", "token", "apikey", "privatekey", "credential", "accesskey"],
);

export const secretNamePartsKnob = stringListKnob({
    default: defaultParts,
    pattern: "^[a-z0-9]{3,40}$",
    maxItems: 50,
    itemWords: "lower-case words of 3 to 40 letters or digits",
    description: "Name parts that mark an environment variable as a secret, matched in the lower-cased name with `_` and `-` removed (e.g. \"apikey\" matches API_KEY).",
});

export const envKnobs = { secretNameParts: secretNamePartsKnob };

/** Whether `name` looks like a secret's name. */
export function looksSecret(name: string, parts: readonly string[]): boolean {
    const n = name.toLowerCase().replace(/[_\-.]/g, "");
    return parts.some(p => n.includes(p));
}

function found(path: string, ref: string): Outcome {
    return violation({ code: "plainSecret", field: path, problem: `${path} looks like a secret but holds a plain value`, fix: `move the value to Secret Manager and reference it through ${ref}` });
}

/**
 * One `envs[i]` entry of a Cloud Run container (`{ name, value, valueSource | valueFrom }`): a
 * secret-looking name with a plain value set. `ref` is the field that references a secret instead.
 */
export function envEntry(e: Element, parts: readonly string[], ref: string): Outcome {
    const name = valueOf(e.props.string("name"), { path: `${e.path}.name`, expected: "a string", fix: `set ${e.path}.name to a string`, absent: "" });
    if (isOutcome(name)) return name;
    if (!looksSecret(name, parts)) return pass;
    const value = e.props.string("value");
    if (value.state === "wrongType") return pass; // not a literal string value: nothing plain to find
    if (!isSetString(value)) return pass;
    return found(`${e.path}.value`, `${e.path}.${ref}`);
}

/** A map of environment variables (Cloud Functions): each secret-looking name with a value set. */
export function envMap(props: Props, o: { key: string; path: string; parts: readonly string[]; ref: string }): Outcome[] {
    const { path: field, parts, ref } = o;
    const map = valueOf(props.object(o.key), { path: field, expected: "a map of strings", fix: `set ${field} to a map of names to values`, absent: undefined });
    if (isOutcome(map)) return [map];
    if (map === undefined) return [];
    // The names are the user's text: never echoed; the message names the map and counts.
    const plain = map.keys().filter(key => {
        if (!looksSecret(key, parts)) return false;
        const value = classify(map.raw(key), "string");
        return value.state === "unknown" || (value.state === "known" && value.value.trim() !== "");
    });
    if (plain.length === 0) return [pass];
    const what = plain.length === 1 ? "a variable whose name looks" : `${plain.length} variables whose names look`;
    return [violation({ code: "plainSecret", field, problem: `${field} has ${what} like a secret with a plain value`, fix: `move the values to Secret Manager and reference them through ${ref}` })];
}

