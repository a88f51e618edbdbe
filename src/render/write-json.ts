/**
 * The deterministic JSON writer lives in src/core/stringify-json.ts (issue 17: publishing hashes and
 * writes JSON with it, and must not import render); re-exported here for the render modules.
 */
export { stringifyJson } from "../core/stringify-json.ts";
