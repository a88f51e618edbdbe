/**
 * Ingestion of the survey, field-report and actions sources (spec/inputs.md): each source's files in
 * sorted order through its reader, one quarantine file per source, one log line per file. Called from
 * ingest-sources.ts with the files already found; results land in the IngestResult's `surveys`,
 * `field` and `actions` arrays.
 */
import { projectRelative, resolveConfigPath, type Config } from "../config/load-config.ts";
import type { SourceConfig } from "../config/schema.ts";
import { LagesbildError } from "../core/errors.ts";
import type { ActionRecord, PopulationRecord, ReferenceRecord, SurveyResultRecord } from "../model/extra-records.ts";
import { FieldAccumulator } from "./field-accumulator.ts";
import { openQuarantine, type QuarantineWriter } from "./quarantine.ts";
import { readActions } from "./read-actions.ts";
import { readFieldReports } from "./read-field-reports.ts";
import { readPopulation } from "./read-population.ts";
import { readReference } from "./read-reference.ts";
import { readSurveyResponses, ResponseTallies } from "./read-survey-responses.ts";
import { readSurveyResults } from "./read-survey-results.ts";
import type { TableFile } from "./read-table-rows.ts";
import type { FileReport, IngestResult } from "../model/records.ts";

type ExtraSource = Exclude<SourceConfig, { kind: "incidents" }>;

export interface ExtraIngestOptions {
  now: number;
  quarantine: boolean;
  log?: (level: "debug" | "info" | "warn", msg: string, obj?: Record<string, unknown>) => void;
  /** sha256 and encoding of a file (ingest-sources.ts scanFile). */
  scan: (absolute: string) => Promise<Pick<TableFile, "sha256" | "encoding">>;
}

export function isExtraSource(source: SourceConfig): source is ExtraSource {
  return source.kind === "survey" || source.kind === "field-reports" || source.kind === "actions" || source.kind === "population" || source.kind === "reference";
}

async function eachFile(
  config: Config,
  source: ExtraSource,
  files: readonly string[],
  opts: ExtraIngestOptions,
  read: (file: TableFile, quarantine: QuarantineWriter | null) => Promise<FileReport>,
): Promise<FileReport[]> {
  const quarantine = opts.quarantine ? openQuarantine(resolveConfigPath(config, config.quarantine_dir), source.id) : null;
  const reports: FileReport[] = [];
  try {
    for (const absolute of files) {
      const rel = projectRelative(config, absolute);
      let report: FileReport;
      try {
        const { sha256, encoding } = await opts.scan(absolute);
        report = await read({ absolute, path: rel, sha256, encoding }, quarantine);
      } catch (cause) {
        if (cause instanceof LagesbildError) throw cause;
        const code = (cause as NodeJS.ErrnoException).code;
        if (code === undefined) throw cause;
        throw new LagesbildError("unreadable_file", `Källan ${source.id}: filen ${rel} kan inte läsas (${code}); kontrollera att den finns och är läsbar.`, { cause, file: rel });
      }
      reports.push(report);
      const t = report.tally;
      opts.log?.("info", `${rel}: ${t.read} rader lästa, ${t.accepted} godkända, ${t.ignored} ignorerade, ${t.rejected} avvisade`, {
        source: source.id, file: rel, encoding: report.encoding, ...t,
      });
    }
  } finally {
    await quarantine?.close();
  }
  return reports;
}

/** Reads one survey, field-report, actions, population or reference source into `result`. */
export async function ingestExtraSource(
  config: Config,
  source: ExtraSource,
  files: readonly string[],
  opts: ExtraIngestOptions,
  result: IngestResult,
): Promise<void> {
  if (source.kind === "survey") {
    const results: SurveyResultRecord[] = [];
    const tallies = new ResponseTallies();
    const reports = await eachFile(config, source, files, opts, (file, quarantine) =>
      source.format === "survey-results"
        ? readSurveyResults({ config, source, file, results, quarantine })
        : readSurveyResponses({ config, source, file, tallies, quarantine, warn: (w) => result.warnings.push(w) }),
    );
    (result.surveys ??= []).push({ sourceId: source.id, format: source.format, files: reports, results, responses: tallies.result() });
  } else if (source.kind === "field-reports") {
    const sink = new FieldAccumulator();
    const reports = await eachFile(config, source, files, opts, async (file, quarantine) => {
      const { report, zeroShiftLines } = await readFieldReports({ config, source, file, now: opts.now, sink, quarantine });
      if (zeroShiftLines.length > 0) {
        const lines = zeroShiftLines.slice(0, 10).join(", ") + (zeroShiftLines.length > 10 ? " …" : "");
        result.warnings.push(`${file.path}: ${zeroShiftLines.length} pass har samma start- och sluttid och räknas som 0 timmar (rad ${lines}).`);
      }
      return report;
    });
    sink.files.push(...reports);
    (result.field ??= []).push(sink.result(source.id));
  } else if (source.kind === "population") {
    const records: PopulationRecord[] = [];
    const reports = await eachFile(config, source, files, opts, (file, quarantine) => readPopulation({ config, source, file, records, quarantine }));
    (result.population ??= []).push({ sourceId: source.id, files: reports, records });
  } else if (source.kind === "reference") {
    const records: ReferenceRecord[] = [];
    const reports = await eachFile(config, source, files, opts, (file, quarantine) => readReference({ config, source, file, records, quarantine }));
    (result.reference ??= []).push({ sourceId: source.id, files: reports, records });
  } else {
    const records: ActionRecord[] = [];
    const reports = await eachFile(config, source, files, opts, (file, quarantine) =>
      readActions({ config, source, file, now: opts.now, records, quarantine }),
    );
    (result.actions ??= []).push({ sourceId: source.id, files: reports, records });
  }
}
