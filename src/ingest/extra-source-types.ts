/**
 * The survey, field-report, actions, population and reference records live in
 * src/model/extra-records.ts (issue 17); re-exported here for the modules that import this path.
 */
export * from "../model/extra-records.ts";
