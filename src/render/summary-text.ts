/**
 * Section 1's sentences, written from the figures (spec/outputs.md "Sammanfattning"): the changes that
 * passed the trend test, ranked by p-value, then by the size of the change, then config order; and one
 * sentence on the kommun's total. Only entries with verdict increase/decrease are ever called an
 * increase or a decrease, and a hidden (suppressed) value is never cited.
 */
import type { AreaEntry, IncidentEntry, Indicators } from "../model/indicators.ts";
import { formatMonth, formatNumber, monthName } from "./format-sv.ts";
import { addMonths } from "../core/month.ts";
import { areaPhrase } from "./area-phrase.ts";
import { isTotalId } from "../core/measure.ts";
import { PROMISE_STATUS, SUMMARY, SUMMARY_TOTAL, VERDICT, incidentsNoun, seasonPhrase, yearsWord } from "./wording.ts";

/**
 * The summary is 3–6 sentences (spec/outputs.md): one per measure's total, at most this many change
 * sentences (fewer when there are several totals), one sentence counting any further changes, and the
 * promises' status when there are promises.
 */
export const MAX_CHANGE_SENTENCES = 4;
/** Below this a count is called small: one or two events more or less swing it a lot. */
export const SMALL_COUNT = 10;

export const NO_CHANGES_SENTENCE = "Inga förändringar utöver normal variation jämfört med samma tid på året tidigare år.";
/** When no entry could be tested at all, "no changes" would claim more than is known. */
export const NOTHING_TESTED_SENTENCE = "Historiken är ännu för kort för att bedöma om något avviker från det normala för årstiden.";

interface Change {
  area: AreaEntry;
  entry: IncidentEntry;
  count: number;
  /** The baseline mean, or null when it is hidden (it rests on a hidden count). */
  baseline: number | null;
  pValue: number;
  order: number;
}

/** Entries whose trend passed the test and whose figures may be cited, in config order. */
function passedChanges(ind: Indicators): Change[] {
  const out: Change[] = [];
  let order = 0;
  for (const area of ind.areas) {
    for (const entry of area.incidents) {
      order++;
      // The kommun's totals get their own sentences; an area's total repeats its categories.
      if (isTotalId(entry.category)) continue;
      const t = entry.trend;
      if (entry.suppressed || t === null || (t.verdict !== "increase" && t.verdict !== "decrease")) continue;
      if (entry.month.count === null) continue;
      // Rank by q-value: it is what decided the verdict (spec ranks by p, which orders the same within a family).
      out.push({ area, entry, count: entry.month.count, baseline: t.baseline_mean, pValue: t.q_value ?? t.p_value ?? 1, order });
    }
  }
  return out;
}

/** Ranking rule of spec/outputs.md: p-value, then the size of the change, then config order. */
export function rankChanges<T extends { pValue: number; count: number; baseline: number | null; order: number }>(changes: T[]): T[] {
  const size = (c: T) => (c.baseline === null ? 0 : Math.abs(c.count - c.baseline));
  return [...changes].sort(
    (a, b) =>
      a.pValue - b.pValue ||
      size(b) - size(a) ||
      a.order - b.order,
  );
}

function changeSentence(c: Change, month: string): string {
  const up = c.entry.trend?.verdict === "increase";
  const verb = up ? "ökade" : "minskade";
  const small = c.count < SMALL_COUNT ? " (ett litet antal, där slumpen spelar stor roll)" : "";
  const words = VERDICT[up ? "increase" : "decrease"].words;
  // A baseline mean resting on a hidden count is itself hidden (suppression): then only the comparison is named.
  const years = c.entry.trend?.baseline_years ?? 1;
  const season = `${monthName(addMonths(month, -1))}–${monthName(addMonths(month, 1))} ${years === 1 ? "förra året" : `de ${yearsWord(years)} senaste åren`}`;
  const against = c.baseline === null ? `jämfört med ${seasonPhrase(years)}` : `mot i genomsnitt ${formatNumber(c.baseline, 1)} under ${season}`;
  return `${c.entry.name} ${areaPhrase(c.area)} ${verb} till ${formatNumber(c.count)} ${incidentsNoun(c.count, c.entry.measure)} i ${monthName(month)}${small}, ${against} – en ${words}.`;
}

/**
 * One sentence per measure on the kommun's total of that measure, with last year's figure and the
 * verdict when visible (spec/cli.md "Measures": totals of different measures are never added, so there
 * is no grand total to cite).
 */
function kommunTotals(ind: Indicators): IncidentEntry[] {
  return ind.areas.find((a) => a.id === "kommun")?.incidents.filter((e) => isTotalId(e.category)) ?? [];
}

/** One sentence per measure's total of the kommun, or of `area` (its own page, issue 20). */
export function totalSentences(ind: Indicators, area?: AreaEntry): string[] {
  const totals = area === undefined ? kommunTotals(ind) : area.incidents.filter((e) => isTotalId(e.category));
  const where = area === undefined ? undefined : areaPhrase(area);
  const monthText = formatMonth(ind.month);
  return totals.map((total) => {
    const words = SUMMARY_TOTAL[total.measure];
    const m = total.month;
    if (m.count === null) {
      if (!total.suppressed) return SUMMARY.missing(words.what, monthText, where);
      return m.count_suppressed === "protects" ? SUMMARY.protects(words.what, monthText, where) : SUMMARY.hidden(words.what, monthText, where);
    }
    let sentence = words.counted(formatNumber(m.count), m.count === 1, monthText, where);
    if (m.same_month_last_year !== null) sentence += SUMMARY.lastYear(formatNumber(m.same_month_last_year), formatMonth(addMonths(ind.month, -12)));
    sentence += ".";
    const verdict = total.trend?.verdict;
    const years = total.trend?.baseline_years ?? 1;
    if (verdict === "increase" || verdict === "decrease") sentence += SUMMARY.verdict(VERDICT[verdict].words, seasonPhrase(years));
    else if (verdict === "normal") sentence += SUMMARY.normal(seasonPhrase(years));
    else if (verdict === "insufficient_history") sentence += SUMMARY.short;
    return sentence;
  });
}

/** "Av 3 medborgarlöften är 1 uppfyllt och 2 i fas." — counts per status, in the statuses' fixed order. */
export function promisesSentence(ind: Indicators): string | null {
  const n = ind.promises.length;
  if (n === 0) return null;
  const parts: string[] = [];
  for (const [status, words] of Object.entries(PROMISE_STATUS)) {
    const k = ind.promises.filter((p) => p.status === status).length;
    if (k > 0) parts.push(n === 1 ? words.one : `${formatNumber(k)} ${k === 1 ? words.one : words.many}`);
  }
  if (n === 1) return `Medborgarlöftet som följs upp är ${parts[0] ?? ""}.`;
  const list = parts.length > 1 ? `${parts.slice(0, -1).join(", ")} och ${parts.at(-1) ?? ""}` : (parts[0] ?? "");
  return `Av ${formatNumber(n)} medborgarlöften och aktiviteter som följs upp är ${list}.`;
}

/**
 * One sentence of the summary. A change sentence keeps its change, and the sentence on the changes not
 * named one by one keeps those, so the page can link the areas they happened in (issue 20).
 */
export type SummaryItem =
  | { kind: "text"; text: string }
  | { kind: "change"; text: string; area: AreaEntry }
  | { kind: "more"; text: string; count: number; areas: AreaEntry[] };

/** Every sentence of the summary, in reading order. */
export function summarySentences(ind: Indicators): string[] {
  return summaryItems(ind).map((s) => s.text);
}

/** The summary's sentences with what each is about (see SummaryItem). */
export function summaryItems(ind: Indicators): SummaryItem[] {
  const sentences: SummaryItem[] = [];
  const text = (t: string): SummaryItem => ({ kind: "text", text: t });
  const totals = totalSentences(ind);
  sentences.push(...totals.map(text));
  const ranked = rankChanges(passedChanges(ind));
  const tested = ind.areas.some((a) => a.incidents.some((e) => e.trend?.q_value != null || e.trend?.verdict === "normal"));
  if (ranked.length === 0) {
    // The kommun total's sentence already says when its history is too short; say nothing more then.
    if (tested) sentences.push(text(NO_CHANGES_SENTENCE));
    else if (!kommunTotals(ind).some((e) => e.trend?.verdict === "insufficient_history")) sentences.push(text(NOTHING_TESTED_SENTENCE));
  } else {
    const promises = ind.promises.length > 0 ? 1 : 0;
    // Each total beyond the first takes the place of a change sentence, so the summary stays within six.
    const max = Math.max(1, MAX_CHANGE_SENTENCES - promises - Math.max(0, totals.length - 1));
    for (const c of ranked.slice(0, max)) sentences.push({ kind: "change", text: changeSentence(c, ind.month), area: c.area });
    const rest = ranked.slice(max);
    if (rest.length > 0) {
      // The areas of the further changes, once each, in the indicators' (config) order.
      const areas = ind.areas.filter((a) => rest.some((c) => c.area === a));
      sentences.push({
        kind: "more",
        count: rest.length,
        areas,
        text:
          rest.length === 1
            ? "Ytterligare en förändring utöver normal variation redovisas i tabellerna nedan."
            : `Ytterligare ${formatNumber(rest.length)} förändringar utöver normal variation redovisas i tabellerna nedan.`,
      });
    }
  }
  const promises = promisesSentence(ind);
  if (promises) sentences.push(text(promises));
  // Never fewer than three sentences: say how to read the rest of the report.
  if (sentences.length < 3) {
    sentences.push(
      text("En förändring räknas som verklig först när den går utöver den normala variationen för samma tid på året tidigare år; se Om statistiken."),
    );
  }
  return sentences;
}

/**
 * The summary of one area's page: its totals, then its changes that passed the trend test (ranked as on
 * the month page), or that none did. Okänt område is not tested (nowhere to act), so it has no verdict
 * sentence.
 */
export function areaSummarySentences(ind: Indicators, area: AreaEntry): string[] {
  const sentences = totalSentences(ind, area);
  const ranked = rankChanges(passedChanges({ ...ind, areas: [area] }));
  for (const c of ranked) sentences.push(changeSentence(c, ind.month));
  const tested = area.incidents.some((e) => e.trend?.q_value != null || e.trend?.verdict === "normal");
  if (ranked.length === 0 && tested) sentences.push(NO_CHANGES_SENTENCE);
  return sentences;
}
