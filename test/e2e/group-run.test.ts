/**
 * One run for a lokalpolisområde (issue 18, item 3): the Hälsingland example runs from a copy of the
 * repository's examples/ and config/ alone, as in a fresh clone, builds six kommuner's reports and a
 * comparison page whose rates per 100 000 equal counts ÷ that year's population — both worked out here
 * independently from the extract (plain JSON.parse and the shipped type mapping read with the yaml
 * package) and SCB/Kolada's population table (decoded as Windows-1252 here), importing nothing from src/.
 * Also: the county file read once and split gives each kommun exactly what a one-kommun run of that
 * kommun gives; one kommun failing does not stop the others; a second run skips every kommun.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";
import { parse as parseYaml } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PROJECT_ROOT, runCli } from "../helpers/run-cli.ts";
import { extractOf, incidentMonth, norm, readEvents } from "../helpers/police-extract.ts";

const GENERATED_AT = "2026-01-15T12:00:00+01:00";
const KOMMUNER = [
  { id: "soderhamn", name: "Söderhamn", code: "2182" },
  { id: "hudiksvall", name: "Hudiksvall", code: "2184" },
  { id: "bollnas", name: "Bollnäs", code: "2183" },
  { id: "ljusdal", name: "Ljusdal", code: "2161" },
  { id: "nordanstig", name: "Nordanstig", code: "2132" },
  { id: "ovanaker", name: "Ovanåker", code: "2121" },
];
const CATEGORIES = ["misshandel", "olaga-hot", "ran", "inbrott", "stold", "skadegorelse", "ordningsstorning", "narkotika", "brand", "rattfylleri"];

/** Counts over juli 2024–juni 2025 per kommun, from the extract alone. */
function independentCounts(): Map<string, { total: number; byCategory: Map<string, number> }> {
  const fragment = parseYaml(readFileSync(path.join(PROJECT_ROOT, "config", "polisen-handelsetyper.yaml"), "utf8")) as { categories: Record<string, string> };
  const typeToCategory = new Map(Object.entries(fragment.categories).map(([t, c]) => [norm(t), c]));
  const events = readEvents(extractOf("halsingland"));
  const out = new Map(KOMMUNER.map((k) => [norm(k.name), { total: 0, byCategory: new Map<string, number>() }]));
  const seen = new Set<string>();
  for (const e of events) {
    const m = incidentMonth(e);
    // The police republish one incident under a new id: same headline and type in the same year, counted once.
    const key = `${m.slice(0, 4)}|${norm(e.name)}|${norm(e.type)}`;
    if (seen.has(key) || norm(e.type).startsWith("sammanfattning")) continue;
    seen.add(key);
    const c = typeToCategory.get(norm(e.type));
    if (c === undefined || !CATEGORIES.includes(c) || m < "2024-07" || m > "2025-06") continue;
    const k = out.get(norm(e.name.split(",").at(-1)!))!;
    k.total++;
    k.byCategory.set(c, (k.byCategory.get(c) ?? 0) + 1);
  }
  return out;
}

/** The 2025 population per kommun code from the example's SCB/Kolada table (Windows-1252, `;`). */
function population2025(): Map<string, number> {
  const text = new TextDecoder("windows-1252").decode(readFileSync(path.join(PROJECT_ROOT, "examples", "befolkning", "folkmangd-kommun.csv")));
  const out = new Map<string, number>();
  for (const line of text.split(/\r?\n/).slice(1)) {
    const [region, year, value] = line.split(";");
    if (year === "2025") out.set(region!.slice(0, 4), Number(value));
  }
  return out;
}

/** `x` rounded to one decimal, half away from zero, written with a decimal comma. */
const oneDecimal = (x: number) => (Math.round(x * 10) / 10).toFixed(1).replace(".", ",");

let clone = "";
let out = "";
let first: ReturnType<typeof runCli>;
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

beforeAll(() => {
  clone = mkdtempSync(path.join(tmpdir(), "lagesbild-group-"));
  dirs.push(clone);
  cpSync(path.join(PROJECT_ROOT, "examples"), path.join(clone, "examples"), { recursive: true });
  cpSync(path.join(PROJECT_ROOT, "config", "polisen-handelsetyper.yaml"), path.join(clone, "config", "polisen-handelsetyper.yaml"));
  out = path.join(clone, "out");
  first = runCli(["run", "--config", path.join(clone, "examples", "halsingland", "lagesbild.yaml"), "--month", "2025-06", "--generated-at", GENERATED_AT, "--out", out], { cwd: clone });
}, 240_000);

describe("the Hälsingland example: one run for six kommuner", () => {
  it("runs from a copy of examples/ and config/ alone and writes every kommun's report and the comparison", () => {
    expect(first.stderr + first.stdout).not.toMatch(/finns inte|internt fel/);
    expect(first.code).toBe(0);
    for (const k of KOMMUNER) {
      expect(existsSync(path.join(out, k.id, "2025-06", "index.html")), k.id).toBe(true);
      expect(existsSync(path.join(out, k.id, "manifest.json")), k.id).toBe(true);
    }
    for (const f of ["index.html", "feed.xml", "manifest.json", "jamforelse/2025-06/index.html", "jamforelse/2025-06/per-100k.html", "jamforelse/2025-06/jamforelse.csv"]) {
      expect(existsSync(path.join(out, f)), f).toBe(true);
    }
    expect(first.stdout).toContain("Alla kommuner klara.");
  });

  it("the comparison shows six kommuner whose rates per 100 000 equal counts ÷ the 2025 population, worked out independently", () => {
    const counts = independentCounts();
    const population = population2025();
    const csv = readFileSync(path.join(out, "jamforelse", "2025-06", "jamforelse.csv"), "utf8").replace(/^\ufeff/, "").trimEnd().split("\r\n");
    const header = csv[0]!.split(";");
    const rows = csv.slice(1).map((l) => Object.fromEntries(l.split(";").map((v, i) => [header[i]!, v])));
    expect(rows.map((r) => r.kommunkod).sort()).toEqual(KOMMUNER.map((k) => k.code).sort());
    const html = readFileSync(path.join(out, "jamforelse", "2025-06", "index.html"), "utf8");
    for (const k of KOMMUNER) {
      const row = rows.find((r) => r.kommunkod === k.code)!;
      const c = counts.get(norm(k.name))!;
      const pop = population.get(k.code)!;
      expect(Number(row.folkmangd), k.name).toBe(pop);
      expect(Number(row.antal_12_man), k.name).toBe(c.total);
      expect(row.per_100k_12_man, k.name).toBe(oneDecimal((c.total * 100_000) / pop));
      for (const cat of CATEGORIES) expect(row[`per_100k_${cat}`], `${k.name} ${cat}`).toBe(oneDecimal(((c.byCategory.get(cat) ?? 0) * 100_000) / pop));
      // The page shows the same figure, linked to the kommun's report.
      expect(html).toContain(`<a href="../../${k.id}/2025-06/index.html">${k.name}</a>`);
      expect(html).toContain(`<td class="num">${oneDecimal((c.total * 100_000) / pop)}</td>`);
    }
    // Not a comparison of zeros: every kommun has events, and they differ.
    expect(Math.min(...[...counts.values()].map((c) => c.total))).toBeGreaterThan(3);
    // The second order is highest rate first.
    const byRate = readFileSync(path.join(out, "jamforelse", "2025-06", "per-100k.html"), "utf8");
    const order = KOMMUNER.map((k) => ({ name: k.name, rate: counts.get(norm(k.name))!.total / population.get(k.code)! })).sort((a, b) => b.rate - a.rate);
    const positions = order.map((o) => byRate.indexOf(`>${o.name}</a></th>`));
    expect(positions.every((p, i) => p > 0 && (i === 0 || p > positions[i - 1]!))).toBe(true);
  });

  it("the county file read once and split gives Söderhamn exactly what a one-kommun run of Söderhamn gives", () => {
    const group = parseYaml(readFileSync(path.join(clone, "examples", "halsingland", "lagesbild.yaml"), "utf8")) as Record<string, unknown> & { kommuner: Array<Record<string, unknown>> };
    const { kommuner, grupp: _grupp, ...shared } = group;
    const { id: _id, name, code, ...own } = kommuner[0]!;
    const single = { ...shared, kommun: { name, code }, ...own, output: { dir: "single-out" }, cache_dir: "single-cache", quarantine_dir: "single-rejected" };
    const file = path.join(clone, "examples", "halsingland", "single.yaml");
    writeFileSync(file, JSON.stringify(single));
    const r = runCli(["run", "--config", file, "--month", "2025-06", "--generated-at", GENERATED_AT], { cwd: clone });
    expect(r.code).toBe(0);
    const one = JSON.parse(readFileSync(path.join(clone, "examples", "halsingland", "single-out", "2025-06", "indicators.json"), "utf8"));
    const split = JSON.parse(readFileSync(path.join(out, "soderhamn", "2025-06", "indicators.json"), "utf8"));
    expect(split.areas).toEqual(one.areas);
    expect(split.sources).toEqual(one.sources);
    expect(split.sources[0].files[0].rows_read).toBe(492);
  });

  it("a second run skips every kommun and changes no file", () => {
    const manifest = readFileSync(path.join(out, "manifest.json"), "utf8");
    const r = runCli(["run", "--config", path.join(clone, "examples", "halsingland", "lagesbild.yaml"), "--month", "2025-06", "--generated-at", "2026-01-16T12:00:00+01:00", "--out", out], { cwd: clone });
    expect(r.code).toBe(0);
    expect(r.stdout.match(/oförändrad, hoppades över/g)?.length).toBe(6);
    expect(readFileSync(path.join(out, "manifest.json"), "utf8")).toBe(manifest);
  });

  it("publish copies the whole tree the group manifest lists: the group's pages and every kommun's", () => {
    const web = path.join(clone, "web", "lagesbild");
    const r = runCli(["publish", "--config", path.join(clone, "examples", "halsingland", "lagesbild.yaml"), "--out", out, "--to", web], { cwd: clone });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(readFileSync(path.join(web, "jamforelse", "2025-06", "index.html"), "utf8")).toBe(readFileSync(path.join(out, "jamforelse", "2025-06", "index.html"), "utf8"));
    expect(existsSync(path.join(web, "ovanaker", "2025-06", "indicators.json"))).toBe(true);
  });
});

describe("a group where one kommun fails", () => {
  it("builds the others, exits with the failing kommun's code and names it in the summary", () => {
    const dir = path.join(clone, "examples", "halsingland");
    const text = readFileSync(path.join(dir, "lagesbild.yaml"), "utf8").replace(
      "  - id: nordanstig\n    name: Nordanstig\n    code: \"2132\"\n",
      "  - id: nordanstig\n    name: Nordanstig\n    code: \"2132\"\n    sources: [{ id: egen-befolkning, kind: population, path: data/finns-inte.csv }]\n",
    );
    writeFileSync(path.join(dir, "broken.yaml"), text);
    const failOut = path.join(clone, "out-broken");
    const r = runCli(["run", "--config", path.join(dir, "broken.yaml"), "--month", "2025-06", "--generated-at", GENERATED_AT, "--out", failOut], { cwd: clone });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/Misslyckades \(1 av 6\): Nordanstig \(slutkod 1\)/);
    expect(existsSync(path.join(failOut, "nordanstig", "2025-06"))).toBe(false);
    for (const k of KOMMUNER.filter((k) => k.id !== "nordanstig")) expect(existsSync(path.join(failOut, k.id, "2025-06", "index.html")), k.id).toBe(true);
    // The comparison still lists Nordanstig, without a report.
    const html = readFileSync(path.join(failOut, "jamforelse", "2025-06", "index.html"), "utf8");
    expect(html).toContain("<th scope=\"row\">Nordanstig</th><td colspan=");
  });

  it("a typo in one kommun's key is a config error at its own key path and YAML line:col (exit 2)", () => {
    const dir = path.join(clone, "examples", "halsingland");
    const source = readFileSync(path.join(dir, "lagesbild.yaml"), "utf8");
    const text = source.replace("  - id: ljusdal\n    name: Ljusdal\n", "  - id: ljusdal\n    name: Ljusdal\n    araes: []\n");
    writeFileSync(path.join(dir, "typo.yaml"), text);
    const r = runCli(["run", "--config", path.join(dir, "typo.yaml"), "--month", "2025-06", "--generated-at", GENERATED_AT], { cwd: clone });
    expect(r.code).toBe(2);
    const line = text.split("\n").findIndex((l) => l.includes("araes")) + 1;
    expect(r.stderr).toContain(`typo.yaml:${line}:5: kommuner[3].araes: okänd nyckel araes`);
  });
});

const CHROMIUM = "/usr/bin/chromium";
const AXE = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

/**
 * The group's pages pass axe-core (WCAG 2.0/2.1 A and AA) in headless Chromium at a phone's and a
 * laptop's width, and the page itself never scrolls sideways (the wide table scrolls in its own region).
 */
describe.skipIf(!existsSync(CHROMIUM))("the comparison and the group's archive in headless Chromium", () => {
  const PAGES = ["jamforelse/2025-06/index.html", "jamforelse/2025-06/per-100k.html", "index.html"];
  it.each(PAGES.flatMap((rel) => [390, 1280].map((width) => [rel, width] as const)))("%s at %i px: no axe violations, no horizontal scrolling", async (rel, width) => {
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--headless", "--no-sandbox", "--disable-gpu"] });
    try {
      const page = await browser.newPage({ viewport: { width, height: 900 } });
      await page.goto(pathToFileURL(path.join(out, rel)).href);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      await page.addScriptTag({ path: AXE });
      const violations = (await page.evaluate(async () => {
        const axe = (globalThis as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: Array<{ id: string; nodes: Array<{ target: string[] }> }> }> } }).axe;
        const result = await axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
        return result.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 2).map((n) => n.target.join(" ")).join(", ")}`);
      })) as string[];
      expect({ overflow: Math.max(0, overflow), violations }).toEqual({ overflow: 0, violations: [] });
    } finally {
      await browser.close();
    }
  }, 60_000);
});
