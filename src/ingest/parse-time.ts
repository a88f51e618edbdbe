/**
 * Timestamps → calendar month in the config's zone (spec/inputs.md "Time"). Accepted exactly:
 * `YYYY-MM-DD`, `YYYY-MM-DD HH:mm`, `YYYY-MM-DD HH:mm:ss`, the same with `T`, and with a time an
 * optional offset `+01:00`, `+0100` or `Z`. Anything else (including 2023-02-29) is `bad_date`.
 *
 * Hot path: a timestamp without an offset is local time in the zone, so its month is the text's own
 * `YYYY-MM`, and its instant (needed for `future_date`) is `Date.UTC` minus the zone's offset, which is
 * looked up once per distinct local hour instead of building a Date per row.
 */
import { TZDate } from "@date-fns/tz";

export interface ParsedTime {
  /** Calendar month in the zone, `YYYY-MM`. */
  month: string;
  /** Epoch milliseconds. */
  instant: number;
}

const TIMESTAMP =
  /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?(Z|[+-]\d{2}:?\d{2})?)?$/;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const OFFSET_CACHE_LIMIT = 200_000;

function daysIn(year: number, month: number): number {
  if (month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)) return 29;
  return DAYS_IN_MONTH[month - 1]!;
}

/** Milliseconds to subtract from a local wall-clock `Date.UTC` value, cached per zone and hour. */
const offsetCaches = new Map<string, Map<number, number>>();

function localOffset(timezone: string, y: number, mo: number, d: number, h: number, wallClock: number): number {
  let cache = offsetCaches.get(timezone);
  if (cache === undefined) offsetCaches.set(timezone, (cache = new Map()));
  const hourKey = Math.floor(wallClock / 3_600_000);
  let offset = cache.get(hourKey);
  if (offset === undefined) {
    // TZDate resolves DST gaps and overlaps the way date-fns does everywhere else in the project.
    offset = Date.UTC(y, mo - 1, d, h) - new TZDate(y, mo - 1, d, h, 0, 0, timezone).getTime();
    if (cache.size >= OFFSET_CACHE_LIMIT) cache.clear(); // bounded memory, whatever the data spans
    cache.set(hourKey, offset);
  }
  return offset;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/**
 * `parseLocalTimestamp("2024-03-31T22:30:00Z", "Europe/Stockholm")` → `{ month: "2024-04", … }`;
 * `parseLocalTimestamp("2024-03-31 23:59", "Europe/Stockholm")` → `{ month: "2024-03", … }`;
 * `parseLocalTimestamp("31/3/2024", …)` → `null`.
 */
export function parseLocalTimestamp(text: string, timezone: string): ParsedTime | null {
  const m = TIMESTAMP.exec(text.trim());
  if (m === null) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const h = m[4] === undefined ? 0 : Number(m[4]);
  const mi = m[5] === undefined ? 0 : Number(m[5]);
  const s = m[6] === undefined ? 0 : Number(m[6]);
  if (mo < 1 || mo > 12 || d < 1 || d > daysIn(y, mo) || h > 23 || mi > 59 || s > 59) return null;
  const wallClock = Date.UTC(y, mo - 1, d, h, mi, s);
  const zone = m[7];
  if (zone === undefined) {
    return { month: `${m[1]}-${m[2]}`, instant: wallClock - localOffset(timezone, y, mo, d, h, wallClock) };
  }
  let offsetMinutes = 0;
  if (zone !== "Z") {
    const oh = Number(zone.slice(1, 3));
    const om = Number(zone.slice(-2));
    if (oh > 23 || om > 59) return null;
    offsetMinutes = (zone[0] === "-" ? -1 : 1) * (oh * 60 + om);
  }
  const instant = wallClock - offsetMinutes * 60_000;
  // The month is taken after converting to the zone: 2024-03-31T22:30Z is April in Stockholm.
  const local = new TZDate(instant, timezone);
  return { month: `${local.getFullYear()}-${pad2(local.getMonth() + 1)}`, instant };
}
