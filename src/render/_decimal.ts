/**
 * The exact decimal strings live in src/core/decimal.ts (issue 17: the JSON writer that publishing uses
 * needs them, and core sits below render); re-exported here for the render modules that import this path.
 */
export { plainNumber, roundedParts } from "../core/decimal.ts";
