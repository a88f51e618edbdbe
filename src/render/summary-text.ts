/**
 * Section 1's sentences, written from the figures (spec/outputs.md "Sammanfattning"): the changes that
 * passed the trend test, ranked by p-value, then by the size of the change, then config order; and one
 * sentence on the kommun's total. Only entries with verdict increase/decrease are ever called an
 * increase or a decrease, and a hidden (suppressed) value is never cited.
 */
import type { AreaEntry, IncidentEntry, Indicators } from "../aggregate/indicators-schema.ts";
import { formatMonth, formatNumber, monthName } from "./format-sv.ts";
import { addMonths } from "../core/month.ts";
import { areaPhrase } from "./area-phrase.ts";
import { PROMISE_STATUS, VERDICT, incidentsNoun } from "./wording.ts";

/**
 * The summary is 3–6 sentences (spec/outputs.md): the total, at most this many change sentences, one
 * sentence counting any further changes, and the promises' status when there are promises.
 */
export const MAX_CHANGE_SENTENCES = 4;
/** Below this a count is called small: one or two events more or less swing it a lot. */
export const SMALL_COUNT = 10;

export const NO_CHANGES_SENTENCE = "Inga förändringar utöver normal variation jämfört med de senaste tolv månaderna.";

interface Change {
  area: AreaEntry;
  entry: IncidentEntry;
  count: number;
  baseline: number;
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
      // The kommun's total gets its own sentence; an area's "Alla kategorier" repeats its categories.
      if (entry.category === "total") continue;
      const t = entry.trend;
      if (entry.suppressed || t === null || (t.verdict !== "increase" && t.verdict !== "decrease")) continue;
      if (entry.month.count === null || t.baseline_mean === null) continue;
      out.push({ area, entry, count: entry.month.count, baseline: t.baseline_mean, pValue: t.p_value ?? 1, order });
    }
  }
  return out;
}

/** Ranking rule of spec/outputs.md: p-value, then the size of the change, then config order. */
export function rankChanges<T extends { pValue: number; count: number; baseline: number; order: number }>(changes: T[]): T[] {
  return [...changes].sort(
    (a, b) =>
      a.pValue - b.pValue ||
      Math.abs(b.count - b.baseline) - Math.abs(a.count - a.baseline) ||
      a.order - b.order,
  );
}

function changeSentence(c: Change, month: string): string {
  const up = c.entry.trend?.verdict === "increase";
  const verb = up ? "ökade" : "minskade";
  const small = c.count < SMALL_COUNT ? " (ett litet antal, där slumpen spelar stor roll)" : "";
  const words = VERDICT[up ? "increase" : "decrease"].words;
  // The twelve-month mean times 12, less the visible months, would give back a hidden month: the mean is
  // only cited when none of the months it is computed from is hidden (spec/outputs.md: a hidden value is
  // never cited, directly or by arithmetic).
  const baselineHidden = c.entry.trend?.baseline_mean === null || c.entry.series.slice(-13, -1).some((p) => p.suppressed !== undefined);
  const against = baselineHidden ? "jämfört med det senaste året" : `mot i genomsnitt ${formatNumber(c.baseline, 1)} per månad det senaste året`;
  return `${c.entry.name} ${areaPhrase(c.area)} ${verb} till ${formatNumber(c.count)} ${incidentsNoun(c.count)} i ${monthName(month)}${small}, ${against} – en ${words}.`;
}

/** The sentence on the kommun's total count, with last year's figure and the verdict when visible. */
export function totalSentence(ind: Indicators): string | null {
  const kommun = ind.areas.find((a) => a.id === "kommun");
  const total = kommun?.incidents.find((e) => e.category === "total");
  if (!total) return null;
  const m = total.month;
  const monthText = formatMonth(ind.month);
  if (m.count === null) {
    return total.suppressed
      ? total.month.count_suppressed === "protects"
        ? `Antalet anmälda händelser i hela kommunen i ${monthText} döljs, så att ett litet antal inte kan räknas fram.`
        : `Antalet anmälda händelser i hela kommunen i ${monthText} redovisas inte eftersom det är litet.`
      : `Uppgift saknas om det totala antalet anmälda händelser i hela kommunen i ${monthText}.`;
  }
  let sentence = `I hela kommunen anmäldes totalt ${formatNumber(m.count)} ${m.count === 1 ? "händelse" : "händelser"} i ${monthText}`;
  if (m.same_month_last_year !== null) {
    sentence += `, jämfört med ${formatNumber(m.same_month_last_year)} i ${formatMonth(addMonths(ind.month, -12))}`;
  }
  sentence += ".";
  const verdict = total.trend?.verdict;
  if (verdict === "increase" || verdict === "decrease") {
    sentence += ` Det är en ${VERDICT[verdict].words} jämfört med de senaste tolv månaderna.`;
  } else if (verdict === "normal") {
    sentence += " Antalet ligger inom normal variation jämfört med de senaste tolv månaderna.";
  } else if (verdict === "insufficient_history") {
    sentence += " Historiken är för kort för att bedöma om antalet avviker från det normala.";
  }
  return sentence;
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

/** Every sentence of the summary, in reading order. */
export function summarySentences(ind: Indicators): string[] {
  const sentences: string[] = [];
  const total = totalSentence(ind);
  if (total) sentences.push(total);
  const ranked = rankChanges(passedChanges(ind));
  if (ranked.length === 0) {
    sentences.push(NO_CHANGES_SENTENCE);
  } else {
    const promises = ind.promises.length > 0 ? 1 : 0;
    const max = MAX_CHANGE_SENTENCES - promises;
    for (const c of ranked.slice(0, max)) sentences.push(changeSentence(c, ind.month));
    const rest = ranked.length - max;
    if (rest > 0) {
      sentences.push(
        rest === 1
          ? "Ytterligare en förändring utöver normal variation redovisas i tabellerna nedan."
          : `Ytterligare ${formatNumber(rest)} förändringar utöver normal variation redovisas i tabellerna nedan.`,
      );
    }
  }
  const promises = promisesSentence(ind);
  if (promises) sentences.push(promises);
  // Never fewer than three sentences: say how to read the rest of the report.
  if (sentences.length < 3) {
    sentences.push(
      "En förändring räknas som verklig först när den går utöver den normala variationen de senaste tolv månaderna; se Om statistiken.",
    );
  }
  return sentences;
}
