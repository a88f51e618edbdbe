/**
 * `BENCH_KOMMUNER=290 npm run bench` (issue 18, item 5): every kommun of Sweden in one group run, from
 * the national police events file in ../shared/realdata (May–July 2026, every event in Sweden), with
 * SCB/Kolada population for all 290 kommuner (examples/befolkning/). Measures `--only data` and full
 * HTML (cold: empty output folder) and a warm rerun: wall time, peak RSS, time per kommun.
 *
 * The config is written into bench-data/kommuner/ (gitignored): one entry per kommun from SCB's list of
 * kommun and län codes, each with one area (its name: an event summary that starts with the kommun's
 * name is placed there), the shipped type mapping, the police file shared by all. With
 * BENCH_KOMMUNER=N < 290 the first N kommuner in code order are used.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { stringify } from "yaml";
import { best, type Measured, runChild } from "./measure.ts";

export const KOMMUNER_MONTH = "2026-06";
const GENERATED_AT = "2026-08-15T06:00:00+02:00";

export interface KommunerFigures {
  kommuner: number;
  rows: Array<{ label: string; m: Measured }>;
}

function slug(name: string): string {
  return name.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
}

/** Writes the group config; null (with the reason) when the real data is not beside the project. */
export function writeKommunerConfig(root: string, count: number): { config: string; dir: string } | { missing: string } {
  // Beside the project (../shared), or beside a worktree's parent; BENCH_REALDATA names another place.
  const candidates = [process.env.BENCH_REALDATA, path.resolve(root, "../shared/realdata"), path.resolve(root, "../../shared/realdata")].filter((p): p is string => p !== undefined);
  const real = candidates.find((p) => existsSync(p)) ?? candidates[0]!;
  const events = path.join(real, "polisen-events", "sweden_2026-05_to_2026-07_events.json");
  const codes = path.join(real, "kommun-lan-codes", "swedish_admin_areas.csv");
  for (const f of [events, codes]) if (!existsSync(f)) return { missing: f };
  const dir = path.join(root, "bench-data", "kommuner");
  mkdirSync(dir, { recursive: true });
  const lines = readFileSync(codes, "utf8").trim().split("\n").slice(1);
  const seen = new Set<string>();
  const kommuner = lines.slice(0, count).map((line) => {
    const [code, name] = line.split(",");
    let id = slug(name!);
    if (seen.has(id)) id = `${id}-${code}`;
    seen.add(id);
    return { id, name: name!, code: code!, areas: [{ id: "centralort", name: name! }] };
  });
  const rel = (p: string) => path.relative(dir, p);
  const config = {
    grupp: { name: count === 290 ? "Sverige" : `${count} kommuner` },
    timezone: "Europe/Stockholm",
    output: { dir: "reports", title: "Lägesbild för Sveriges kommuner – jämförelse", publisher: "Benchmark med polisens öppna händelser" },
    quarantine_dir: "rejected",
    cache_dir: "cache",
    categories: [
      { id: "misshandel", name: "Misshandel", group: "brott-mot-person" },
      { id: "olaga-hot", name: "Olaga hot", group: "brott-mot-person" },
      { id: "ran", name: "Rån", group: "brott-mot-person" },
      { id: "inbrott", name: "Inbrott", group: "egendom" },
      { id: "stold", name: "Stöld", group: "egendom" },
      { id: "skadegorelse", name: "Skadegörelse", group: "egendom" },
      { id: "ordningsstorning", name: "Bråk och ordningsstörning", group: "ordning" },
      { id: "narkotika", name: "Narkotikabrott", group: "narkotika" },
      { id: "brand", name: "Brand", group: "brand" },
      { id: "rattfylleri", name: "Rattfylleri", group: "trafik" },
    ],
    sources: [
      { id: "polisen-handelser", kind: "incidents", format: "polisen-events", path: rel(events), categories_from: rel(path.join(root, "config/polisen-handelsetyper.yaml")) },
      { id: "befolkning", kind: "population", path: rel(path.join(root, "examples/befolkning/folkmangd-kommun.csv")) },
    ],
    kommuner,
  };
  const file = path.join(dir, "lagesbild.yaml");
  writeFileSync(file, stringify(config));
  return { config: file, dir };
}

export function benchKommuner(root: string, cli: string, count: number, runs: number): KommunerFigures | { missing: string } {
  const written = writeKommunerConfig(root, count);
  if ("missing" in written) return written;
  const { config, dir } = written;
  const run = (extra: string[]) =>
    runChild([cli, "run", "--config", config, "--month", KOMMUNER_MONTH, "--generated-at", GENERATED_AT, "--quiet", "--log-format", "json", ...extra], dir);
  const cold = () => {
    for (const f of ["reports", "cache", "rejected"]) rmSync(path.join(dir, f), { recursive: true, force: true });
  };
  const rows: KommunerFigures["rows"] = [];
  rows.push({ label: "--only data, cold", m: best(runs, () => run(["--only", "data"]), cold) });
  rows.push({ label: "full HTML, cold (empty output folder)", m: best(1, () => run([]), cold) });
  rows.push({ label: "full HTML, warm (nothing changed: every kommun skipped)", m: best(runs, () => run([])) });
  return { kommuner: count, rows };
}
