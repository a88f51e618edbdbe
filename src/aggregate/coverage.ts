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
import { addMonths, daysInMonth, monthFromIndex, monthIndex } from "../core/month.ts";
import { addDated } from "../core/dated-spans.ts";
import type { FileReport, PolledMonths } from "../model/records.ts";
import type { Coverage, MonthNote, NotCovered, NotCoveredReason } from "../model/month-notes.ts";
import type { Measure } from "../core/measure.ts";
import { boundByPolls } from "./poll-coverage.ts";

export type { Coverage } from "../model/month-notes.ts";

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
  const months = Object.entries(dated).sort(([a], [b]) => (a < b ? -1 : 1));
  const firstEntry = months[0];
  const lastEntry = months.at(-1);
  const firstMonth = firstEntry?.[0];
  const lastMonth = lastEntry?.[0];
  const first = firstEntry === undefined ? null : `${firstEntry[0]}-${pad2(firstEntry[1][0])}`;
  const last = lastEntry === undefined ? null : `${lastEntry[0]}-${pad2(lastEntry[1][1])}`;
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

/** Null when month t is covered, else why not. */
function testMonth(t: string, dated: Readonly<Record<string, readonly [number, number]>> | null, c: Pick<Coverage, "first" | "last" | "declared" | "lastEnded">): NotCoveredReason | null {
  if (monthIndex(t) > monthIndex(c.lastEnded)) return { kind: "not_ended" };
  const { from, to } = c.declared;
  if (from !== undefined && monthIndex(t) < monthIndex(from)) return { kind: "before_declared", from };
  if (to !== undefined && monthIndex(t) > monthIndex(to)) return { kind: "after_declared", to };
  // Declared bounds win: each replaces the data's test on its side.
  if (from === undefined || to === undefined) {
    if (c.first === null || c.last === null) return { kind: "no_rows" };
    // ISO dates compare as strings.
    if (from === undefined && c.first > `${t}-01`) return { kind: "starts_later", first: c.first };
    const needed = `${t}-${pad2(daysInMonth(t) - 2)}`;
    if (to === undefined && c.last < needed) return { kind: "ends_earlier", last: c.last, needed };
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

/**
 * Why a source does not cover `month` (for the message, app/month-check-text.ts): a polled archive's
 * polls first, since no data or declaration can cover a month they have not seen whole; else the first
 * rule of the module comment the month fails.
 */
export function notCoveredReason(coverage: Coverage, month: string): NotCoveredReason {
  const why = testMonth(month, null, coverage) ?? (coversMonth(coverage, month) ? null : ({ kind: "gap" } as const));
  const p = coverage.polled;
  if (why?.kind !== "not_ended" && p !== undefined && (monthIndex(month) < monthIndex(p.from) || monthIndex(month) > monthIndex(p.to))) {
    return { kind: "polled", from: p.from, to: p.to };
  }
  return why ?? { kind: "gap" };
}

/**
 * Checks the report month against every incident source (spec/indicators.md): a required source that
 * does not cover it fails the month with exit 4 (data not delivered yet; a scheduler may retry; the
 * caller raises it); a `required: false` source only leaves its categories null, and gets a note.
 *
 * @param keyPaths source id → `sources[i]`, for the advice in the message
 * @returns the notes (empty when every source covers the month) and the required sources that do not cover it
 */
export function checkReportMonth(
  sources: ReadonlyArray<SourceCoverage>,
  month: string,
  keyPaths: ReadonlyMap<string, string> = new Map(),
): { notes: MonthNote[]; notCovered: NotCovered[] } {
  const notCovered: NotCovered[] = [];
  const notes: MonthNote[] = [];
  for (const s of sources) {
    if (coversMonth(s.coverage, month)) continue;
    if (s.required) {
      notCovered.push({ sourceId: s.sourceId, keyPath: keyPaths.get(s.sourceId) ?? null, month, coverage: s.coverage, reason: notCoveredReason(s.coverage, month) });
    } else {
      notes.push({ kind: "source_not_covered", sourceId: s.sourceId, month, coverage: s.coverage, categories: [...s.categories], total: s.total ?? "total" });
    }
  }
  return { notes, notCovered };
}
