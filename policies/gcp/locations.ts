// Data residency: one `allowedLocations` knob for every GCP store that has a location (Cloud
// Storage, BigQuery, Pub/Sub message storage, Spanner, Dataproc, Cloud SQL ...), so a team states
// its boundary once per policy with the same words. An empty list (the default) checks nothing:
// the pack cannot know where a team may keep PHI until it is told.

import { stringListKnob } from "../lib/knobs";
import { isOutcome, notApplicable, Outcome, pass, violation } from "../lib/outcome";
import { Read } from "../lib/props";
import { valueOf } from "../lib/rules";

export const allowedLocationsKnob = stringListKnob({
    default: [],
    pattern: "^[A-Za-z][A-Za-z0-9-]{0,62}$",
    maxItems: 200,
    itemWords: "location names such as \"US\", \"us-central1\" or \"nam-eur-asia1\"",
    description:
        "Locations (regions, dual-regions, multi-regions, Spanner instance configs) where this store may keep data, compared without case, e.g. [\"US\", \"us-central1\", \"us-east4\"]. Empty: not checked.",
});

export const locationKnobs = { allowedLocations: allowedLocationsKnob };

/** Not applicable while no allowed locations are configured. */
export function unconfigured(allowed: readonly string[]): Outcome | undefined {
    return allowed.length === 0 ? notApplicable("no allowedLocations are configured for this policy") : undefined;
}

/**
 * The location read at `path` must be one of `allowed` (case-insensitive). `absentMeans` is the
 * provider's location for an omitted one, if it has a fixed one; otherwise an omitted location
 * is reported, since the provider or project default decides it.
 */
export function inAllowedLocations(read: Read<string>, o: { path: string; allowed: readonly string[]; absentMeans?: string; fix?: string }): Outcome {
    const fix = o.fix ?? `set ${o.path} to one of the allowed locations (${o.allowed.join(", ")})`;
    const text = valueOf(read, { path: o.path, expected: "a string", fix, absent: undefined });
    if (isOutcome(text)) return text;
    const value = (text ?? "").trim() === "" ? o.absentMeans : text!.trim();
    if (value === undefined) return violation({ code: "notSet", field: o.path, problem: `${o.path} is not set, so the provider's or project's default location applies`, fix });
    const ok = o.allowed.some(a => a.toLowerCase() === value.toLowerCase());
    if (ok) return pass;
    // The value is never echoed: it may have come from a secret.
    return violation({ code: "locationNotAllowed", field: o.path, problem: `${o.path} is outside the allowed locations`, fix });
}
