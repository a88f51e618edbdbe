/**
 * The parts of a police open-events object that decide where and when (spec/inputs.md
 * "format: polisen-events"): the headline `name` ("5 mars 21.40, Misshandel, Söderhamn"; before about
 * November 2023 "05 april 02:31, …") and the publication time `datetime`
 * ("2026-05-03 9:48:12 +02:00", hour not always zero-padded).
 *
 * The incident time is the day and time in `name`, in the year of `datetime`, except that a December
 * date in an event published in January belongs to the previous year. Without a date in `name`, the
 * publication time itself is used.
 */
import { SWEDISH_MONTHS } from "../../core/swedish-months.ts";
import { parseLocalTimestamp, type ParsedTime } from "../../core/parse-time.ts";

// Kept here too for the modules that import it from this path; the list lives in core/swedish-months.ts.
export { SWEDISH_MONTHS };

/** "5 mars 21.40" / "05 april 02:31" at the start of the headline; the time is optional. */
const NAME_DATE = /^\s*(\d{1,2})\s+([a-zåäö]+)(?:\s+(\d{1,2})[.:](\d{2}))?\s*(?:,|$)/iu;
/** `datetime` as the API writes it: space or T, unpadded hour, seconds optional, offset optional. */
const DATETIME = /^\s*(\d{4})-(\d{2})-(\d{2})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?\s*(Z|[+-]\d{2}:?\d{2})?\s*$/;

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/** The kommun of an event: the text after the last comma of `name` (a type may itself hold commas). */
export function kommunOfName(name: string): string {
  const comma = name.lastIndexOf(",");
  return (comma < 0 ? "" : name.slice(comma + 1)).trim();
}

/**
 * `datetime` rewritten in the form parse-time accepts (`2026-05-03 09:48:12+02:00`), or null.
 * Also returns its year and month as written (local publication time).
 */
export function normaliseDatetime(datetime: string): { text: string; year: number; month: number } | null {
  const m = DATETIME.exec(datetime);
  if (m === null) return null;
  const text = `${m[1]}-${m[2]}-${m[3]} ${pad2(Number(m[4]))}:${m[5]}${m[6] === undefined ? "" : `:${m[6]}`}${m[7] ?? ""}`;
  return { text, year: Number(m[1]), month: Number(m[2]) };
}

export interface NameDate {
  day: number;
  /** 1–12 */
  month: number;
  /** null when the headline has a date but no time */
  hour: number | null;
  minute: number | null;
}

/** The day/month/time at the start of `name`, or null when it has none (or an unknown month name). */
export function parseNameDate(name: string): NameDate | null {
  const m = NAME_DATE.exec(name);
  if (m === null) return null;
  const word = m[2]?.toLowerCase();
  const month = SWEDISH_MONTHS.findIndex((name) => name === word) + 1;
  if (month === 0) return null;
  return {
    day: Number(m[1]),
    month,
    hour: m[3] === undefined ? null : Number(m[3]),
    minute: m[4] === undefined ? null : Number(m[4]),
  };
}

/**
 * The incident's time in `timezone`, or null when neither `name` nor `datetime` gives a valid one.
 * `incidentTime("5 mars 21.40, Misshandel, Söderhamn", "2024-03-05 22:14:01 +01:00", "Europe/Stockholm")`
 * → March 2024; `incidentTime("31 december 23.50, Brand, Gävle", "2025-01-01 0:12:00 +01:00", …)` → December 2024.
 */
export function incidentTime(name: string, datetime: string, timezone: string): ParsedTime | null {
  const published = normaliseDatetime(datetime);
  const date = parseNameDate(name);
  if (date === null) return published === null ? null : parseLocalTimestamp(published.text, timezone);
  if (published === null) return null; // the headline has no year: without `datetime` it is unusable
  const year = date.month === 12 && published.month === 1 ? published.year - 1 : published.year;
  const time = date.hour === null ? "" : ` ${pad2(date.hour)}:${pad2(date.minute!)}`;
  // The headline's time is local wall-clock time (no offset): parse-time validates day and hour.
  return parseLocalTimestamp(`${year}-${pad2(date.month)}-${pad2(date.day)}${time}`, timezone);
}
