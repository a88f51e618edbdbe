/**
 * The polled archive's layout (folder, file names, the `fetch` config check) lives in
 * src/config/archive-files.ts (issue 17: the config check uses it, and config sits below fetch);
 * re-exported here for the fetch modules that import this path.
 */
export * from "../config/archive-files.ts";
