/**
 * Reads one file of an incident source with `format: polisen-events` (spec/inputs.md): a JSON array
 * as saved from the police's `/api/events`. Each element is a row; its `line` is its 1-based position
 * in the array. Rules, first that applies decides (spec order):
 *   other kommun (last comma part of `name` ≠ config.kommun.name, normalised) → ignored `other_kommun`;
 *   type "Sammanfattning …" → ignored `summary_event`; `ignore` list → ignored `ignore_list`;
 *   missing name/type → `missing_field:*`; no usable date → `bad_date`; `future_date`;
 *   unknown type → `unknown_category:<type>`; then ids: a repeated `id` follows the accumulator's
 *   cross-file rules, and a new id whose `name` and `type` equal an earlier event's of the same
 *   incident year is the police republishing one incident → ignored `duplicate`.
 * The area is the first phrase of `summary` (before a comma or full stop) when it is an area name or
 * alias, else "okänt område" – never `unknown_area`, since that phrase is usually a sentence, and
 * never from `gps` (the centre of the kommun or county, not the incident's place).
 *
 * The file is streamed through @streamparser/json: memory holds one chunk's elements, not the file.
 */
import { JSONParser } from "@streamparser/json";
import type { Config } from "../../config/load-config.ts";
import { normaliseLabel } from "../../config/normalise-label.ts";
import type { IncidentSourceConfig } from "../../config/schema.ts";
import { LagesbildError } from "../../core/errors.ts";
import { scrub } from "../../core/scrub.ts";
import { buildAreaResolver, type AreaResolver } from "../area-resolver.ts";
import { utf8Chunks, type Encoding } from "../text/decode-bytes.ts";
import type { IncidentAccumulator } from "../incident-accumulator.ts";
import { buildLabelMap, type LabelMap } from "../text/label-map.ts";
import { incidentTime, kommunOfName } from "../text/parse-polisen-name.ts";
import { polisenEventsMessages as msg } from "./polisen-events-messages.ts";
import type { QuarantineWriter } from "../quarantine.ts";
import { addProblem, newFileReport, noteDated, record } from "../tally.ts";
import type { FileReport } from "../../model/records.ts";
import { C1_CONTROL, reasonLabel } from "../text/row-rules.ts";
import { readIncidentSource } from "./incident-source.ts";
import { sourceKeyPath, type SourceFormat } from "./source-format.ts";
import { isRecord } from "../../core/is-record.ts";

export interface PolisenEventsLookups {
  labels: LabelMap;
  areas: AreaResolver;
  kommun: string;
  keyPath: string;
  /** `year\tname\ttype` (normalised) → the id of the first event with it (spans the source's files). */
  seenNames: Map<string, string>;
}

export function preparePolisenLookups(config: Config, source: IncidentSourceConfig): PolisenEventsLookups {
  return {
    labels: buildLabelMap(source.categories, source.ignore),
    areas: buildAreaResolver(config.areas, "keep"),
    kommun: normaliseLabel(config.kommun.name),
    keyPath: sourceKeyPath(config, source),
    seenNames: new Map(),
  };
}

export interface ReadPolisenEventsOptions {
  config: Config;
  source: IncidentSourceConfig;
  file: { absolute: string; path: string; sha256: string; encoding: Encoding };
  now: number;
  sink: IncidentAccumulator;
  quarantine?: QuarantineWriter | null;
  /** Shared by the files of one source (the name+type duplicate rule spans files). */
  lookups?: PolisenEventsLookups;
}

const SUMMARY = /^sammanfattning\b/;
const str = (v: unknown): string | null => (typeof v === "string" ? v : null);

/** The first phrase of a summary: "Centrum, en man …" → "Centrum"; "Stenstan. Larm om …" → "Stenstan". */
export function leadingPhrase(summary: string): string {
  const end = summary.search(/[,.]/);
  return (end < 0 ? summary : summary.slice(0, end)).trim();
}

/** The element as quarantine text; JSON.stringify overflows the stack on a value nested thousands deep. */
function elementText(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return "(elementet är för djupt nästlat för att visas)";
  }
}

interface Element {
  line: number;
  value: unknown;
}

/**
 * Bounds memory and stack on hostile files: one event of the API is under 2 KiB, so bytes fed since
 * the last finished element beyond this mean a runaway string or nesting (the streaming parser would
 * buffer it whole, and a million `[` overflow its stack).
 */
const MAX_ELEMENT_BYTES = 1 << 18;

/** Parses the JSON array chunk by chunk, yielding its elements; throws a LagesbildError for bad JSON. */
async function* elements(chunks: AsyncIterable<Buffer>, filePath: string): AsyncGenerator<Element> {
  const parser = new JSONParser({ paths: ["$.*"], keepStack: false });
  const pending: Element[] = [];
  let failure: Error | null = null;
  let count = 0;
  parser.onValue = ({ value, key }) => {
    pending.push({ line: Number(key) + 1, value });
  };
  parser.onError = (e) => {
    failure ??= e;
  };
  parser.onEnd = () => {};
  const fail = (detail: string): never => {
    throw new LagesbildError("unreadable_file", `${filePath}: ${detail}`);
  };
  let first = true;
  let sinceElement = 0;
  for await (const chunk of chunks) {
    if (first) {
      const start = chunk.findIndex((b) => b !== 0x20 && b !== 0x0a && b !== 0x0d && b !== 0x09);
      if (start >= 0) {
        first = false;
        if (chunk[start] !== 0x5b) fail(msg.notAnArray());
      }
    }
    // Feeds at most 16 KiB at a time, so the size guard acts before a runaway value grows past it.
    for (let at = 0; at < chunk.length && failure === null; at += 1 << 14) {
      const before = pending.length;
      try {
        parser.write(chunk.subarray(at, at + (1 << 14)));
      } catch (e) {
        if (e instanceof RangeError) fail(msg.tooLarge(MAX_ELEMENT_BYTES >> 10, count + pending.length));
        failure ??= e instanceof Error ? e : new Error(String(e));
      }
      sinceElement = pending.length > before ? 0 : sinceElement + Math.min(1 << 14, chunk.length - at);
      if (sinceElement > MAX_ELEMENT_BYTES) fail(msg.tooLarge(MAX_ELEMENT_BYTES >> 10, count + pending.length));
    }
    count += pending.length;
    yield* pending.splice(0);
    if (failure !== null) break;
  }
  if (first) fail(msg.notAnArray());
  if (failure === null && !parser.isEnded) {
    try {
      parser.end();
    } catch (e) {
      failure ??= e instanceof Error ? e : new Error(String(e));
    }
  }
  count += pending.length;
  yield* pending.splice(0);
  if (failure !== null) {
    const error: Error = failure;
    const at = /absolute position "?(\d+)"?/.exec(error.message);
    fail(msg.invalidJson(at ? `fel vid byte ${at[1]}` : "filen tar slut mitt i en händelse", count));
  }
}

export async function readPolisenEvents(opts: ReadPolisenEventsOptions): Promise<FileReport> {
  const { config, source, file, now, sink } = opts;
  const lookups = opts.lookups ?? preparePolisenLookups(config, source);
  const report = newFileReport(file.path, file.sha256, file.encoding);
  sink.beginFile(report);
  const target: EventTarget = { lookups, report, sink, quarantine: opts.quarantine ?? null };

  for await (const { line, value } of eventElements(file)) {
    const event = parseEvent(value, config.timezone);
    // Every event with a usable time, of any kommun or outcome, shows how far the archive reaches:
    // coverage comes from the source's data, not from this kommun's events (spec/indicators.md).
    if (event.time !== null && event.time.instant <= now) noteDated(report, event.time.month, event.time.day);
    if (event.kommun !== null && event.kommun !== lookups.kommun) {
      record(report, "ignored", "other_kommun", event.month);
      continue;
    }
    await handleEvent(target, file.path, line, event, now);
  }
  return report;
}

/** The elements of a police events file, streamed (one chunk's elements in memory at a time). */
export function eventElements(file: { absolute: string; path: string; encoding: Encoding }): AsyncGenerator<Element> {
  return elements(utf8Chunks(file.absolute, file.encoding), file.path);
}

/** What every reader of an event needs, worked out once per event (a group run hands it to each kommun). */
export interface ParsedEvent {
  value: unknown;
  event: Record<string, unknown> | null;
  name: string | null;
  type: string | null;
  datetime: string;
  time: ReturnType<typeof incidentTime>;
  month: string | null;
  /** The normalised kommun of `name` (its last comma part); null without a name. */
  kommun: string | null;
}

export function parseEvent(value: unknown, timezone: string): ParsedEvent {
  const event = isRecord(value) ? value : null;
  const name = event === null ? null : str(event.name);
  const type = event === null ? null : str(event.type);
  const datetime = event === null ? "" : (str(event.datetime) ?? "");
  const time = name === null ? null : incidentTime(name, datetime, timezone);
  return { value, event, name, type, datetime, time, month: time?.month ?? null, kommun: name === null ? null : normaliseLabel(kommunOfName(name)) };
}

/** One kommun's reading of a source: its lookups, the file's report, its accumulator and quarantine. */
export interface EventTarget {
  lookups: PolisenEventsLookups;
  report: FileReport;
  sink: IncidentAccumulator;
  quarantine: QuarantineWriter | null;
}

/**
 * The rules after "other kommun" (spec order) for an event of the target's kommun, or one without a
 * name (which no kommun can set aside, and each rejects).
 */
export async function handleEvent(target: EventTarget, filePath: string, line: number, parsed: ParsedEvent, now: number): Promise<void> {
  const { lookups, report, sink } = target;
  const { value, event, name, type, datetime, time, month } = parsed;
  const reject = async (reason: string, month: string | null, message: string) => {
    record(report, "rejected", reason, month);
    addProblem(report, { file: filePath, line, reason, message: scrub(message) });
    await target.quarantine?.write(filePath, line, reason, [elementText(value)], ";");
  };
  if (event === null) {
    await reject("missing_field:name", null, msg.notAnObject());
    return;
  }
  if (type !== null && SUMMARY.test(normaliseLabel(type))) {
    record(report, "ignored", "summary_event", month);
    return;
  }
  const label = type === null ? null : lookups.labels.lookup(type);
  if (label?.kind === "ignored") {
    record(report, "ignored", "ignore_list", month);
    return;
  }
  if ([name, type, event.summary].some((v) => typeof v === "string" && C1_CONTROL.test(v))) {
    await reject("bad_encoding", month, msg.badEncoding());
    return;
  }
  if (name === null || name.trim() === "") {
    await reject("missing_field:name", null, msg.missingField("name"));
    return;
  }
  // label is null exactly when type is: both tested so the compiler knows type from here on.
  if (type === null || label === null || type.trim() === "") {
    await reject("missing_field:type", month, msg.missingField("type"));
    return;
  }
  if (time === null) {
    await reject("bad_date", null, msg.badDate(name, datetime));
    return;
  }
  if (time.instant > now) {
    await reject("future_date", time.month, msg.futureDate(name));
    return;
  }
  if (label.kind === "unknown") {
    await reject(`unknown_category:${reasonLabel(type)}`, time.month, msg.unknownType(type.trim(), lookups.keyPath));
    return;
  }
  const area = lookups.areas.resolve(leadingPhrase(str(event.summary) ?? ""));
  const id = typeof event.id === "number" || typeof event.id === "string" ? String(event.id).trim() : "";
  // The police republish one incident under a new id with the same name and type (spec); `name` has
  // no year, so the same headline a year later is another incident: the key carries the incident year.
  const nameKey = `${time.month.slice(0, 4)}\t${normaliseLabel(name)}\t${normaliseLabel(type)}`;
  const firstId = lookups.seenNames.get(nameKey);
  if (firstId !== undefined && (id === "" || firstId !== id)) {
    record(report, "ignored", "duplicate", time.month);
    return;
  }
  const outcome = sink.add(id, typeof area === "string" ? area : "okant", time.month, label.id, time.instant, 1);
  if (outcome === "accepted") {
    record(report, "accepted", null, time.month);
    if (firstId === undefined) lookups.seenNames.set(nameKey, id);
  } else if (outcome === "duplicate") record(report, "ignored", "duplicate", time.month);
  else await reject("duplicate_id", time.month, msg.duplicateId(id));
}

/** `format: polisen-events`: the police's published events; the lookups carry the name+type duplicate rule across files. */
export const polisenEventsFormat: SourceFormat<IncidentSourceConfig> = {
  reads: (source): source is IncidentSourceConfig => source.kind === "incidents" && source.format === "polisen-events",
  async ingest(run) {
    const { config, source } = run;
    const lookups = preparePolisenLookups(config, source);
    await readIncidentSource(run, (file, sink, quarantine) => readPolisenEvents({ config, source, file, now: run.opts.now, sink, quarantine, lookups }));
  },
};
