/**
 * Swedish number parsing lives in src/core/parse-number.ts (issue 17: geo reads coordinates with it,
 * and geo sits below ingest); re-exported here for the readers that import this path.
 */
export { parseNonNegativeInteger, parseNumber } from "../core/parse-number.ts";
