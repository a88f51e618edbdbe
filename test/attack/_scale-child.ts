/**
 * Child process of the scale test: ingests one config and prints its peak resident set and the
 * incident files' tallies as JSON, so the parent measures this process alone.
 */
import { parseConfig } from "../../src/config/load-config.ts";
import { ingestSources } from "../../src/ingest/ingest-sources.ts";
import { readFileSync } from "node:fs";

const configPath = process.argv[2]!;
const config = parseConfig(readFileSync(configPath, "utf8"), configPath);
const started = Date.now();
const result = await ingestSources(config, { now: Date.parse("2024-04-02T06:00:00+02:00"), quarantine: process.env.NO_QUARANTINE !== "1" });
process.stdout.write(
  JSON.stringify({
    maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    seconds: (Date.now() - started) / 1000,
    tallies: result.incidents.flatMap((s) => s.files.map((f) => f.tally)),
  }),
);
