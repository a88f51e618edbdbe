/**
 * The real-kommun examples run from the repository's own files (issue 18, item 4): each example's
 * config points only inside the repository, its police events extract holds only its kommun's events,
 * and `lagesbild run` on the Sundsvall example works in a copy of the repository's examples/ and
 * config/ folders with nothing beside them (no ../shared), as in a fresh clone. The report's figures
 * are checked against an independent count of the extract (plain JSON.parse, written from
 * spec/inputs.md, importing nothing from src/ingest). Where ../shared/realdata is present, every
 * extracted object must equal the county archive's object with the same id, key order included.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import { afterAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/load-config.ts";
import { PROJECT_ROOT, runCli } from "../helpers/run-cli.ts";
import { extractOf, incidentMonth, norm, readEvents } from "../helpers/police-extract.ts";

const EXAMPLES = [
  { folder: "soderhamn", kommun: "Söderhamn", county: "gavleborg_lan_events.json" },
  { folder: "sandviken", kommun: "Sandviken", county: "gavleborg_lan_events.json" },
  { folder: "sundsvall", kommun: "Sundsvall", county: "vasternorrland_lan_events.json" },
  { folder: "sigtuna", kommun: "Sigtuna", county: "stockholms_lan_events.json" },
] as const;
const REAL = path.resolve(PROJECT_ROOT, "../shared/realdata/polisen-events");
const realPresent = existsSync(path.join(REAL, "gavleborg_lan_events.json"));
if (!realPresent) console.warn(`SKIP examples-from-clone (jämförelse med länsarkivet): ${REAL} saknas.`);


const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe("the real-kommun examples ship their own data", () => {
  it("every example's paths stay inside the repository and exist; the extracts are a few hundred KB together", () => {
    let bytes = 0;
    for (const ex of EXAMPLES) {
      const config = loadConfig(path.join(PROJECT_ROOT, "examples", ex.folder, "lagesbild.yaml"));
      for (const source of config.sources) {
        const file = path.resolve(config.configDir, source.path);
        expect(path.relative(PROJECT_ROOT, file).startsWith("..")).toBe(false);
        expect(existsSync(file)).toBe(true);
      }
      bytes += statSync(extractOf(ex.folder)).size;
      expect(existsSync(path.join(PROJECT_ROOT, "examples", ex.folder, "data", "PROVENANCE.md"))).toBe(true);
    }
    expect(bytes).toBeLessThan(500_000);
  });

  it("each extract holds only its kommun's events, all within the declared months, each id once", () => {
    for (const ex of EXAMPLES) {
      const events = readEvents(extractOf(ex.folder));
      expect(events.length).toBeGreaterThan(100);
      expect(events.every((e) => norm(e.name.split(",").at(-1)!) === norm(ex.kommun))).toBe(true);
      expect(events.every((e) => incidentMonth(e) >= "2024-05" && incidentMonth(e) <= "2025-12")).toBe(true);
      expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
      // Both ends of the window are present, so `covers` does not claim months the file lacks.
      const months = new Set(events.map(incidentMonth));
      expect(months.has("2024-05") && months.has("2025-12")).toBe(true);
    }
  });

  describe.skipIf(!realPresent)("against the county archives in ../shared/realdata", () => {
    it("every extracted object equals the archive's object with its id, key order included, and none is left out", () => {
      for (const ex of EXAMPLES) {
        const county = readEvents(path.join(REAL, ex.county));
        const byId = new Map(county.map((e) => [e.id, e]));
        const extract = readEvents(extractOf(ex.folder));
        for (const e of extract) expect(JSON.stringify(e)).toBe(JSON.stringify(byId.get(e.id)));
        const expectedIds = county
          .filter((e) => norm(e.name.split(",").at(-1)!) === norm(ex.kommun))
          .filter((e) => incidentMonth(e) >= "2024-05" && incidentMonth(e) <= "2025-12")
          .map((e) => e.id);
        expect(extract.map((e) => e.id)).toEqual(expectedIds);
      }
    });
  });

  it("Sundsvall runs end to end from a copy of examples/ and config/ alone, and its counts match an independent count", () => {
    const clone = mkdtempSync(path.join(tmpdir(), "lagesbild-clone-"));
    dirs.push(clone);
    cpSync(path.join(PROJECT_ROOT, "examples"), path.join(clone, "examples"), { recursive: true, filter: (p) => !p.includes(`${path.sep}var${path.sep}`) });
    cpSync(path.join(PROJECT_ROOT, "config", "polisen-handelsetyper.yaml"), path.join(clone, "config", "polisen-handelsetyper.yaml"));
    const out = path.join(clone, "out");
    const r = runCli(
      ["run", "--config", path.join(clone, "examples", "sundsvall", "lagesbild.yaml"), "--month", "2025-06", "--generated-at", "2026-01-15T12:00:00+01:00", "--out", out],
      { cwd: clone },
    );
    expect(r.stderr + r.stdout).not.toMatch(/saknas|finns inte/);
    expect(r.code).toBe(0);
    const indicators = JSON.parse(readFileSync(path.join(out, "2025-06", "indicators.json"), "utf8")) as {
      sources: Array<{ files: Array<{ rows_read: number; rows_accepted: number; rows_ignored: number; rows_rejected: number }> }>;
      areas: Array<{ id: string; population: number; incidents: Array<{ category: string; month: { count: number; per_100k: number }; rolling_12m: { count: number } }> }>;
    };
    expect(existsSync(path.join(out, "2025-06", "index.html"))).toBe(true);

    // Independent count: the shipped type → category mapping read with the yaml package, duplicates
    // (same headline and type under a new id) counted once, "Sammanfattning …" notices left out.
    const fragment = parseYaml(readFileSync(path.join(PROJECT_ROOT, "config", "polisen-handelsetyper.yaml"), "utf8")) as { categories: Record<string, string> };
    const typeToCategory = new Map(Object.entries(fragment.categories).map(([t, c]) => [norm(t), c]));
    const events = readEvents(extractOf("sundsvall"));
    const seen = new Set<string>();
    const june = new Map<string, number>();
    const rolling = new Map<string, number>();
    for (const e of events) {
      const key = `${norm(e.name)}|${norm(e.type)}`;
      if (seen.has(key) || norm(e.type).startsWith("sammanfattning")) continue;
      seen.add(key);
      const c = typeToCategory.get(norm(e.type));
      if (c === undefined) continue;
      const m = incidentMonth(e);
      if (m === "2025-06") june.set(c, (june.get(c) ?? 0) + 1);
      if (m >= "2024-07" && m <= "2025-06") rolling.set(c, (rolling.get(c) ?? 0) + 1);
    }
    const file = indicators.sources[0]!.files[0]!;
    expect(file.rows_read).toBe(events.length);
    expect(file.rows_accepted + file.rows_ignored + file.rows_rejected).toBe(file.rows_read);
    expect(file.rows_rejected).toBe(0);
    const kommun = indicators.areas.find((a) => a.id === "kommun")!;
    expect(kommun.population).toBe(98962); // the config's 2025 figure (Kolada N01951)
    const misshandel = kommun.incidents.find((i) => i.category === "misshandel")!;
    expect(misshandel.month.count).toBe(june.get("misshandel") ?? 0);
    expect(misshandel.rolling_12m.count).toBe(rolling.get("misshandel") ?? 0);
    expect(rolling.get("misshandel") ?? 0).toBeGreaterThan(5); // a real comparison, not 0 = 0
    for (const entry of kommun.incidents.filter((i) => !i.category.startsWith("total"))) {
      expect(entry.month.count, entry.category).toBe(june.get(entry.category) ?? 0);
    }
  });
});
