/**
 * Coverage of an archive built by polling (spec/indicators.md "Coverage", issue 19): it starts where
 * the first poll's answer starts and never reaches past the last successful poll, whatever the rows
 * say; and a gap between polls is told in the report month's notes ("polisens händelser saknas 3–5
 * augusti"). A separate input to coverage: the bound applies on top of the data's own span, and a
 * bound the config declares in `covers` still wins (the analyst's word, e.g. after a gap was filled).
 */
import { addMonths, monthIndex } from "../core/month.ts";
import { SWEDISH_MONTHS } from "../core/swedish-months.ts";
import { monthOf, monthStart } from "../core/zoned-month.ts";
import type { PolledMonths } from "../model/records.ts";

interface Bounds {
  from: string | null;
  to: string | null;
}

/** Narrows a coverage to what the polls saw; bounds declared in `covers` are left as declared. */
export function boundByPolls(coverage: Bounds, polled: PolledMonths | undefined, covers: { from?: string | undefined; to?: string | undefined } | undefined): Bounds {
  if (polled === undefined) return coverage;
  let { from, to } = coverage;
  if (covers?.from === undefined && from !== null && monthIndex(polled.from) > monthIndex(from)) from = polled.from;
  if (covers?.to === undefined && to !== null && monthIndex(polled.to) < monthIndex(to)) to = polled.to;
  return { from, to };
}

/** "3 augusti", with the year when `withYear`. */
function day(instant: number, timeZone: string, withYear: boolean): { text: string; key: string } {
  const p = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).formatToParts(instant);
  const get = (t: string) => p.find((x) => x.type === t)!.value;
  const text = `${Number(get("day"))} ${SWEDISH_MONTHS[Number(get("month")) - 1]}${withYear ? ` ${get("year")}` : ""}`;
  return { text, key: `${get("year")}-${get("month")}-${get("day")}` };
}

/** "3–5 augusti", "30 juli–2 augusti", "30 december 2025–2 januari 2026", or one day. */
export function gapDays(gap: { from: number; to: number }, timeZone: string): string {
  const years = monthOf(gap.from, timeZone).slice(0, 4) !== monthOf(gap.to, timeZone).slice(0, 4);
  const a = day(gap.from, timeZone, years);
  const b = day(gap.to, timeZone, years);
  if (a.key === b.key) return a.text;
  if (!years && a.key.slice(0, 7) === b.key.slice(0, 7)) return `${a.text.split(" ")[0]}–${b.text}`;
  return `${a.text}–${b.text}`;
}

/** The notes for report month `month`: one per gap that overlaps it. */
export function pollGapNotes(sourceId: string, polled: PolledMonths | undefined, month: string, timeZone: string): string[] {
  if (polled === undefined) return [];
  const start = monthStart(month, timeZone);
  const end = monthStart(addMonths(month, 1), timeZone);
  return polled.gaps
    .filter((g) => g.from < end && g.to >= start)
    .map(
      (g) =>
        `Källan ${sourceId}: polisens händelser saknas ${gapDays(g, timeZone)} (hämtningen från polisen.se hade ett uppehåll; ` +
        "händelser som publicerades då kom aldrig in i arkivet, så siffrorna för de dagarna kan vara för låga).",
    );
}
