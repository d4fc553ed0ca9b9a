// The control catalog: every HIPAA Security Rule section and HITRUST CSF control the pack cites,
// kept once as data. Policies cite these keys (the compiler rejects a key that is not here), and the
// SDK metadata, messages, docs and reports are all derived from this table.

export interface HipaaSection {
    /** Standard or implementation specification title, as in 45 CFR Part 164 Subpart C. */
    readonly title: string;
    /** "Required" or "Addressable" for implementation specifications; "Standard" otherwise. */
    readonly kind: "Standard" | "Required" | "Addressable";
}

export const hipaaSections = {
    "164.308(a)(1)(ii)(B)": { title: "Risk management", kind: "Required" },
    "164.308(a)(1)(ii)(D)": { title: "Information system activity review", kind: "Required" },
    "164.308(a)(5)(ii)(B)": { title: "Protection from malicious software", kind: "Addressable" },
    "164.308(a)(7)(ii)(A)": { title: "Data backup plan", kind: "Required" },
    "164.308(a)(7)(ii)(B)": { title: "Disaster recovery plan", kind: "Required" },
    "164.308(a)(7)(ii)(C)": { title: "Emergency mode operation plan", kind: "Required" },
    "164.308(a)(5)(ii)(D)": { title: "Password management", kind: "Addressable" },
    "164.308(b)(1)": { title: "Business associate contracts and other arrangements", kind: "Standard" },
    "164.312(a)(1)": { title: "Access control", kind: "Standard" },
    "164.312(a)(2)(iv)": { title: "Encryption and decryption", kind: "Addressable" },
    "164.312(b)": { title: "Audit controls", kind: "Standard" },
    "164.312(c)(1)": { title: "Integrity", kind: "Standard" },
    "164.312(c)(2)": { title: "Mechanism to authenticate electronic protected health information", kind: "Addressable" },
    "164.312(d)": { title: "Person or entity authentication", kind: "Standard" },
    "164.312(e)(1)": { title: "Transmission security", kind: "Standard" },
    "164.312(e)(2)(ii)": { title: "Encryption (in transmission)", kind: "Addressable" },
    // Documentation retention, not an audit-log rule: HIPAA sets no log retention period. The pack's
    // six-year log retention default follows it by analogy (seeds 002 and 004); no finding cites it.
    "164.316(b)(2)(i)": { title: "Time limit (retain required documentation for six years)", kind: "Required" },
} as const satisfies Record<string, HipaaSection>;

export type HipaaRef = keyof typeof hipaaSections;

/** Why the retention policies default to six years, for their remediation steps. */
export const retentionRationale =
    "Six years (2192 days) is this pack's conservative default, by analogy with HIPAA's six-year documentation retention (§164.316(b)(2)(i)): " +
    "HIPAA sets no retention period for audit logs, and HITRUST 1207.09aa2 asks for 90 days kept and one year archived. Lower `minimumRetentionDays` " +
    "to your documented policy if it differs.";

export interface HitrustControl {
    /** The requirement's level/segment, as the guide prints it. */
    readonly segment: string;
    /** The topic the guide files it under. */
    readonly topic: string;
    /** Where the pack took the ID from. */
    readonly source: string;
}

const seed003 = "ElastiCache for Redis HITRUST CSF configuration guide";

export const hitrustControls = {
    "0706.10b1": { segment: "System.12", topic: "Vulnerability management", source: seed003 },
    "1410.09e2": { segment: "System.23", topic: "Disaster recovery", source: seed003 },
    "1601.12c1": { segment: "Organizational.1238", topic: "Disaster recovery", source: seed003 },
    "1616.09l1": { segment: "Organizational.16", topic: "Back-ups", source: seed003 },
    "1618.09l1": { segment: "Organizational.45", topic: "Disaster recovery and back-ups", source: seed003 },
    "1620.09l1": { segment: "Organizational.8", topic: "Disaster recovery and back-ups", source: seed003 },
    "0805.01m1": { segment: "Organizational.12", topic: "Network segregation", source: seed003 },
    "0808.10b2": { segment: "System.3", topic: "Encryption", source: seed003 },
    "0903.10f1": { segment: "Organizational.1", topic: "Encryption", source: seed003 },
    "1903.06d1": { segment: "Organizational.3456711", topic: "Encryption", source: seed003 },
    "19141.06c1": { segment: "Organizational.7", topic: "Encryption", source: seed003 },
    "1202.09aa1": { segment: "System.1", topic: "Logging and monitoring", source: seed003 },
    "1203.09aa1": { segment: "System.2", topic: "Logging and monitoring", source: seed003 },
    "1204.09aa1": { segment: "System.3", topic: "Logging and monitoring", source: seed003 },
    "12100.09ab2": { segment: "System.15", topic: "Logging and monitoring", source: seed003 },
    // Retention: audit records kept 90 days and archived for a year. Seed 003's text states the
    // requirement though its control table leaves the ID out.
    "1207.09aa2": { segment: "Level 2", topic: "Logging and monitoring (audit record retention)", source: "HITRUST CSF control 1207.09aa2 (requirement stated in seed 003's text)" },
    "1270.09ad1": { segment: "System.12", topic: "Logging and monitoring", source: seed003 },
    // Seed 003 names no control for client authentication; this is the HITRUST CSF control
    // reference for user identification and authentication.
    "01.q": { segment: "Control reference", topic: "User identification and authentication", source: "HITRUST CSF control reference 01.q" },
    // Seed 003 covers only ElastiCache; the GCP controls (policies/gcp) also cite these HITRUST CSF
    // control references for the topics it does not name.
    "01.c": { segment: "Control reference", topic: "Privilege management", source: "HITRUST CSF control reference 01.c" },
    "01.l": { segment: "Control reference", topic: "Remote diagnostic and configuration port protection", source: "HITRUST CSF control reference 01.l" },
    "09.j": { segment: "Control reference", topic: "Controls against malicious code", source: "HITRUST CSF control reference 09.j" },
    "10.g": { segment: "Control reference", topic: "Key management", source: "HITRUST CSF control reference 10.g" },
    // The S3 controls (policies/aws/s3) cite the control reference for keeping stored data from
    // anyone not authorised, which seed 003 does not name.
    "01.v": { segment: "Control reference", topic: "Information access restriction", source: "HITRUST CSF control reference 01.v" },
} as const satisfies Record<string, HitrustControl>;

export type HitrustRef = keyof typeof hitrustControls;

/** The eCFR page for a HIPAA section (the section number before the first parenthesis). */
export function hipaaUrl(ref: HipaaRef): string {
    const section = ref.split("(")[0];
    return `https://www.ecfr.gov/current/title-45/section-${section}`;
}

/** The short citation that ends every finding, e.g. "HIPAA §164.312(e)(1); HITRUST 0808.10b2". */
export function citation(hipaa: readonly HipaaRef[], hitrust: readonly HitrustRef[]): string {
    return `HIPAA §${hipaa.join(", §")}; HITRUST ${hitrust.join(", ")}`;
}
