/**
 * The `period` of an aggregated-csv row (spec/inputs.md "format: aggregated-csv"): one calendar month.
 * Accepted: `2024-03` (and `2024-3`, which Excel leaves when it drops the leading zero), `mars 2024`,
 * `2024 mars`, a three-letter abbreviation (`mar 2024`, also `sept`), and SCB/Brå style `2024M03`
 * (`2024M3`). Month names are case-insensitive. A quarter (`2024K1`, `2024Q1`, `K1 2024`,
 * `kvartal 1 2024`) or a bare year cannot be split into months: those get their own message.
 */
import { SWEDISH_MONTHS } from "./parse-polisen-name.ts";

export type PeriodResult =
  | { kind: "month"; month: string }
  | { kind: "quarter" }
  | { kind: "year" }
  | { kind: "invalid" };

const NUMERIC = /^(\d{4})\s*(?:-|M)\s*(\d{1,2})$/i;
const NAME_FIRST = /^([a-zåäö]+)\.?\s+(\d{4})$/iu;
const YEAR_FIRST = /^(\d{4})\s+([a-zåäö]+)\.?$/iu;
const QUARTER = /^(?:\d{4}\s*[KQ]\s*[1-4]|[KQ]\s*[1-4]\s+\d{4}|(?:kvartal|kv\.?)\s*[1-4]\s+\d{4}|\d{4}\s+(?:kvartal|kv\.?)\s*[1-4])$/iu;
const YEAR = /^(?:år\s+)?\d{4}$/iu;

function monthNumber(word: string): number {
  const w = word.toLowerCase();
  const full = SWEDISH_MONTHS.findIndex((name) => name === w);
  if (full >= 0) return full + 1;
  if (w === "sept") return 9;
  if (w.length === 3) {
    const abbrev = SWEDISH_MONTHS.findIndex((m) => m.startsWith(w));
    if (abbrev >= 0) return abbrev + 1;
  }
  return 0;
}

const result = (year: string, month: number): PeriodResult =>
  month >= 1 && month <= 12 ? { kind: "month", month: `${year}-${month < 10 ? `0${month}` : month}` } : { kind: "invalid" };

/** `parsePeriod("mars 2024")` → `{ kind: "month", month: "2024-03" }`; `parsePeriod("2024K1")` → `{ kind: "quarter" }`. */
export function parsePeriod(text: string): PeriodResult {
  const t = text.normalize("NFC").replace(/\s+/gu, " ").trim();
  let m = NUMERIC.exec(t);
  if (m !== null) return result(m[1]!, Number(m[2]));
  m = NAME_FIRST.exec(t);
  if (m !== null) return result(m[2]!, monthNumber(m[1]!));
  m = YEAR_FIRST.exec(t);
  if (m !== null) return result(m[1]!, monthNumber(m[2]!));
  if (QUARTER.test(t)) return { kind: "quarter" };
  if (YEAR.test(t)) return { kind: "year" };
  return { kind: "invalid" };
}
