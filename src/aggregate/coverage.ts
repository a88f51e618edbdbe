/**
 * "Coverage: no data is not zero" (spec/indicators.md). A month a source does not cover is unknown, not
 * zero: N(a, c, t) is available only if every incident source that maps a label to c covers t, and
 * a total only if every incident source of its measure does.
 *
 * Coverage comes from the source's data, not from the rows this kommun accepted: a police archive
 * holds every kommun's events, so a quiet fortnight here is still covered, and an archive that ends on
 * the 16th does not cover its month however many events this kommun had before that. Each file records
 * the first and last local day per month on which it holds a row with a usable date (FileReport.dated,
 * any outcome except `bad_date`/`future_date`); month t is covered when
 *   - the source holds a dated day on or before the 1st of t (or `covers.from` ≤ t is declared),
 *   - and one on or after day L−2 of t, L the month's length (or t ≤ `covers.to` is declared),
 *   - and at least one row dated in t itself (a month without any row is a missing file), unless
 *     `covers.to` is declared: that declares a sparse export complete up to `to`,
 *   - and t has ended at generated_at.
 * An aggregated table stores each row as its whole month (days 1 and L), so the same rule makes it
 * cover exactly the months it has rows for.
 */
import type { IncidentSourceConfig } from "../config/schema.ts";
import { LagesbildError } from "../core/errors.ts";
import { addMonths, daysInMonth, monthFromIndex, monthIndex } from "../core/month.ts";
import { SWEDISH_MONTHS } from "../core/swedish-months.ts";
import { addDated } from "../core/dated-spans.ts";
import type { FileReport, PolledMonths } from "../model/records.ts";
import type { Measure } from "../core/measure.ts";
import { boundByPolls } from "./poll-coverage.ts";

export interface Coverage {
  /** First and last covered month; null when the source covers no month. */
  from: string | null;
  to: string | null;
  /** Months between `from` and `to` that are not covered (a missing file), oldest first. */
  gaps: string[];
  /** First and last local date (`YYYY-MM-DD`) with a usable row; null when the source has none. */
  first: string | null;
  last: string | null;
  /** The config's `covers` bounds, which win over the data. */
  declared: { from?: string | undefined; to?: string | undefined };
  /** The last month that has ended at generated_at. */
  lastEnded: string;
  /** For an archive built by `lagesbild hamta polisen`: the months its polls saw whole. */
  polled?: { from: string; to: string } | undefined;
}

/** What availability needs to know about one incident source. */
export interface SourceCoverage {
  sourceId: string;
  required: boolean;
  /** The category ids this source maps any label to. */
  categories: ReadonlySet<string>;
  /** What the source counts (spec/cli.md "Measures"): `total:<measure>` needs only its measure's sources. */
  measure?: Measure;
  /** The id of the total this source's categories add up to (`total` or `total:<measure>`). */
  total?: string;
  coverage: Coverage;
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/**
 * A source's coverage from its files' dated spans and the config's `covers` (see the module comment).
 * `currentMonth` is the month containing the run's generated-at: it and later months are never covered.
 */
export function sourceCoverage(
  files: ReadonlyArray<Pick<FileReport, "dated">>,
  source: Pick<IncidentSourceConfig, "covers">,
  currentMonth: string,
  polled?: PolledMonths,
): Coverage {
  const dated: Record<string, [number, number]> = {};
  for (const f of files) addDated(dated, f.dated);
  const months = Object.keys(dated).sort();
  const firstMonth = months[0];
  const lastMonth = months.at(-1);
  const first = firstMonth === undefined ? null : `${firstMonth}-${pad2(dated[firstMonth]![0])}`;
  const last = lastMonth === undefined ? null : `${lastMonth}-${pad2(dated[lastMonth]![1])}`;
  const declared = { from: source.covers?.from, to: source.covers?.to };
  const lastEnded = addMonths(currentMonth, -1);
  const base = { first, last, declared, lastEnded, polled: polled && { from: polled.from, to: polled.to } };

  const lo = declared.from ?? firstMonth;
  const hi = declared.to ?? lastMonth;
  if (lo === undefined || hi === undefined) return { from: null, to: null, gaps: [], ...base };
  let from: string | null = null;
  let to: string | null = null;
  const gaps: string[] = [];
  // Months that fail after a covered one become gaps only when a covered month follows them.
  let pending: string[] = [];
  const end = Math.min(monthIndex(hi), monthIndex(lastEnded));
  for (let i = monthIndex(lo); i <= end; i++) {
    const t = monthFromIndex(i);
    if (testMonth(t, dated, base) === null) {
      from ??= t;
      to = t;
      gaps.push(...pending);
      pending = [];
    } else if (from !== null) pending.push(t);
  }
  // A polled archive never covers more than its polls saw (poll-coverage.ts), whatever its rows say.
  const bounded = boundByPolls({ from, to }, polled, source.covers);
  if (bounded.from === null || bounded.to === null || monthIndex(bounded.from) > monthIndex(bounded.to)) {
    return { from: null, to: null, gaps: [], ...base };
  }
  const inside = (t: string) => monthIndex(bounded.from ?? t) <= monthIndex(t) && monthIndex(t) <= monthIndex(bounded.to ?? t);
  return { from: bounded.from, to: bounded.to, gaps: gaps.filter(inside), ...base };
}

type Why =
  | { kind: "not_ended" }
  | { kind: "before_declared" }
  | { kind: "after_declared" }
  | { kind: "no_rows" }
  | { kind: "starts_later" }
  | { kind: "ends_earlier"; needed: string }
  | { kind: "gap" };

/** Null when month t is covered, else why not. */
function testMonth(t: string, dated: Readonly<Record<string, readonly [number, number]>> | null, c: Pick<Coverage, "first" | "last" | "declared" | "lastEnded">): Why | null {
  if (monthIndex(t) > monthIndex(c.lastEnded)) return { kind: "not_ended" };
  const { from, to } = c.declared;
  if (from !== undefined && monthIndex(t) < monthIndex(from)) return { kind: "before_declared" };
  if (to !== undefined && monthIndex(t) > monthIndex(to)) return { kind: "after_declared" };
  // Declared bounds win: each replaces the data's test on its side.
  if (from === undefined || to === undefined) {
    if (c.first === null || c.last === null) return { kind: "no_rows" };
    // ISO dates compare as strings.
    if (from === undefined && c.first > `${t}-01`) return { kind: "starts_later" };
    const needed = `${t}-${pad2(daysInMonth(t) - 2)}`;
    if (to === undefined && c.last < needed) return { kind: "ends_earlier", needed };
  }
  if (to === undefined && dated !== null && dated[t] === undefined) return { kind: "gap" };
  return null;
}

export function coversMonth(coverage: Pick<Coverage, "from" | "to" | "gaps">, month: string): boolean {
  if (coverage.from === null || coverage.to === null) return false;
  const t = monthIndex(month);
  return monthIndex(coverage.from) <= t && t <= monthIndex(coverage.to) && !coverage.gaps.includes(month);
}

/**
 * Whether N(·, category, month) is available. A total needs every source of its measure that maps
 * anything (`total` = the only measure, so every such source; `total:<measure>` = that measure's).
 */
export function isAvailable(sources: ReadonlyArray<SourceCoverage>, category: string, month: string): boolean {
  const totalOf = category === "total" ? null : category.startsWith("total:") ? category.slice("total:".length) : undefined;
  for (const s of sources) {
    const relevant =
      totalOf === undefined ? s.categories.has(category) : s.categories.size > 0 && (totalOf === null || s.measure === totalOf);
    if (relevant && !coversMonth(s.coverage, month)) return false;
  }
  return true;
}

/** The latest month every given source covers (the required ones, for `--month latest`), or null. */
export function latestCommonMonth(coverages: ReadonlyArray<Pick<Coverage, "from" | "to" | "gaps">>): string | null {
  if (coverages.length === 0) return null;
  let hi = Infinity;
  let lo = -Infinity;
  for (const c of coverages) {
    if (c.from === null || c.to === null) return null;
    hi = Math.min(hi, monthIndex(c.to));
    lo = Math.max(lo, monthIndex(c.from));
  }
  for (let i = hi; i >= lo; i--) {
    const t = monthFromIndex(i);
    if (coverages.every((c) => coversMonth(c, t))) return t;
  }
  return null;
}

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

/**
 * Why `sourceId` does not cover `month`, in Swedish, saying how far the source reaches and, where the
 * data decided, that `covers.to` declares a sparse export complete (spec/indicators.md). `keyPath` is
 * the source's `sources[i]`.
 */
export function notCoveredMessage(sourceId: string, keyPath: string, coverage: Coverage, month: string): string {
  const why = testMonth(month, null, coverage) ?? (coversMonth(coverage, month) ? null : ({ kind: "gap" } as const));
  const head = `Månaden ${month} täcks ännu inte av källan ${sourceId} (data inte levererad)`;
  const reach = coverage.last === null ? "" : ` Källan ${sourceId} når till ${swedishDate(coverage.last)}.`;
  const declare =
    ` Om exporten är komplett men gles (månader utan händelser), ange covers: { to: ${month} } under ${keyPath} i konfigurationen.`;
  const p = coverage.polled;
  if (why?.kind !== "not_ended" && p !== undefined && (monthIndex(month) < monthIndex(p.from) || monthIndex(month) > monthIndex(p.to))) {
    return `${head}: källan ${describeCoverage(coverage)}; hämtningarna (lagesbild hamta polisen) har sett ${p.from}–${p.to} hela, och en månad täcks först när en lyckad hämtning gjorts efter att den tagit slut.${reach}`;
  }
  switch (why?.kind) {
    case "not_ended":
      return `${head}: månaden är inte slut ännu.`;
    case "before_declared":
      return `${head}: månaden ligger före ${keyPath}.covers.from (${coverage.declared.from}).${reach}`;
    case "after_declared":
      return `${head}: månaden ligger efter ${keyPath}.covers.to (${coverage.declared.to}); flytta fram covers.to när exporten för månaden är komplett.${reach}`;
    case "no_rows":
      return `${head}: källans filer har inga rader med användbart datum.${declare}`;
    case "starts_later":
      return `${head}: källans uppgifter börjar först ${swedishDate(coverage.first!)}.`;
    case "ends_earlier":
      return `${head}: källan ${sourceId} når till ${swedishDate(coverage.last!)}, och en månad räknas som täckt först när källan når minst till ${swedishDate(why.needed)}.${declare}`;
    default:
      return `${head}: källans filer har inga rader alls daterade i ${month} (saknas en fil?).${reach}${declare}`;
  }
}

/**
 * Checks the report month against every incident source (spec/indicators.md): a required source that
 * does not cover it fails the month with exit 4 (data not delivered yet; a scheduler may retry); a
 * `required: false` source only leaves its categories null, and gets a Swedish note for the report.
 *
 * @param categoryNames category id → display name, for the notes
 * @param keyPaths source id → `sources[i]`, for the advice in the message
 * @returns the notes (empty when every source covers the month)
 */
export function checkReportMonth(
  sources: ReadonlyArray<SourceCoverage>,
  month: string,
  categoryNames: ReadonlyMap<string, string>,
  keyPaths: ReadonlyMap<string, string> = new Map(),
): string[] {
  const failures: string[] = [];
  const notes: string[] = [];
  for (const s of sources) {
    if (coversMonth(s.coverage, month)) continue;
    if (s.required) {
      failures.push(notCoveredMessage(s.sourceId, keyPaths.get(s.sourceId) ?? "källan", s.coverage, month));
    } else {
      const names = [...s.categories].map((c) => categoryNames.get(c) ?? c).join(", ");
      notes.push(
        `Källan ${s.sourceId} täcker inte ${month} (${describeCoverage(s.coverage)}): ` +
          `uppgift saknas för ${names} och för ${categoryNames.get(s.total ?? "total") ?? "Alla kategorier"}.`,
      );
    }
  }
  if (failures.length > 0) throw new LagesbildError("not_covered", failures.join("\n"));
  return notes;
}
