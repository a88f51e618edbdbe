/**
 * What the incident formats share: one accumulator per source across its files (the cross-file id rules
 * of spec/inputs.md live in it, incident-accumulator.ts), and the source's data added to the result,
 * bounded by its poll log when `lagesbild hamta polisen` built the archive (polled-archive.ts).
 */
import { resolveConfigPath } from "../../config/load-config.ts";
import type { IncidentSourceConfig } from "../../config/schema.ts";
import type { FileReport, IncidentSourceData } from "../../model/records.ts";
import { eachFile, type ScannedFile } from "../each-file.ts";
import { IncidentAccumulator } from "../incident-accumulator.ts";
import { polledArchive } from "../polled-archive.ts";
import type { QuarantineWriter } from "../quarantine.ts";
import type { SourceRun } from "./source-format.ts";

export type IncidentRun = SourceRun<IncidentSourceConfig>;

/** Reads the source's files through the shared loop into one accumulator, and adds the source's data. */
export async function readIncidentSource(
  run: IncidentRun,
  read: (file: ScannedFile, sink: IncidentAccumulator, quarantine: QuarantineWriter | null) => Promise<FileReport>,
  arealess: () => boolean = () => false,
): Promise<void> {
  const sink = new IncidentAccumulator();
  await eachFile(run, (file, quarantine) => read(file, sink, quarantine));
  addIncidentSource(run, { ...sink.result(run.source.id), arealess: arealess() });
}

/** Adds an incident source's data; an archive built by polling is bounded by its poll log. */
export function addIncidentSource(run: IncidentRun, data: IncidentSourceData): void {
  const { config, source } = run;
  const polled = source.fetch === undefined ? null : polledArchive(resolveConfigPath(config, source.path), config.timezone);
  run.result.incidents.push(polled === null ? data : { ...data, polled });
}
