/**
 * The schema of `indicators.json` lives in src/model/indicators.ts (issue 17: the data that crosses a
 * stage boundary sits below the stages). This re-export keeps the aggregation and render modules that
 * import it from here working until they import the model directly.
 */
export * from "../model/indicators.ts";
