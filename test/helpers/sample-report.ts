/**
 * Builds the sample kommun's report (config/lagesbild.yaml, data/) into a fresh temporary folder with
 * a fixed --generated-at, through the real CLI, for the tests that look at the published files.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PROJECT_ROOT, runCli } from "./run-cli.ts";

export const SAMPLE_MONTH = "2026-10";
export const SAMPLE_GENERATED_AT = "2026-11-03T06:00:00+01:00";

export function buildSampleReport(prefix = "lagesbild-sample-"): string {
  const out = mkdtempSync(path.join(tmpdir(), prefix));
  const r = runCli([
    "run",
    "--config",
    path.join(PROJECT_ROOT, "config", "lagesbild.yaml"),
    "--month",
    SAMPLE_MONTH,
    "--out",
    out,
    "--generated-at",
    SAMPLE_GENERATED_AT,
    "--log-format",
    "json",
    "--quiet",
  ]);
  if (r.code !== 0) throw new Error(`sample run failed (${r.code}): ${r.stderr}`);
  return out;
}
