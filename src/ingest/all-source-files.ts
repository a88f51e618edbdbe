/**
 * Every source's files in config-independent ingest order (incidents, then surveys, field reports,
 * actions), for the places that list all files: run.json, the run summary, the manifest's inputs.
 */
import type { FileReport, IngestResult } from "./types.ts";

export interface SourceFiles {
  sourceId: string;
  files: FileReport[];
}

/** The survey, field-report, actions, population and reference sources' files (incident sources are listed by their callers). */
export function extraSourceFiles(ingest: IngestResult): SourceFiles[] {
  return [...(ingest.surveys ?? []), ...(ingest.field ?? []), ...(ingest.actions ?? []), ...(ingest.population ?? []), ...(ingest.reference ?? [])].map((s) => ({ sourceId: s.sourceId, files: s.files }));
}

export function allSourceFiles(ingest: IngestResult): SourceFiles[] {
  return [...ingest.incidents.map((s) => ({ sourceId: s.sourceId, files: s.files })), ...extraSourceFiles(ingest)];
}
