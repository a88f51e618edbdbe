/**
 * `allSourceFiles` / `extraSourceFiles` live beside the records in src/model/records.ts (issue 17:
 * run.json in render lists them too); re-exported here for the modules that import this path.
 */
export { allSourceFiles, extraSourceFiles, type SourceFiles } from "../model/records.ts";
