/**
 * A group run's shared police events (issue 18, item 3): a county's or the country's archive is read
 * once and split by kommun, instead of once per kommun. Each element is parsed once (its time, its
 * kommun from the last comma part of `name`) and handed to the kommun it names, which applies the same
 * rules in the same order as a one-kommun run (read-polisen-events.ts `handleEvent`), with its own
 * lookups (areas and aliases), accumulator and quarantine. Every kommun's file report still counts
 * every element of the file: the other kommuner's events as ignored `other_kommun`, counted in bulk per
 * month, and the file's dated span (coverage) from every event, as a one-kommun read does.
 *
 * An event without a name belongs to no kommun and is rejected by each, as a one-kommun run would.
 */
import type { Config } from "../../config/load-config.ts";
import { projectRelative, resolveConfigPath } from "../../config/load-config.ts";
import { incidentSourceAt } from "../../config/schema.ts";
import { polledArchive } from "../polled-archive.ts";
import { IncidentAccumulator } from "../incident-accumulator.ts";
import { scanFile } from "../each-file.ts";
import { sourceFiles } from "../source-files.ts";
import { openQuarantine } from "../quarantine.ts";
import { eventElements, type EventTarget, handleEvent, parseEvent, preparePolisenLookups } from "./read-polisen-events.ts";
import { addDated } from "../../core/dated-spans.ts";
import { newFileReport, noteDated, recordMany } from "../tally.ts";
import type { FileReport, IncidentSourceData } from "../../model/records.ts";

/** A kommun's target, with the events of the current file that were its own, per month. */
type SharedTarget = EventTarget & { own: Map<string | null, number> };

export interface SharedReadOptions {
  now: number;
  quarantine: boolean;
  warn?: (message: string) => void;
  log?: (message: string, fields: Record<string, unknown>) => void;
}

/**
 * Reads shared source number `index` (a `polisen-events` source, the same in every kommun's config)
 * once for all `configs`; returns each kommun's source data, in the order of `configs`. Throws what a
 * one-kommun read would throw (no files, an unreadable file): the caller leaves the source to each
 * kommun's own read, which then fails with the same message.
 */
export async function readSharedPolisenEvents(configs: ReadonlyArray<Config>, index: number, opts: SharedReadOptions): Promise<IncidentSourceData[]> {
  const [first] = configs;
  if (first === undefined) return [];
  const source = incidentSourceAt(first.sources, index);
  const files = await sourceFiles(first, source, opts.warn);
  if (files.length === 0) throw new Error("no files"); // each kommun's own read reports it in its words
  const targets: SharedTarget[] = configs.map((config) => {
    const own = incidentSourceAt(config.sources, index);
    return {
      lookups: preparePolisenLookups(config, own),
      report: newFileReport("", "", "utf-8"),
      sink: new IncidentAccumulator(),
      quarantine: opts.quarantine ? openQuarantine(resolveConfigPath(config, config.quarantine_dir), own.id) : null,
      own: new Map(),
    };
  });
  const byKommun = new Map<string, SharedTarget[]>();
  for (const t of targets) byKommun.set(t.lookups.kommun, [...(byKommun.get(t.lookups.kommun) ?? []), t]);
  try {
    for (const absolute of files) {
      const file = { absolute, path: projectRelative(first, absolute), ...(await scanFile(absolute)) };
      const all = newFileReport(file.path, file.sha256, file.encoding);
      const allByMonth = new Map<string | null, number>();
      for (const t of targets) {
        t.report = newFileReport(file.path, file.sha256, file.encoding);
        t.sink.beginFile(t.report);
        t.own = new Map();
      }
      for await (const { line, value } of eventElements(file)) {
        const event = parseEvent(value, first.timezone);
        if (event.time !== null && event.time.instant <= opts.now) noteDated(all, event.time.month, event.time.day);
        allByMonth.set(event.month, (allByMonth.get(event.month) ?? 0) + 1);
        const mine = event.kommun === null ? targets : (byKommun.get(event.kommun) ?? []);
        for (const t of mine) {
          t.own.set(event.month, (t.own.get(event.month) ?? 0) + 1);
          await handleEvent(t, file.path, line, event, opts.now);
        }
      }
      for (const t of targets) {
        for (const [month, n] of allByMonth) recordMany(t.report, "ignored", "other_kommun", month, n - (t.own.get(month) ?? 0));
        addDated((t.report.dated ??= {}), all.dated);
      }
      opts.log?.(`${file.path}: ${all.tally.read === 0 ? sum(allByMonth) : all.tally.read} händelser lästa en gång för ${targets.length} kommuner`, { source: source.id, file: file.path });
    }
  } finally {
    await Promise.all(targets.map((t) => t.quarantine?.close()));
  }
  const polled = source.fetch === undefined ? null : polledArchive(resolveConfigPath(first, source.path), first.timezone);
  return targets.map((t) => {
    const data: IncidentSourceData = { ...t.sink.result(source.id), arealess: false };
    return polled === null ? data : { ...data, polled };
  });
}

const sum = (m: ReadonlyMap<unknown, number>) => [...m.values()].reduce((a, b) => a + b, 0);

/** True for the shared sources a group run reads once and splits by kommun. */
export function isSplittable(source: Config["sources"][number]): boolean {
  return source.kind === "incidents" && source.format === "polisen-events";
}

export type { FileReport };
