// The common policy: one or more properties of a resource must have compliant values. Declared
// once, from attribute facts, it yields the check, the message wording, the safe remediation and
// the docs; a policy needs nothing but its metadata and what it requires.

import { Knobs, KnobValues } from "./knobs";
import { defineResourcePolicy, HipaaPolicy, PolicyDefinition } from "./policy";
import { mergePatches, Requirement } from "./rules";

export type AttributeRule<K extends Knobs> = Omit<PolicyDefinition<K>, "check" | "remediate" | "noAutoRemediation"> & {
    /** What a compliant resource's properties satisfy; all of them are checked. */
    readonly requires: readonly Requirement<KnobValues<K>>[];
} & (
        | {
              /** The requirements' own fixes are safe to apply under enforcement level `remediate`. */
              readonly remediates: true;
          }
        | {
              readonly remediates?: false;
              /** Why there is no automatic fix (which decision only a person can make). */
              readonly noAutoRemediation: string;
          }
    );

export function attributeRule<K extends Knobs>(rule: AttributeRule<K>): HipaaPolicy {
    const { requires, remediates, ...meta } = rule;
    return defineResourcePolicy<K>({
        ...meta,
        check: (r, config) => requires.map(q => q.check(r.props, config)),
        remediate: remediates ? (r, config) => mergePatches(requires.map(q => q.patch(r.props, config))) : undefined,
    });
}
