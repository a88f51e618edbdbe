/**
 * Timestamps → calendar month in the config's zone (spec/inputs.md "Time"). Accepted exactly:
 * `YYYY-MM-DD`, `YYYY-MM-DD HH:mm`, `YYYY-MM-DD HH:mm:ss`, the same with `T`, and with a time an
 * optional offset `+01:00`, `+0100` or `Z`. Anything else (including 2023-02-29) is `bad_date`.
 *
 * Hot path: a timestamp without an offset is local time in the zone, so its month is the text's own
 * `YYYY-MM`, and its instant (needed for `future_date`) is `Date.UTC` minus the zone's offset, which is
 * looked up once per local day (per hour on a DST day) instead of building a Date per row.
 */
import { TZDate } from "@date-fns/tz";
import { at } from "./checked.ts";

export interface ParsedTime {
  /** Calendar month in the zone, `YYYY-MM`. */
  month: string;
  /** Epoch milliseconds. */
  instant: number;
  /** Local calendar day of the month in the zone, 1–31 (coverage looks at dated days: spec/indicators.md). */
  day: number;
}

const TIMESTAMP =
  /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?(Z|[+-]\d{2}:?\d{2})?)?$/;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const OFFSET_CACHE_LIMIT = 200_000;

function daysIn(year: number, month: number): number {
  if (month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)) return 29;
  return at(DAYS_IN_MONTH, month - 1);
}

/** Milliseconds to subtract from a local wall-clock `Date.UTC` value at local hour `h` of a day. */
function hourOffset(timezone: string, y: number, mo: number, d: number, h: number): number {
  // TZDate resolves DST gaps and overlaps the way date-fns does everywhere else in the project.
  return Date.UTC(y, mo - 1, d, h) - new TZDate(y, mo - 1, d, h, 0, 0, timezone).getTime();
}

/**
 * Per zone and local day: the day's one offset, or, on a day whose first and last hour differ (a DST
 * change), NaN and the offsets per hour. A TZDate costs microseconds (Intl formatting), so one or
 * two per day instead of one per hour: issue 7's profile had 1 M rows spend 0.4 s here.
 */
const dayCaches = new Map<string, Map<number, number>>();
const hourCaches = new Map<string, Map<number, number>>();

function cacheOf(caches: Map<string, Map<number, number>>, timezone: string): Map<number, number> {
  let cache = caches.get(timezone);
  if (cache === undefined) caches.set(timezone, (cache = new Map()));
  if (cache.size >= OFFSET_CACHE_LIMIT) cache.clear(); // bounded memory, whatever the data spans
  return cache;
}

function localOffset(timezone: string, y: number, mo: number, d: number, h: number, wallClock: number): number {
  const days = cacheOf(dayCaches, timezone);
  const dayKey = Math.floor(wallClock / 86_400_000);
  let offset = days.get(dayKey);
  if (offset === undefined) {
    const first = hourOffset(timezone, y, mo, d, 0);
    offset = first === hourOffset(timezone, y, mo, d, 23) ? first : NaN;
    days.set(dayKey, offset);
  }
  if (!Number.isNaN(offset)) return offset;
  const hours = cacheOf(hourCaches, timezone);
  const hourKey = Math.floor(wallClock / 3_600_000);
  offset = hours.get(hourKey);
  if (offset === undefined) hours.set(hourKey, (offset = hourOffset(timezone, y, mo, d, h)));
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
  const fast = parsePlainLocal(text, timezone);
  if (fast !== undefined) return fast;
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
    return { month: `${m[1]}-${m[2]}`, instant: wallClock - localOffset(timezone, y, mo, d, h, wallClock), day: d };
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
  return { month: `${local.getFullYear()}-${pad2(local.getMonth() + 1)}`, instant, day: local.getDate() };
}

const ZERO = 0x30;
/** The digit at `i` as a number, or NaN (so any non-digit makes the sum NaN). */
function digit(text: string, i: number): number {
  const d = text.charCodeAt(i) - ZERO;
  return d >= 0 && d <= 9 ? d : NaN;
}

/** `YYYY-MM` strings by year·12 + month: one string per month, not one per row. */
const monthNames = new Map<number, string>();
function monthName(y: number, mo: number): string {
  const key = y * 12 + mo;
  let name = monthNames.get(key);
  if (name === undefined) monthNames.set(key, (name = `${String(y).padStart(4, "0")}-${pad2(mo)}`));
  return name;
}

/**
 * The hot path of police and kommun exports, `YYYY-MM-DD`, `YYYY-MM-DD HH:mm` or `…:ss` with a space
 * or `T` and no offset, read digit by digit: the regex's match array and its eight strings per row were
 * a tenth of a cold run's garbage (issue 7 profile). Undefined hands anything else to the regex.
 */
function parsePlainLocal(text: string, timezone: string): ParsedTime | null | undefined {
  const n = text.length;
  if ((n !== 10 && n !== 16 && n !== 19) || text.charCodeAt(4) !== 0x2d || text.charCodeAt(7) !== 0x2d) return undefined;
  const y = digit(text, 0) * 1000 + digit(text, 1) * 100 + digit(text, 2) * 10 + digit(text, 3);
  const mo = digit(text, 5) * 10 + digit(text, 6);
  const d = digit(text, 8) * 10 + digit(text, 9);
  let h = 0;
  let mi = 0;
  let s = 0;
  if (n > 10) {
    const sep = text.charCodeAt(10);
    if ((sep !== 0x20 && sep !== 0x54) || text.charCodeAt(13) !== 0x3a) return undefined;
    h = digit(text, 11) * 10 + digit(text, 12);
    mi = digit(text, 14) * 10 + digit(text, 15);
    if (n === 19) {
      if (text.charCodeAt(16) !== 0x3a) return undefined;
      s = digit(text, 17) * 10 + digit(text, 18);
    }
  }
  if (Number.isNaN(y + mo + d + h + mi + s)) return undefined;
  if (mo < 1 || mo > 12 || d < 1 || d > daysIn(y, mo) || h > 23 || mi > 59 || s > 59) return null;
  const wallClock = Date.UTC(y, mo - 1, d, h, mi, s);
  return { month: monthName(y, mo), instant: wallClock - localOffset(timezone, y, mo, d, h, wallClock), day: d };
}
