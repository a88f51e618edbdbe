/**
 * The benchmark's config: the sample kommun's config (config/lagesbild.yaml) with only its incident
 * sources, pointed at the generated data folder, and every written folder (output, quarantine, cache)
 * inside that folder so a benchmark never touches the project's var/ or reports/.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parse, stringify } from "yaml";

export interface BenchConfigOptions {
  projectRoot: string;
  dataDir: string;
  /** Drop the police source's id column: memory then depends on groups only (spec "Performance"). */
  withoutIds?: boolean;
  /** Read the police rows from `single/polis-all.csv` (one file: read in byte ranges) instead of one file per year. */
  singleFile?: boolean;
  name?: string;
  /** The many-area kommun (many-areas.ts): its areas and grid instead of the sample's. */
  areas?: { list: Array<{ id: string; name: string; population: number }>; geojson: string };
  /**
   * `suppression.min_count: 0`: the plan (suppress.ts, HiGHS) grows steeply with the areas and is
   * measured on its own; issue 20's figures are without it.
   */
  suppressionOff?: boolean;
}

/** Writes `<dataDir>/<name>.yaml` and returns its path. */
export function writeBenchConfig(opts: BenchConfigOptions): string {
  const doc = parse(readFileSync(path.join(opts.projectRoot, "config/lagesbild.yaml"), "utf8")) as Record<string, unknown>;
  const sources = (doc.sources as Array<Record<string, unknown>>).filter((s) => s.kind === "incidents");
  for (const s of sources) {
    s.path = `incidents/${path.basename(String(s.path))}`;
    if (opts.singleFile && String(s.path).includes("polis-")) s.path = "single/polis-all.csv";
    if (opts.withoutIds && s.columns !== undefined) {
      const { id: _id, ...rest } = s.columns as Record<string, string>;
      s.columns = rest;
    }
  }
  const output: Record<string, unknown> = { ...(doc.output as Record<string, unknown>), dir: "out" };
  delete output.commentary;
  const config = {
    ...doc,
    output,
    sources,
    quarantine_dir: "var/rejected",
    cache_dir: "var/cache",
    areas_geojson: opts.areas?.geojson ?? path.join(opts.projectRoot, "data/omraden.geojson"),
    ...(opts.areas ? { areas: opts.areas.list } : {}),
    ...(opts.suppressionOff ? { suppression: { min_count: 0 } } : {}),
  };
  delete (config as Record<string, unknown>).survey;
  delete (config as Record<string, unknown>).promises;
  const file = path.join(opts.dataDir, `${opts.name ?? (opts.withoutIds ? "bench-noids" : opts.singleFile ? "bench-single" : "bench")}.yaml`);
  writeFileSync(file, stringify(config));
  return file;
}
