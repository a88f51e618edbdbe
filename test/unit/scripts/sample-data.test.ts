/**
 * The committed sample (data/incidents/) is generated, never hand-edited: it must equal a fresh run of
 * scripts/generate-sample.ts, byte for byte, and be in the byte formats spec/inputs.md describes.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../../src/config/load-config.ts";
import { normaliseLabel } from "../../../src/config/normalise-label.ts";
import { trendCheck } from "../../../scripts/sample/binomial-check.ts";
import { generateSample } from "../../../scripts/sample/generate.ts";
import { AREAS, KOMMUN_LABELS, POLICE_LABELS, UNKNOWN_POLICE_LABEL } from "../../../scripts/sample/model.ts";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const COMMITTED = path.join(ROOT, "data", "incidents");
const tmp: string[] = [];
const freshDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), "lagesbild-sample-"));
  tmp.push(dir);
  return dir;
};
const filesIn = (dir: string) => readdirSync(dir).filter((f) => f.endsWith(".csv")).sort();
const policeFiles = () => filesIn(COMMITTED).filter((f) => f.startsWith("polis-"));
const kommunFiles = () => filesIn(COMMITTED).filter((f) => f.startsWith("kommun-"));

/** Splits one CSV line with RFC 4180 quoting (the sample has no line breaks inside fields). */
function splitCsv(line: string, delimiter: string): string[] {
  const out: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted && ch === '"' && line[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (ch === '"') {
      quoted = !quoted;
    } else if (ch === delimiter && !quoted) {
      out.push(cell);
      cell = "";
    } else {
      cell += ch;
    }
  }
  out.push(cell);
  return out;
}

let first: string;
beforeAll(() => {
  first = freshDir();
  generateSample({ outDir: first });
});
afterAll(() => tmp.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe("sample generator", () => {
  it("writes the committed data/incidents byte for byte (nobody hand-edits the sample)", () => {
    const fresh = path.join(first, "incidents");
    expect(filesIn(fresh)).toEqual(filesIn(COMMITTED));
    expect(filesIn(COMMITTED)).toHaveLength(8);
    for (const f of filesIn(fresh)) expect(readFileSync(path.join(fresh, f)).equals(readFileSync(path.join(COMMITTED, f))), f).toBe(true);
  });

  it("gives byte-identical benchmark files for the same --rows", () => {
    const [a, b] = [freshDir(), freshDir()];
    generateSample({ outDir: a, rows: 30_000 });
    generateSample({ outDir: b, rows: 30_000 });
    for (const f of filesIn(path.join(a, "incidents"))) {
      expect(readFileSync(path.join(a, "incidents", f)).equals(readFileSync(path.join(b, "incidents", f))), f).toBe(true);
    }
    const policeRows = filesIn(path.join(a, "incidents"))
      .filter((f) => f.startsWith("polis-"))
      .reduce((n, f) => n + readFileSync(path.join(a, "incidents", f), "latin1").split("\r\n").length - 2, 0);
    expect(policeRows).toBeGreaterThan(28_500);
    expect(policeRows).toBeLessThan(31_500);
  });

  it("verifies its story from the command line and exits 0", () => {
    const out = freshDir();
    const run = spawnSync(process.execPath, ["--import", "tsx", "scripts/generate-sample.ts", "--out", out], { cwd: ROOT, encoding: "utf8" });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain("Story verified.");
  });
});

describe("the independent trend check", () => {
  it.each([
    // n = 1: P(X ≥ 1) = 1/13.
    [1, 0, "pUp", 1 / 13],
    // P(X ≤ 0) with n = 12: (12/13)^12 = 0.38268 (by hand: exp(12 · ln(12/13))).
    [0, 12, "pDown", 0.38268],
  ] as const)("x = %i, S = %i gives %s ≈ %f", (x, s, key, expected) => {
    expect(trendCheck(x, s)[key]).toBeCloseTo(expected, 4);
  });
});

describe("police export (polis-*.csv)", () => {
  it.each(policeFiles())("%s is Windows-1252 with CRLF, `;` and five fields a row", (f) => {
    const bytes = readFileSync(path.join(COMMITTED, f));
    // Not valid UTF-8 (å is the single byte 0xE5), and none of 1252's unassigned C1 bytes.
    expect(() => new TextDecoder("utf-8", { fatal: true }).decode(bytes)).toThrow();
    for (const c1 of [0x81, 0x8d, 0x8f, 0x90, 0x9d]) expect(bytes.includes(c1)).toBe(false);
    const text = new TextDecoder("windows-1252").decode(bytes);
    expect(text.replaceAll("\r\n", "").includes("\n")).toBe(false);
    expect(text.endsWith("\r\n")).toBe(true);
    const lines = text.slice(0, -2).split("\r\n");
    expect(lines[0]).toBe("Diarienummer;Datum;Brottstyp;Område;Plats");
    for (const line of lines) expect(splitCsv(line, ";"), line).toHaveLength(5);
  });

  it("uses only labels the config maps or ignores, plus the one deliberate unknown label", () => {
    const config = loadConfig(path.join(ROOT, "config", "lagesbild.yaml"));
    const polis = config.sources.find((s) => s.id === "polis");
    if (polis?.kind !== "incidents") throw new Error("no polis incidents source");
    const mapped = new Map(Object.entries(polis.categories).map(([k, v]) => [normaliseLabel(k), v]));
    const ignored = (label: string) =>
      polis.ignore.some((p) => new RegExp(`^${normaliseLabel(p).replace(/[.+?^${}()|[\]\\]/g, "\\$&").replaceAll("*", ".*")}$`).test(normaliseLabel(label)));
    for (const l of POLICE_LABELS) {
      if (l.category === null) expect(ignored(l.label), l.label).toBe(true);
      else expect(mapped.get(normaliseLabel(l.label)), l.label).toBe(l.category);
    }
    expect(mapped.has(normaliseLabel(UNKNOWN_POLICE_LABEL)) || ignored(UNKNOWN_POLICE_LABEL)).toBe(false);
    const labels = new Set(policeFiles().flatMap((f) => new TextDecoder("windows-1252").decode(readFileSync(path.join(COMMITTED, f))).split("\r\n").slice(1, -1).map((l) => splitCsv(l, ";")[2] ?? "")));
    for (const label of labels) {
      const known = label === "" || mapped.has(normaliseLabel(label)) || ignored(label) || label === UNKNOWN_POLICE_LABEL;
      expect(known, label).toBe(true);
    }
  });
});

describe("kommun log (kommun-*.csv)", () => {
  it.each(kommunFiles())("%s is UTF-8 with BOM, canonical headers, and offsets right for Stockholm", (f) => {
    const bytes = readFileSync(path.join(COMMITTED, f));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(3)).trimEnd().split("\n");
    expect(lines[0]).toBe("id,occurred_at,category,area,count,place,x,y");
    // Independent of the generator's DST rule: the instant, shown in Stockholm by Intl, is the written wall clock.
    const stockholm = new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Stockholm", dateStyle: "short", timeStyle: "short" });
    for (const line of lines.slice(1)) {
      const [, at = "", , , count = ""] = splitCsv(line, ",");
      expect(stockholm.format(new Date(at)), line).toBe(at.slice(0, 16).replace("T", " "));
      expect(Number(count)).toBeGreaterThanOrEqual(1);
    }
  });
});

describe("data/omraden.geojson", () => {
  it("equals a fresh run of the generator byte for byte", () => {
    expect(readFileSync(path.join(first, "omraden.geojson")).equals(readFileSync(path.join(ROOT, "data", "omraden.geojson")))).toBe(true);
  });

  it("is the config's areas_geojson, loaded without warnings", () => {
    const config = loadConfig(path.join(ROOT, "config", "lagesbild.yaml"));
    expect(config.areaMap?.shapes.map((s) => s.id)).toEqual(AREAS.map((a) => a.id));
    expect(config.areaMap?.warnings).toEqual([]);
  });

  it("gives coordinates only to kommun rows without an area name", () => {
    for (const f of kommunFiles()) {
      const lines = readFileSync(path.join(COMMITTED, f), "utf8").trimEnd().split("\n").slice(1);
      const placed = lines.map((l) => splitCsv(l, ",")).filter((c) => c[6] !== "");
      expect(placed.length, f).toBeGreaterThan(0);
      for (const c of placed) expect(c[3], c.join(",")).toBe("");
    }
  });
});

describe("config/lagesbild.yaml", () => {
  it("loads and describes the sample's areas and every category the sources write", () => {
    const config = loadConfig(path.join(ROOT, "config", "lagesbild.yaml"));
    expect(config.kommun).toEqual({ name: "Exempelkommun", code: "9999" });
    expect(config.areas.map((a) => [a.id, a.name, a.population, a.aliases])).toEqual(AREAS.map((a) => [a.id, a.name, a.population, a.aliases]));
    const modelCategories = new Set([...POLICE_LABELS, ...KOMMUN_LABELS].map((l) => l.category).filter((c) => c !== null));
    expect(new Set(config.categories.map((c) => c.id))).toEqual(modelCategories);
    const kommun = config.sources.find((s) => s.id === "kommun");
    if (kommun?.kind !== "incidents") throw new Error("no kommun incidents source");
    for (const l of KOMMUN_LABELS) expect(kommun.categories[l.label], l.label).toBe(l.category);
  });
});
