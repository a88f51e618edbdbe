/**
 * Issue 14.1 (layout), 14.2 (identifiers in published config text), 14.5 (a project folder named
 * like a glob), 14.7 (URLs), 14.11 (commentary path), checked on the parsed config: every case is a
 * config error (exit 2) naming the key, or a layout accepted as it must be.
 */
import { describe, expect, it } from "vitest";
import { resolveOutDir } from "../../src/app/run.ts";
import { checkOutputPaths, splitSourceGlob } from "../../src/config/check-paths.ts";
import { parseConfig } from "../../src/config/load-config.ts";
import { LagesbildError } from "../../src/core/errors.ts";

const BASE = (extra = "", sourcePath = "../data/polis-*.csv") => `
kommun: { name: Testby, code: "0001" }
${extra}
areas:
  - { id: centrum, name: Centrum, population: 5000 }
categories:
  - { id: stold, name: Stöld, group: egendom }
sources:
  - id: polis
    kind: incidents
    measure: brott
    path: ${JSON.stringify(sourcePath)}
    categories: { Stöld: stold }
`;

function configError(text: string, at = "/srv/lagesbild/config/lagesbild.yaml"): LagesbildError | null {
  try {
    parseConfig(text, at);
    return null;
  } catch (e) {
    if (e instanceof LagesbildError) return e;
    throw e;
  }
}

/** The 14 identifier forms the attack planted in a promise text. */
export const IDENTIFIER_FORMS = [
  "19850312-1234",
  "850312-1234",
  "8503121234",
  "850372-1234",
  "070-123 45 67",
  "070-765-43-21",
  "Tel:073-111 22 33",
  "076\u00a0222\u00a033\u00a044",
  "08–555 66 77",
  "0046 8 123 456 78",
  "+46 70 123 45 67",
  "kalle.k@example.se",
  "ABC 123",
  "XYZ 12A",
];

/** Where published config text lives, as YAML to insert and the key path the error must name. */
const PLACES: Array<[string, (t: string) => string, string]> = [
  ["promise text", (t) => `promises:\n  - { id: p1, text: ${JSON.stringify(`Vi ringer ${t}`)}, period: { from: 2024-01, to: 2024-12 }, activity: vandring, target: 2 }`, "promises[0].text"],
  ["title", (t) => `output: { title: ${JSON.stringify(`Lägesbild ${t}`)} }`, "output.title"],
  ["publisher", (t) => `output: { publisher: ${JSON.stringify(`Kommunen, ${t}`)} }`, "output.publisher"],
  ["accessibility status", (t) => `output: { accessibility: { status: ${JSON.stringify(t)}, assessed: 2024-09-01 } }`, "output.accessibility.status"],
  ["group name", (t) => `groups:\n  - { id: egendom, name: ${JSON.stringify(`Egendom ${t}`)} }`, "groups[0].name"],
  ["reference name", (t) => `reference:\n  - { name: ${JSON.stringify(`Riket ${t}`)}, year: 2024, per_100k: { stold: 1 } }`, "reference[0].name"],
  ["survey band label", (t) => `survey:\n  indicators:\n    - { id: pi, name: Index, unit: index_0_6, bands: [{ label: ${JSON.stringify(t)} }] }`, "survey.indicators[0].bands[0].label"],
];

describe("published config text holding an identifier is refused with exit 2 naming the key (issue 14.2)", () => {
  const cases = PLACES.flatMap(([where, yaml, key]) => IDENTIFIER_FORMS.map((form) => [where, form, yaml(form), key] as const));
  it.each(cases)("%s with %j", (_where, _form, extra, key) => {
    const error = configError(BASE(extra));
    expect(error?.exitCode).toBe(2);
    expect(error?.message).toContain(`${key}: texten innehåller`);
  });

  it.each([
    ["area name", BASE().replace("name: Centrum", 'name: "Centrum 070-123 45 67"'), "areas[0].name"],
    ["category name", BASE().replace("name: Stöld", 'name: "Stöld ABC 123"'), "categories[0].name"],
    ["kommun name", BASE().replace("name: Testby", 'name: "Testby kalle@example.se"'), "kommun.name"],
  ])("%s", (_where, text, key) => {
    expect(configError(text)?.message).toContain(`${key}: texten innehåller`);
  });

  it("keeps output.contact working: the kommun's public switchboard and functional address", () => {
    expect(configError(BASE('output: { contact: { email: trygghet@example.se, phone: "0270-750 00" } }'))).toBeNull();
  });

  it("does not check source label maps, which only match data", () => {
    expect(configError(BASE().replace("categories: { Stöld: stold }", 'categories: { Stöld: stold }\n    ignore: ["ABC 123"]'))).toBeNull();
  });
});

describe("URLs in the config are http(s) only (issue 14.7)", () => {
  it.each(["javascript:alert(1)//", "file:///etc/passwd", "data:text/html,x", "ftp://example.se/"])("refuses base_url %j", (url) => {
    const error = configError(BASE(`output: { base_url: ${JSON.stringify(url)} }`));
    expect(error?.exitCode).toBe(2);
    expect(error?.message).toContain("output.base_url");
  });

  it.each(["https://www.example.se/lagesbild/", "http://intranet.kommun.local/lagesbild/"])("accepts %j", (url) => {
    expect(configError(BASE(`output: { base_url: ${JSON.stringify(url)} }`))).toBeNull();
  });
});

describe("output.commentary stays inside the project folder (issue 14.11)", () => {
  it.each(["../../etc/passwd", "/etc/passwd", "../../../{month}.md", ".."])("refuses %j", (p) => {
    const error = configError(BASE(`output: { commentary: ${JSON.stringify(p)} }`));
    expect(error?.exitCode).toBe(2);
    expect(error?.message).toContain("output.commentary");
  });

  it.each(["../data/kommentarer/{month}.md", "kommentar-{month}.md"])("accepts %j", (p) => {
    expect(configError(BASE(`output: { commentary: ${JSON.stringify(p)} }`))).toBeNull();
  });
});

describe("the output folder never overlaps a source, quarantine or cache folder (issue 14.1)", () => {
  const layout = (extra: string, out?: string, sourcePath?: string) => {
    const cfg = parseConfig(BASE(extra, sourcePath), "/srv/lagesbild/config/lagesbild.yaml");
    return checkOutputPaths(cfg, out ?? resolveOutDir(cfg, undefined, "/"), out === undefined ? "output.dir" : "--out").join("\n");
  };

  it.each([
    ["--out above the sources", "", "/srv/lagesbild/data", "sources[0].path"],
    ["--out the folder above data", "", "/srv/lagesbild/data/..", "--out"],
    ["output inside a plain source folder", "output: { dir: ../data/reports }", undefined, "sources[0].path"],
    ["output inside the quarantine", "output: { dir: ../var/rejected/web }", undefined, "quarantine_dir"],
    ["output inside the cache", "output: { dir: ../var/cache/web }", undefined, "cache_dir"],
    ["output equal to the cache", "output: { dir: ../var/cache }", undefined, "cache_dir"],
  ])("refuses %s", (_name, extra, out, key) => {
    expect(layout(extra, out)).toContain(key);
  });

  it("refuses an output folder that contains a source folder outside the project", () => {
    expect(layout("", "/mnt", "/mnt/export/polis-*.csv")).toContain("sources[0].path");
  });

  it("accepts the usual layout", () => {
    expect(layout("")).toBe("");
  });
});

describe("only the pattern part of a source path is a glob (issue 14.5)", () => {
  it.each([
    ["/home/a/proj (kopia)/config", "../data/polis-*.csv", "/home/a/proj (kopia)/data", "polis-*.csv"],
    ["/home/a/{x}/config", "../data/*.csv", "/home/a/{x}/data", "*.csv"],
    ["/home/a/[2024]!/config", "../data/**/*.csv", "/home/a/[2024]!/data", "**/*.csv"],
    ["/home/a/p/config", "/mnt/ex (1)/*.csv", "/mnt", "ex (1)/*.csv"],
  ])("config in %j, path %j → base %j, pattern %j", (configDir, sourcePath, base, pattern) => {
    expect(splitSourceGlob(configDir, sourcePath)).toEqual({ base, pattern, literal: false });
  });

  it("a path without magic characters is one literal file", () => {
    expect(splitSourceGlob("/home/a/proj (kopia)/config", "../data/polis.csv")).toEqual({ base: "/home/a/proj (kopia)/data", pattern: "polis.csv", literal: true });
  });
});
