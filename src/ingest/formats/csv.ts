/**
 * `kind: incidents`, `format: csv` (spec/inputs.md "Incidents"): the police's and the kommun's incident
 * exports, read by read-incidents-csv.ts. The one format whose files are large and many, so it reads
 * through the speed engine (_fast/: per-file cache, worker threads, byte ranges), which merges the files
 * in sorted order so the cross-file id rules come out as in a one-by-one read.
 */
import type { IncidentSourceConfig } from "../../config/schema.ts";
import { readIncidentCsvFiles } from "../_fast/read-incident-files.ts";
import { rethrowUnreadable, scanFile } from "../each-file.ts";
import { addIncidentSource } from "./incident-source.ts";
import type { SourceFormat } from "./source-format.ts";

export const csvFormat: SourceFormat<IncidentSourceConfig> = {
  reads: (source): source is IncidentSourceConfig => source.kind === "incidents" && source.format === "csv",
  async ingest(run) {
    const { config, source } = run;
    const data = await readIncidentCsvFiles(config, source, run.files, run.opts, scanFile, (absolute, cause) =>
      rethrowUnreadable(config, source.id, absolute, cause),
    );
    addIncidentSource(run, data);
  },
};
