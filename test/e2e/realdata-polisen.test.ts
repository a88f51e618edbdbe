/**
 * The real police events (../shared/realdata/polisen-events/) through lagesbild, checked against an
 * independent count: plain JSON.parse and straightforward counting written from spec/inputs.md,
 * importing nothing from src/ingest. Compared per kommun, month and type for 2024, and per category
 * for the shipped example configs. Skips visibly where the realdata folder is absent.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import { afterAll, describe, expect, it } from "vitest";
import { loadConfig, parseConfig } from "../../src/config/load-config.ts";
import { ingestSources } from "../../src/ingest/ingest-sources.ts";

const REAL = path.resolve(import.meta.dirname, "../../../shared/realdata/polisen-events");
const ROOT = path.resolve(import.meta.dirname, "../..");
const present = existsSync(path.join(REAL, "gavleborg_lan_events.json"));
if (!present) console.warn(`SKIP realdata-polisen: ${REAL} saknas – testerna mot riktiga polisdata hoppas över.`);
const NOW = Date.parse("2026-08-23T00:00:00+02:00");

// ---- The independent count (spec/inputs.md "format: polisen-events"), no src/ingest imports. ----
const MONTHS = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december"];
const norm = (s: string) => s.normalize("NFC").replace(/\s+/g, " ").trim().toLowerCase();

interface RawEvent { id: number; datetime: string; name: string; type: string }

/** Map "YYYY-MM\t<normalised type>" → number of events of `kommun`. */
function independentCount(file: string, kommun: string): Map<string, number> {
  const events = JSON.parse(readFileSync(file, "utf8")) as RawEvent[];
  const seen = new Set<string>();
  const out = new Map<string, number>();
  for (const e of events) {
    const place = e.name.split(",").at(-1)!;
    if (norm(place) !== norm(kommun)) continue;
    if (norm(e.type).startsWith("sammanfattning")) continue;
    const key = `${norm(e.name)}|${norm(e.type)}`;
    if (seen.has(key)) continue; // republished under a new id
    seen.add(key);
    const m = /^(\d{1,2}) (\S+) \d{1,2}[.:]\d{2},/.exec(e.name)!;
    const month = MONTHS.indexOf(m[2]!) + 1;
    const pubYear = Number(e.datetime.slice(0, 4));
    const pubMonth = Number(e.datetime.slice(5, 7));
    const year = month === 12 && pubMonth === 1 ? pubYear - 1 : pubYear;
    const k = `${year}-${String(month).padStart(2, "0")}\t${norm(e.type)}`;
    out.set(k, (out.get(k) ?? 0) + 1);
  }
  return out;
}

const only2024 = (m: Map<string, number>) => new Map([...m].filter(([k]) => k.startsWith("2024-")).sort(([a], [b]) => (a < b ? -1 : 1)));

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** lagesbild with one category per type (t1, t2, …), so its counts can be compared type by type. */
async function lagesbildPerType(file: string, kommun: string, code: string): Promise<Map<string, number>> {
  const types = [...new Set((JSON.parse(readFileSync(file, "utf8")) as RawEvent[]).map((e) => norm(e.type)))].sort();
  const dir = mkdtempSync(path.join(tmpdir(), "lagesbild-real-"));
  dirs.push(dir);
  const yaml = [
    `kommun: { name: ${kommun}, code: "${code}" }`,
    "areas: [{ id: centrum, name: Centrum }]",
    "categories:",
    ...types.map((_, i) => `  - { id: t${i}, name: "T${i}", group: ovrigt }`),
    "sources:",
    "  - id: polisen",
    "    kind: incidents",
    "    format: polisen-events",
    `    path: ${JSON.stringify(file)}`,
    "    categories:",
    ...types.map((t, i) => `      ${JSON.stringify(t)}: t${i}`),
  ].join("\n");
  const configPath = path.join(dir, "config", "lagesbild.yaml");
  const config = parseConfig(yaml, configPath);
  const data = (await ingestSources(config, { now: NOW, quarantine: false })).incidents[0]!;
  const out = new Map<string, number>();
  for (const [key, n] of data.counts) {
    const [, month, category] = key.split("\t");
    const k = `${month}\t${types[Number(category!.slice(1))]}`;
    out.set(k, (out.get(k) ?? 0) + n);
  }
  expect(data.files[0]!.tally.rejected).toBe(0);
  return out;
}

describe.skipIf(!present)("real police events, 2024, against an independent count", () => {
  for (const [kommun, code, file] of [
    ["Söderhamn", "2182", "gavleborg_lan_events.json"],
    ["Sundsvall", "2281", "vasternorrland_lan_events.json"],
  ] as const) {
    it(`${kommun}: every month × type of 2024 matches`, async () => {
      const expected = only2024(independentCount(path.join(REAL, file), kommun));
      const actual = only2024(await lagesbildPerType(path.join(REAL, file), kommun, code));
      expect(expected.size).toBeGreaterThan(20); // a real year, not an empty comparison
      expect(Object.fromEntries(actual)).toEqual(Object.fromEntries(expected));
    });
  }
});

describe.skipIf(!present)("the example configs on real data", () => {
  for (const example of ["soderhamn", "sundsvall", "sandviken", "sigtuna"]) {
    it(`${example}: no rejected rows, every ignored row has a stated reason, categories match the independent count`, async () => {
      const config = loadConfig(path.join(ROOT, "examples", example, "lagesbild.yaml"));
      const source = config.sources[0]!;
      const data = (await ingestSources(config, { now: NOW, quarantine: false })).incidents[0]!;
      const tally = data.files[0]!.tally;
      expect(tally.rejected).toBe(0);
      expect(Object.keys(tally.ignored_by_reason).every((r) => ["other_kommun", "summary_event", "ignore_list", "duplicate"].includes(r))).toBe(true);

      // Independent side: the fragment read with the yaml package, types → categories the example defines.
      const fragment = parseYaml(readFileSync(path.join(ROOT, "config", "polisen-handelsetyper.yaml"), "utf8")) as { categories: Record<string, string> };
      const defined = new Set(config.categories.map((c) => c.id));
      const typeToCategory = new Map(Object.entries(fragment.categories).filter(([, c]) => defined.has(c)).map(([t, c]) => [norm(t), c]));
      const expected = new Map<string, number>();
      const file = source.kind === "incidents" ? path.resolve(config.configDir, source.path) : "";
      for (const [key, n] of independentCount(file, config.kommun.name)) {
        const [month, type] = key.split("\t");
        const category = typeToCategory.get(type!);
        if (category === undefined || month! < "2023-04") continue;
        expected.set(`${month}\t${category}`, (expected.get(`${month}\t${category}`) ?? 0) + n);
      }
      const actual = new Map<string, number>();
      for (const [key, n] of data.counts) {
        const [, month, category] = key.split("\t");
        if (month! < "2023-04") continue;
        actual.set(`${month}\t${category}`, (actual.get(`${month}\t${category}`) ?? 0) + n);
      }
      expect(Object.fromEntries([...actual].sort())).toEqual(Object.fromEntries([...expected].sort()));
    });
  }
});
