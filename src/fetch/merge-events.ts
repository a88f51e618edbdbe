/**
 * Merges one answer of the police's API into the archive (pure: no I/O, no clock). Rules (issue 19):
 * - an id is archived once, in the month file it was first filed under, and never moves (so no id is
 *   ever in two files, and the reader's cross-file id rules never see a polled id twice);
 * - every event carries when it was first and last seen; an event the police edited keeps its latest
 *   version, and the versions before it go to its history, each with the last time it was seen;
 * - the archived object is the API's object as sent, plus one key `_lagesbild` that the
 *   `polisen-events` reader does not look at.
 */
import { isRecord } from "../core/is-record.ts";

/** An event object as the API sends it (`id`, `datetime`, `name`, `summary`, `url`, `type`, `location`). */
export type ApiEvent = Record<string, unknown> & { id: number | string };

export interface ArchiveInfo {
  first_seen: string;
  last_seen: string;
  /** Earlier versions, oldest first: what the police published before an edit. */
  history?: Array<{ last_seen: string; event: ApiEvent }>;
}

export type ArchivedEvent = ApiEvent & { _lagesbild: ArchiveInfo };

export const ARCHIVE_KEY = "_lagesbild";

export interface MergeResult {
  /** The month files whose content changed, with their complete new content (sorted, see `sortEvents`). */
  changedMonths: Map<string, ArchivedEvent[]>;
  added: number;
  edited: number;
  unchanged: number;
  /** Ids the answer held more than once (only the first was used). */
  repeatedInAnswer: number;
}

/** The API's part of an archived event, for comparing versions. */
export function apiPart(event: ApiEvent): ApiEvent {
  const { [ARCHIVE_KEY]: _ignored, ...rest } = event;
  return rest;
}

/** Key order normalised, so a re-ordered but equal object is not taken for an edit. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (isRecord(value)) {
    const keys = Object.keys(value).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

const idKey = (id: number | string): string => String(id).trim();

/** Numeric ids in numeric order (the police's ids grow with time), others after them as text. */
export function compareIds(a: number | string, b: number | string): number {
  const na = typeof a === "number" ? a : /^\d+$/.test(a.trim()) ? Number(a) : null;
  const nb = typeof b === "number" ? b : /^\d+$/.test(b.trim()) ? Number(b) : null;
  if (na !== null && nb !== null) return na - nb;
  if (na !== null) return -1;
  if (nb !== null) return 1;
  const sa = idKey(a);
  const sb = idKey(b);
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}

export const sortEvents = (events: ArchivedEvent[]): ArchivedEvent[] => events.sort((a, b) => compareIds(a.id, b.id));

/**
 * @param archive month → the events of that month file, as read
 * @param answer the API's events, in its order
 * @param seenAt the poll's time (ISO-8601 UTC)
 * @param monthOf the month file a new event goes to (its incident month, else the poll's month)
 */
export function mergeAnswer(
  archive: ReadonlyMap<string, readonly ArchivedEvent[]>,
  answer: readonly ApiEvent[],
  seenAt: string,
  monthOf: (event: ApiEvent) => string,
): MergeResult {
  const where = new Map<string, { month: string; index: number }>();
  const months = new Map<string, ArchivedEvent[]>();
  for (const [month, events] of archive) {
    months.set(month, [...events]);
    events.forEach((e, index) => where.set(idKey(e.id), { month, index }));
  }
  const changed = new Set<string>();
  const inAnswer = new Set<string>();
  let added = 0;
  let edited = 0;
  let unchanged = 0;
  let repeatedInAnswer = 0;
  for (const event of answer) {
    const key = idKey(event.id);
    if (inAnswer.has(key)) {
      repeatedInAnswer++;
      continue;
    }
    inAnswer.add(key);
    const fresh = apiPart(event);
    const at = where.get(key);
    if (at === undefined) {
      const month = monthOf(fresh);
      const list = months.get(month) ?? [];
      months.set(month, list);
      where.set(key, { month, index: list.length });
      list.push({ ...fresh, [ARCHIVE_KEY]: { first_seen: seenAt, last_seen: seenAt } });
      changed.add(month);
      added++;
      continue;
    }
    const list = months.get(at.month)!;
    const old = list[at.index]!;
    // An event filed by another collector (no `_lagesbild`) is tracked from its first sighting here.
    const info: ArchiveInfo = old[ARCHIVE_KEY] ?? { first_seen: seenAt, last_seen: seenAt };
    if (canonical(apiPart(old)) === canonical(fresh)) {
      list[at.index] = { ...old, [ARCHIVE_KEY]: { ...info, last_seen: seenAt } };
      unchanged++;
    } else {
      const history = [...(info.history ?? []), { last_seen: info.last_seen, event: apiPart(old) }];
      list[at.index] = { ...fresh, [ARCHIVE_KEY]: { first_seen: info.first_seen, last_seen: seenAt, history } };
      edited++;
    }
    changed.add(at.month);
  }
  const changedMonths = new Map([...changed].sort().map((m) => [m, sortEvents(months.get(m)!)] as const));
  return { changedMonths, added, edited, unchanged, repeatedInAnswer };
}

/**
 * A month file's bytes: one event per line inside the array, so a file diffs and greps line by line,
 * UTF-8 with å ä ö written as they are (the reader, like the API, is UTF-8).
 */
export function serialiseMonth(events: readonly ArchivedEvent[]): string {
  if (events.length === 0) return "[]\n";
  return `[\n${events.map((e) => JSON.stringify(e)).join(",\n")}\n]\n`;
}
