/**
 * What ingestion hands to aggregation lives in src/model/records.ts (issue 17: records cross from
 * ingest to aggregate, render and the run summary, so they sit below all of them). Re-exported here
 * for the ingest modules that import it from this path until they import the model directly.
 */
export * from "../model/records.ts";
