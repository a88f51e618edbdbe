/**
 * Revision notes in words (spec/outputs.md: "Reviderad <datum>: <vad som ändrats>"): the changes
 * between the previously published and the new indicators of a month, written from published values
 * only ("färre än 3" for a hidden count), and the notes' block in "Om statistiken". The strings are kept
 * here, together, as wording.ts keeps the rest of the report's.
 */
import type { IndicatorChange, PublishedCount, RevisionNote } from "../model/revisions.ts";
import { areaPhrase } from "./area-phrase.ts";
import { formatDate, formatMonth, formatNumber } from "./format-sv.ts";
import { html, type SafeHtml } from "./html.ts";
import { isTotalId, type Measure } from "../core/measure.ts";
import { fewerThan, MEASURE, T } from "./wording.ts";
import { hiddenText } from "./_cells.ts";

export const REVISION = {
  heading: "Revideringar",
  intro: "Rapporten har byggts om sedan den först publicerades, eftersom siffrorna ändrades (till exempel när sent inkomna uppgifter lästes in). Ändringarna:",
  revised: (date: string, revision: number) => `Reviderad ${date} (revision ${revision})`,
  population: (where: string, from: string, to: string) => `Befolkning ${where}: ${from} → ${to}`,
  other: "Benämningar eller övriga uppgifter (fältrapporter, trygghetsmätning, löften eller åtgärder) ändrades",
  more: (n: number) => `och ${formatNumber(n)} ${n === 1 ? "ändring" : "ändringar"} till (se indicators.json)`,
  none: "Inga siffror ändrades",
  /** A category's name with its measure ("Skadegörelse (polisanmälda brott)"); a total's name already says it. */
  what: (c: { id: string; name: string; measure?: Measure }) =>
    c.measure === undefined || isTotalId(c.id) ? c.name : `${c.name} (${MEASURE[c.measure].short})`,
} as const;

/** How many changes a note lists before "och N ändringar till". */
export const NOTE_LIMIT = 12;

function value(v: PublishedCount, minCount: number): string {
  if (v.hidden) return hiddenText(v.hidden, minCount) ?? fewerThan(minCount);
  return v.count === null ? T.notAvailable : formatNumber(v.count);
}

/**
 * One change in words.
 * @example describeChange(change, 3) // "Skadegörelse i Centrum: 19 → 20 i mars 2024"
 */
export function describeChange(change: IndicatorChange, minCount: number): string {
  switch (change.kind) {
    case "count":
      return `${REVISION.what(change.category)} ${areaPhrase(change.area)}: ${value(change.from, minCount)} → ${value(change.to, minCount)} i ${formatMonth(change.month)}`;
    case "population": {
      const n = (p: number | null) => (p === null ? T.notAvailable : formatNumber(p));
      return REVISION.population(areaPhrase(change.area), n(change.from), n(change.to));
    }
    case "other":
      return REVISION.other;
  }
}

/** The note stored in `revisions.json` for a new revision. */
export function revisionNote(changes: ReadonlyArray<IndicatorChange>, revision: number, generatedAt: string, minCount: number): RevisionNote {
  const words = changes.map((c) => describeChange(c, minCount));
  return { revision, generated_at: generatedAt, changes: words.slice(0, NOTE_LIMIT), more: Math.max(0, words.length - NOTE_LIMIT) };
}

/** "Reviderad 2 maj 2024 (revision 2): Skadegörelse i Centrum: 19 → 20 i mars 2024; …". */
export function noteText(note: RevisionNote): string {
  const parts = note.changes.length > 0 ? [...note.changes] : [REVISION.none];
  if (note.more > 0) parts.push(REVISION.more(note.more));
  return `${REVISION.revised(formatDate(note.generated_at), note.revision)}: ${parts.join("; ")}.`;
}

/** The block in "Om statistiken", newest note first; null for a month never revised. */
export function revisionNotesHtml(notes: ReadonlyArray<RevisionNote>): SafeHtml | null {
  if (notes.length === 0) return null;
  const newestFirst = [...notes].sort((a, b) => b.revision - a.revision);
  return html`<h3>${REVISION.heading}</h3>
<p>${REVISION.intro}</p>
<ul class="revisions">${newestFirst.map((n) => html`<li>${noteText(n)}</li>`)}</ul>`;
}
