/**
 * The schema of `indicators.json` lives in src/model/indicators.ts. This re-export is kept only because
 * aggregate/suppress.ts (being edited on another branch at the time of the move) still imports it from
 * here; once that import points at the model, delete this file.
 */
export * from "../model/indicators.ts";
