/**
 * The reason codes and their published form live in src/model/reason-codes.ts (issue 17: render and
 * aggregate use them too); re-exported here for the modules that import this path.
 */
export { publishableReason, publishableReasons } from "../model/reason-codes.ts";
