// Network readings several clouds share: whether an address range is the whole internet, and port
// ranges (a firewall or security-group rule opens `from`..`to`; a knob lists "443" or "1020-1025").

/** A CIDR with prefix length 0 ("0.0.0.0/0", "::/0", or any address written with "/0") is every address. */
export function isWorldCidr(cidr: string): boolean {
    const slash = cidr.lastIndexOf("/");
    return slash >= 0 && cidr.slice(slash + 1).trim() === "0";
}

export interface PortRange {
    readonly from: number;
    readonly to: number;
}

export const allPorts: PortRange = { from: 0, to: 65535 };

/** Whether `range` includes `port`. */
export function covers(range: PortRange, port: number): boolean {
    return range.from <= port && port <= range.to;
}

/** Whether every port of `range` lies inside one of `allowed` (ranges may adjoin or overlap). */
export function within(range: PortRange, allowed: readonly PortRange[]): boolean {
    let next = range.from;
    const sorted = [...allowed].sort((a, b) => a.from - b.from);
    for (const a of sorted) {
        if (a.from > next) break;
        if (a.to >= next) next = a.to + 1;
        if (next > range.to) return true;
    }
    return next > range.to;
}

/** The pattern of one port or range in a knob: "443" or "1020-1025". */
export const portRangePattern = "^[0-9]{1,5}(-[0-9]{1,5})?$";

const portRangeText = new RegExp(portRangePattern);

/** "443" → 443..443, "1020-1025" → 1020..1025 (spaces around it ignored); undefined when it is neither, out of 0..65535 or reversed. */
export function parsePortRange(text: string): PortRange | undefined {
    const trimmed = text.trim();
    if (!portRangeText.test(trimmed)) return undefined;
    const [a, b] = trimmed.split("-");
    const from = Number(a);
    const to = b === undefined ? from : Number(b);
    return to <= 65535 && from <= to ? { from, to } : undefined;
}

/** The first port of `range` that none of `allowed` includes; undefined when all are (what `within` decides, with the port to name). */
export function firstUncovered(range: PortRange, allowed: readonly PortRange[]): number | undefined {
    let port = range.from;
    for (;;) {
        const a = allowed.find(r => covers(r, port));
        if (!a) return port;
        port = a.to + 1;
        if (port > range.to) return undefined;
    }
}

const parsed = new WeakMap<readonly string[], PortRange[]>();

/** The ranges of a knob's list, parsed once per list. */
export function portRanges(list: readonly string[]): readonly PortRange[] {
    let ranges = parsed.get(list);
    if (!ranges) {
        ranges = list.map(parsePortRange).filter((r): r is PortRange => r !== undefined);
        parsed.set(list, ranges);
    }
    return ranges;
}
