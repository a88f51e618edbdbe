/**
 * Timestamp parsing lives in src/core/parse-time.ts (issue 17: aggregation's poll coverage and the
 * fetch command use it too, and core sits below both); re-exported here for the readers.
 */
export * from "../core/parse-time.ts";
