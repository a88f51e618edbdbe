/**
 * The library API: the same operations as the command line, typed.
 * `import { run, validate } from "lagesbild"`.
 */
export { run, type RunOptions, type RunResult, type RunEffects } from "./app/run.ts";
export { validate, type ValidateOptions, type ValidateResult } from "./app/validate.ts";
export { loadConfig, parseConfig, type Config } from "./config/load-config.ts";
export { LagesbildError, EXIT } from "./core/errors.ts";
export type { Indicators } from "./model/indicators.ts";
