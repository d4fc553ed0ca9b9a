// What the pack knows about Cloud SQL instances, shared by its policies. Almost every setting sits
// two or three blocks deep (settings.ipConfiguration.sslMode), and what is compliant often depends
// on the engine, which only `databaseVersion` says (MYSQL_8_0, POSTGRES_16, SQLSERVER_2022_WEB).

import { booleanAttribute, cloudFact, gcpTypes, numberAttribute, stringAttribute } from "../../lib/facts";
import { isOutcome, notApplicable, Outcome, undecided, violation } from "../../lib/outcome";
import { classify, isSetString, Kind, Props, Read } from "../../lib/props";
import { Patch, valueOf } from "../../lib/rules";

export const databaseInstance = "gcp:sql/databaseInstance:DatabaseInstance";

const types = [databaseInstance];
const source = gcpTypes("sql/databaseInstance");
const inputSource = `${gcpTypes("types/input")} (sql.DatabaseInstanceSettings)`;

export const ipConfiguration = ["settings", "ipConfiguration"] as const;
export const backupConfiguration = ["settings", "backupConfiguration"] as const;

export const sslModes = ["ALLOW_UNENCRYPTED_AND_ENCRYPTED", "ENCRYPTED_ONLY", "TRUSTED_CLIENT_CERTIFICATE_REQUIRED"];
export const sslMode = stringAttribute({
    types,
    block: "settings.ipConfiguration",
    field: "sslMode",
    default: "ALLOW_UNENCRYPTED_AND_ENCRYPTED",
    values: sslModes,
    source: `${inputSource} lists the values (TRUSTED_CLIENT_CERTIFICATE_REQUIRED not for SQL Server) but no default; the Cloud SQL Admin API's IpConfiguration.sslMode leaves unencrypted connections allowed when unset; requireSsl was removed in @pulumi/gcp 9`,
});
export const ipv4Enabled = booleanAttribute({
    types,
    block: "settings.ipConfiguration",
    field: "ipv4Enabled",
    default: true,
    source: `${inputSource} gives no default ("at least ipv4Enabled must be enabled or a privateNetwork configured"); the API assigns a public IPv4 address when it is omitted (hashicorp/terraform-provider-google#6012)`,
});
export const availabilityType = stringAttribute({ types, block: "settings", field: "availabilityType", default: "ZONAL", values: ["ZONAL", "REGIONAL"], source: `${inputSource} ("Defaults to ZONAL")` });
export const deletionProtectionEnabled = booleanAttribute({
    types,
    block: "settings",
    field: "deletionProtectionEnabled",
    default: false,
    source: `${inputSource} ("Defaults to false"); the top-level deletionProtection (default true) only stops Pulumi, not the API, gcloud or the console`,
});
export const backupsEnabled = booleanAttribute({ types, block: "settings.backupConfiguration", field: "enabled", default: false, source: `${inputSource}: no default given; Terraform and the API leave automated backups off unless enabled` });
export const binaryLogEnabled = booleanAttribute({ types, block: "settings.backupConfiguration", field: "binaryLogEnabled", default: false, source: `${inputSource}: MySQL only; off unless set` });
export const pointInTimeRecoveryEnabled = booleanAttribute({
    types,
    block: "settings.backupConfiguration",
    field: "pointInTimeRecoveryEnabled",
    default: false,
    source: `${inputSource}: PostgreSQL and SQL Server only; "enabled by default for PostgreSQL Enterprise Plus and SQL Server Enterprise Plus instances", off otherwise`,
});
export const retainedBackups = numberAttribute({
    types,
    block: "settings.backupConfiguration.backupRetentionSettings",
    field: "retainedBackups",
    default: 7,
    source: `${inputSource} (retentionUnit defaults to COUNT); Cloud SQL keeps 7 automated backups unless told otherwise (cloud.google.com/sql/docs/mysql/backup-recovery/backups)`,
});
export const editionDefault = cloudFact(
    { about: "gcp.sql.DatabaseInstance settings.edition", says: "omitted means ENTERPRISE_PLUS for POSTGRES_16 and later, ENTERPRISE for every other version", source: inputSource },
    { plusFromPostgres: 16 },
);
export const encryptionKeyName = stringAttribute({ types, field: "encryptionKeyName", source });

// --- Reading nested blocks ------------------------------------------------------------------------

/** The block at `path`, each level an object or a one-element list; absent when any level is. */
export function blockAt(props: Props, path: readonly string[]): Read<Props> {
    let current: Read<Props> = { state: "known", value: props };
    for (const key of path) {
        if (current.state !== "known") return current;
        current = current.value.single(key);
    }
    return current;
}

/** `field` of the block at `path`. An empty string reads as absent (a stack export's "unset"). */
export function fieldAt<K extends Kind>(props: Props, path: readonly string[], field: string, kind: K): Read<K extends "boolean" ? boolean : K extends "number" ? number : K extends "string" ? string : K extends "list" ? unknown[] : Props> {
    const block = blockAt(props, path);
    if (block.state !== "known") return (block.state === "wrongType" ? { state: "wrongType", value: block.value } : block) as never;
    const raw = block.value.raw(field);
    return classify(raw === "" ? undefined : raw, kind) as never;
}

/**
 * Sets `fields` in the block at `path`, creating any level that is absent and keeping every other
 * value as it came. Nothing is patched through a level that is unknown, wrong-typed or a list
 * (a one-element list is a stack export's shape, left as it is).
 */
export function patchAt(props: Props, path: readonly string[], fields: Record<string, unknown>, top = true): Patch {
    const [head, ...rest] = path;
    if (head === undefined) return fields;
    if (props.isSecret(head)) return {};
    const raw = props.raw(head);
    let inner: Props;
    // The outermost block (settings) holds required values (tier): it is never made up.
    if (raw === undefined || raw === null) {
        if (top) return {};
        inner = new Props({});
    }
    else {
        const read = props.object(head);
        if (read.state !== "known" || Array.isArray(raw)) return {};
        inner = read.value;
    }
    const patch = patchAt(inner, rest, fields, false);
    return Object.keys(patch).length === 0 ? {} : { [head]: { ...inner.rawCopy(), ...patch } };
}

// --- The engine -----------------------------------------------------------------------------------

export type Engine = "mysql" | "postgres" | "sqlserver";

export interface Version {
    readonly engine: Engine;
    /** The major version (8 for MYSQL_8_0, 16 for POSTGRES_16, 2022 for SQLSERVER_2022_WEB). */
    readonly major: number;
}

const versionPattern = cloudFact(
    { about: "gcp.sql.DatabaseInstance databaseVersion", says: "MYSQL_<major>_<minor>, POSTGRES_<major> or SQLSERVER_<year>_<edition>; the engine decides which settings and flags apply", source },
    /^(MYSQL|POSTGRES|SQLSERVER)_(\d+)(?:_[A-Z0-9]+)*$/,
);

/** The instance's engine and major version, or the outcome that stops an engine-specific check. */
export function versionOf(props: Props): Version | Outcome {
    const fix = 'set databaseVersion, e.g. "POSTGRES_16"';
    const text = valueOf(props.string("databaseVersion"), { path: "databaseVersion", expected: "a string", fix, absent: undefined });
    if (isOutcome(text)) return text;
    if (text === undefined || text.trim() === "") return violation({ code: "notSet", field: "databaseVersion", problem: "databaseVersion is not set, so the engine's settings cannot be checked", fix });
    const match = versionPattern.exec(text.trim().toUpperCase());
    if (!match) return violation({ code: "unrecognised", field: "databaseVersion", problem: "databaseVersion is not a recognised Cloud SQL version", fix });
    const engine = ({ MYSQL: "mysql", POSTGRES: "postgres", SQLSERVER: "sqlserver" } as const)[match[1] as "MYSQL" | "POSTGRES" | "SQLSERVER"];
    return { engine, major: Number(match[2]) };
}

/** Whether the instance is Enterprise Plus: `settings.edition`, or the API's default for its version. */
export function isEnterprisePlus(props: Props, version: Version): boolean | Outcome {
    const edition = valueOf(fieldAt(props, ["settings"], "edition", "string"), { path: "settings.edition", expected: "a string", fix: 'set settings.edition: "ENTERPRISE_PLUS" or "ENTERPRISE"', absent: undefined });
    if (isOutcome(edition)) return edition;
    if (edition === undefined) return version.engine === "postgres" && version.major >= editionDefault.plusFromPostgres;
    return edition.trim().toUpperCase() === "ENTERPRISE_PLUS";
}

/**
 * A read replica takes its backups, recovery and failover from its primary: the backup policies do
 * not apply to it. Undecided when whether it is a replica is unknown at preview.
 */
export function replicaOutcome(props: Props): Outcome | undefined {
    const master = props.string("masterInstanceName");
    if (master.state === "unknown") return undecided("masterInstanceName");
    if (isSetString(master)) return notApplicable("the instance is a read replica (masterInstanceName is set); its primary's backups protect it");
    const type = props.string("instanceType");
    if (type.state === "unknown") return undecided("instanceType");
    if (type.state === "known" && /REPLICA|READ_POOL/i.test(type.value)) return notApplicable("the instance is a read replica or read pool (instanceType); its primary's backups protect it");
    return undefined;
}

// --- Database flags (CIS GCP Foundations 4.0 section 6), one table keyed by engine -----------------
// A flag the instance does not set keeps the engine's default, so each row says whether that default complies.

export interface FlagRule {
    /** The flag as Cloud SQL names it. */
    readonly name: string;
    /** Compliant values, lower-case; empty when the flag must not be set at all. */
    readonly accepts: readonly string[];
    /** Whether the engine's default (the flag not set) complies. */
    readonly defaultComplies: boolean;
    /** The value a fix sets, when setting one fixes it. */
    readonly suggest?: string;
    /** The CIS GCP Foundations 4.0 recommendation. */
    readonly cis: string;
}

const on = ["on"];
const off = ["off"];

export const flagRules: Readonly<Record<Engine, readonly FlagRule[]>> = cloudFact(
    {
        about: "Cloud SQL database flags (settings.databaseFlags)",
        says:
            "CIS 6.1.2-3 MySQL skip_show_database on, local_infile off (both must be set); CIS 6.2.1-8 PostgreSQL log_error_verbosity, log_min_messages, log_min_error_statement " +
            "and log_min_duration_statement comply at their defaults (default, warning, error, -1), log_connections, log_disconnections, log_statement and cloudsql.enable_pgaudit " +
            "must be set; CIS 6.3.1-7 SQL Server remote access (default on) and trace flag 3625 (default off) must be set, the other five comply at their defaults",
        source: "CIS Google Cloud Platform Foundation Benchmark 4.0 section 6; Cloud SQL database flag pages (cloud.google.com/sql/docs/<engine>/flags)",
    },
    {
        mysql: [
            { name: "skip_show_database", accepts: on, defaultComplies: false, suggest: "on", cis: "6.1.2" },
            { name: "local_infile", accepts: off, defaultComplies: false, suggest: "off", cis: "6.1.3" },
        ],
        postgres: [
            { name: "log_error_verbosity", accepts: ["default", "verbose"], defaultComplies: true, suggest: "default", cis: "6.2.1" },
            { name: "log_connections", accepts: on, defaultComplies: false, suggest: "on", cis: "6.2.2" },
            { name: "log_disconnections", accepts: on, defaultComplies: false, suggest: "on", cis: "6.2.3" },
            { name: "log_statement", accepts: ["ddl", "mod", "all"], defaultComplies: false, suggest: "ddl", cis: "6.2.4" },
            { name: "log_min_messages", accepts: ["warning", "error", "log", "fatal", "panic"], defaultComplies: true, suggest: "warning", cis: "6.2.5" },
            { name: "log_min_error_statement", accepts: ["error", "log", "fatal", "panic"], defaultComplies: true, suggest: "error", cis: "6.2.6" },
            { name: "log_min_duration_statement", accepts: ["-1"], defaultComplies: true, suggest: "-1", cis: "6.2.7" },
            { name: "cloudsql.enable_pgaudit", accepts: on, defaultComplies: false, suggest: "on", cis: "6.2.8" },
        ],
        sqlserver: [
            { name: "external scripts enabled", accepts: off, defaultComplies: true, suggest: "off", cis: "6.3.1" },
            { name: "cross db ownership chaining", accepts: off, defaultComplies: true, suggest: "off", cis: "6.3.2" },
            { name: "user connections", accepts: ["0"], defaultComplies: true, suggest: "0", cis: "6.3.3" },
            { name: "user options", accepts: [], defaultComplies: true, cis: "6.3.4" },
            { name: "remote access", accepts: off, defaultComplies: false, suggest: "off", cis: "6.3.5" },
            { name: "3625", accepts: on, defaultComplies: false, suggest: "on", cis: "6.3.6" },
            { name: "contained database authentication", accepts: off, defaultComplies: true, suggest: "off", cis: "6.3.7" },
        ],
    },
);
