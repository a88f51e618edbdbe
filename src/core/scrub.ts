/**
 * Removes personal identifiers from free text before it is written anywhere (spec/inputs.md
 * "Scrubbing"; spec/README.md non-negotiable 3): personnummer and samordningsnummer, Swedish phone
 * numbers, e-mail addresses and Swedish registration numbers become `[borttaget]`.
 *
 * Errs towards removing: a false hit costs a few characters of an analyst's debug text, a miss leaks
 * a person. Ordinary dates (`2024-03-05`), times (`22:14`, `08-10`) and years are left alone.
 *
 * The patterns run on a normalised copy of the text (issue 14.3): every dash (en dash, minus, …)
 * becomes `-`, every space (non-breaking, thin, tab, …) a plain space, and invisible characters
 * (zero-width space, soft hyphen, BOM) are dropped, so `08–555 66 77` or `076 222 33 44` with
 * non-breaking spaces is found; the hits are then cut out of the original text, which keeps its own
 * dashes and spaces everywhere else. Every pattern is anchored by a look-behind that refuses to start
 * inside a run of the characters it consumes, and each match has a bounded length, so the work is
 * linear in the text (issue 14.6: a 1 MB cell costs milliseconds, not minutes).
 */
import { at, group } from "./checked.ts";
export const REMOVED = "[borttaget]";

/** Starts only where a run of local-part characters starts: without it a long token is quadratic. */
const EMAIL = /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]{1,63}(?:\.[\p{L}\p{N}-]{1,63}){0,8}\.\p{L}{2,24}(?![\p{L}\p{N}])/gu;

/** YYYYMMDD-NNNN, YYMMDD-NNNN, with `-`, `+` (over 100 years old), a space or nothing between. */
const PERSONNUMMER = /(?<![\p{L}\p{N}])(?:(\d{2})?(\d{2})(\d{2})(\d{2}))[-+ ]?\d{4}(?!\p{N})/gu;

/** +46 / 0046 followed by the number without its leading 0 (sometimes written as "(0)"). */
const PHONE_INTERNATIONAL = /(?<![\p{L}\p{N}+])(?:\+ ?|00 ?)46[ -]?(?:\(0\)[ -]?)?\d(?:[ -]?\d){6,9}(?!\p{N})/gu;

/**
 * 0 + area code (1–3 digits, optionally in brackets), an optional dash or space, then the subscriber
 * number in groups of 2–3 digits separated by a space or a dash (070-123 45 67, 070-765-43-21,
 * 08-123 456 78, 0270-750 00, (08) 555 66 77, 0701234567). Not after a letter or digit, `-` or `/`,
 * nor after a digit and `:` `.` `,`, so the `03-05` of a date, the `00-12` of a time range or a
 * decimal never starts a match; `Tel:073-…` and `Tel.070…` do.
 */
const PHONE_DOMESTIC = /(?<![\p{L}\p{N}\-/(])(?<!\p{N}[:.,])(?:\(0\d{1,3}\)|0\d{1,3})[ -]?\d{2,3}(?:[ -]?\d{2,3}){1,3}(?![\p{N}\-:])/gu;
/** DD-MM-YYYY is a date, not a number in the 08 area. */
const DATE_LIKE = /^\d{2}-\d{2}-(?:19|20)\d{2}$/;

/** ABC 123 (old) and ABC 12A (2019 format). I, Q, V, Å, Ä, Ö are never used on Swedish plates. */
const PLATE = /(?<![\p{L}\p{N}])([A-HJ-PR-UW-Z]{3}) ?\d{2}[0-9A-HJ-PR-UW-Z](?![\p{L}\p{N}])/gu;
/** Common upper-case words followed by three digits that are not plates ("ringde SOS 112"). */
const NOT_PLATES = new Set(["SOS", "SFS", "LSS", "LVU", "LVM"]);

const DASHES = /[\u2010-\u2015\u2212\u2043\ufe58\ufe63\uff0d]/;
const SPACES = /[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/;
const INVISIBLE = /[\u00ad\u180e\u200b-\u200d\u2060\ufeff]/;

function plausibleBirthDate(month: string, day: string): boolean {
  const m = Number(month);
  const d = Number(day);
  // Samordningsnummer add 60 to the day.
  return m >= 1 && m <= 12 && ((d >= 1 && d <= 31) || (d >= 61 && d <= 91));
}

function digitCount(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) >= 0x30 && s.charCodeAt(i) <= 0x39) n++;
  return n;
}

/** The text the patterns see, and for each of its code units the index it came from in `text`. */
function normalise(text: string): { norm: string; from: Int32Array } {
  const from = new Int32Array(text.length + 1);
  let norm = "";
  let chunkStart = 0;
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i);
    const code = c.charCodeAt(0);
    // Fast path: ASCII other than tab is kept as it is.
    if (code < 0x80 && code !== 9) {
      from[n++] = i;
      continue;
    }
    let replacement: string | null = c;
    if (DASHES.test(c)) replacement = "-";
    else if (SPACES.test(c)) replacement = " ";
    else if (INVISIBLE.test(c)) replacement = null;
    if (replacement === c) {
      from[n++] = i;
      continue;
    }
    norm += text.slice(chunkStart, i);
    chunkStart = i + 1;
    if (replacement !== null) {
      norm += replacement;
      from[n++] = i;
    }
  }
  norm += text.slice(chunkStart);
  from[n] = text.length;
  return { norm, from };
}

/**
 * The ranges `[start, end)` of `text` that hold an identifier, sorted and merged. For callers that must
 * cut identifiers out of text spread over several pieces (the commentary's Markdown tokens).
 */
export function identifierRanges(text: string): Array<[number, number]> {
  if (text === "") return [];
  const { norm, from } = normalise(text);
  const hits: Array<[number, number]> = [];
  const add = (start: number, length: number) => hits.push([at(from, start), at(from, start + length - 1) + 1]);
  for (const m of norm.matchAll(EMAIL)) add(m.index, m[0].length);
  for (const m of norm.matchAll(PERSONNUMMER)) if (plausibleBirthDate(group(m, 3), group(m, 4))) add(m.index, m[0].length);
  for (const m of norm.matchAll(PHONE_INTERNATIONAL)) add(m.index, m[0].length);
  for (const m of norm.matchAll(PHONE_DOMESTIC)) {
    // Swedish numbers have 8–10 digits with the leading 0 (0270-750 00 … 070-123 45 67).
    const n = digitCount(m[0]);
    if (n >= 8 && n <= 10 && !DATE_LIKE.test(m[0])) add(m.index, m[0].length);
  }
  for (const m of norm.matchAll(PLATE)) if (!NOT_PLATES.has(group(m, 1))) add(m.index, m[0].length);
  hits.sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const h of hits) {
    const last = merged[merged.length - 1];
    if (last !== undefined && h[0] <= last[1]) last[1] = Math.max(last[1], h[1]);
    else merged.push([h[0], h[1]]);
  }
  return merged;
}

/**
 * `scrub("Ring 070-123 45 67 eller mejla anna@example.se")` → `"Ring [borttaget] eller mejla [borttaget]"`.
 */
export function scrub(text: string): string {
  const ranges = identifierRanges(text);
  if (ranges.length === 0) return text;
  let out = "";
  let at = 0;
  for (const [start, end] of ranges) {
    out += text.slice(at, start) + REMOVED;
    at = end;
  }
  return out + text.slice(at);
}

/** True when `text` holds something `scrub` would remove. */
export function holdsIdentifier(text: string): boolean {
  return identifierRanges(text).length > 0;
}
