/** The program version recorded in manifest.json: a new version re-renders every month. */
import { readFileSync } from "node:fs";

const pkg: unknown = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8"));
// package.json always has a version; "0.0.0" would only show in a broken checkout.
export const VERSION: string =
  typeof pkg === "object" && pkg !== null && "version" in pkg && typeof pkg.version === "string" ? pkg.version : "0.0.0";
