/**
 * The words for what aggregation says about a month besides its figures (model/month-notes.ts): the
 * report's notes ("Att tänka på den här månaden") and the coverage phrases that the messages of a failed
 * month (app/month-check-text.ts) and `lagesbild validate` (cli/validate-text.ts) share with them.
 */
import type { Config } from "../config/load-config.ts";
import { SWEDISH_MONTHS } from "../core/swedish-months.ts";
import { monthOf } from "../core/zoned-month.ts";
import type { Indicators } from "../model/indicators.ts";
import type { Coverage, MonthNote } from "../model/month-notes.ts";

/** "16 augusti 2026" */
export function swedishDate(iso: string): string {
  const [y, m, d] = iso.split("-").map(Number);
  // An ISO date always has the three parts; a month out of range would print as "undefined", not crash.
  return `${d} ${SWEDISH_MONTHS[(m ?? 0) - 1]} ${y}`;
}

/** "täcker 2021-01–2024-02 (utom 2023-05)", or a phrase when the source covers nothing yet. */
export function describeCoverage(coverage: Coverage): string {
  if (coverage.from === null || coverage.to === null) {
    return coverage.last === null ? "täcker ännu ingen månad (inga daterade rader)" : "täcker ännu ingen hel månad";
  }
  const gaps = coverage.gaps.length === 0 ? "" : ` (utom ${coverage.gaps.join(", ")})`;
  return `täcker ${coverage.from}–${coverage.to}${gaps}`;
}

/** "3 augusti", with the year when `withYear`. */
function day(instant: number, timeZone: string, withYear: boolean): { text: string; key: string } {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).formatToParts(instant);
  // Intl always gives the three parts asked for; "" would only make a visibly odd date, never a crash.
  const get = (t: string) => parts.find((x) => x.type === t)?.value ?? "";
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

/**
 * One report note in words. Category and area ids are named as the month's indicators name them (the
 * config's names and the totals' fixed names), falling back to the id itself.
 */
export function monthNoteText(note: MonthNote, names: { category: (id: string) => string | undefined; area: (id: string) => string | undefined; timeZone: string }): string {
  const categoryList = (ids: ReadonlyArray<string>) => ids.map((c) => names.category(c) ?? c).join(", ");
  switch (note.kind) {
    case "source_not_covered":
      return (
        `Källan ${note.sourceId} täcker inte ${note.month} (${describeCoverage(note.coverage)}): ` +
        `uppgift saknas för ${categoryList(note.categories)} och för ${names.category(note.total) ?? "Alla kategorier"}.`
      );
    case "poll_gap":
      return (
        `Källan ${note.sourceId}: polisens händelser saknas ${gapDays(note, names.timeZone)} (hämtningen från polisen.se hade ett uppehåll; ` +
        "händelser som publicerades då kom aldrig in i arkivet, så siffrorna för de dagarna kan vara för låga)."
      );
    case "no_areas":
      return `Källan ${note.sourceId} saknar uppgift om område: ${categoryList(note.categories)} och ${names.category(note.total) ?? note.total} redovisas bara för hela kommunen.`;
    case "population_fallback": {
      const areas = note.areas.map((a) => names.area(a) ?? a).join(", ");
      const whose = !note.kommun ? ` för ${areas}` : note.areas.length === 0 ? "" : ` för hela kommunen och för ${areas}`;
      return `Befolkningen för ${note.year} saknas${whose}; ${note.used} års används för antal per 100 000 invånare.`;
    }
  }
}

/** The month's notes in words, named from its indicators (every area carries every category and total). */
export function monthNotesText(notes: ReadonlyArray<MonthNote>, ind: Indicators, config: Pick<Config, "timezone">): string[] {
  const categoryNames = new Map((ind.areas[0]?.incidents ?? []).map((e) => [e.category, e.name]));
  const areaNames = new Map(ind.areas.map((a) => [a.id, a.name]));
  const names = { category: (id: string) => categoryNames.get(id), area: (id: string) => areaNames.get(id), timeZone: config.timezone };
  return notes.map((n) => monthNoteText(n, names));
}
