#!/usr/bin/env node
// Runs the TypeScript sources with no build step, so `npx lagesbild` works right after `npm ci` and never
// runs a stale compiled copy: from a bundle of src/ rebuilt whenever a file under src/ changes, else
// through tsx (bin/bundle.js).
import { loadMain } from "./bundle.js";

const main = await loadMain({ debug: process.argv.includes("--debug") });
process.exitCode = await main(process.argv.slice(2));
