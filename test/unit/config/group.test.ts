/**
 * A group config (`kommuner:`, src/config/load-group-config.ts): each kommun is the one-kommun config
 * of the shared keys plus its own, validated by the same schema; errors name the key where it is
 * written, with its YAML line and column, and a shared key's error comes once, not once per kommun.
 */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseGroupConfig } from "../../../src/config/load-group-config.ts";
import { LagesbildError } from "../../../src/core/errors.ts";

const FILE = path.join("/tmp", "proj", "config", "lagesbild.yaml");
const base = (kommuner: string, extra = "") => `grupp: { name: Lokalpolisområde Test }
${extra}output: { dir: ../reports, base_url: "https://example.se/lagesbild" }
categories:
  - { id: brand, name: Brand, group: brand }
sources:
  - { id: polis, kind: incidents, measure: brott, path: ../data/*.csv, categories: { Brand: brand } }
kommuner:
${kommuner}`;
const A = `  - id: alfa
    name: Alfa
    code: "2182"
    areas: [{ id: centrum, name: Centrum, population: 4000 }]
`;
const B = `  - id: beta
    name: Beta
    code: "2184"
    areas: [{ id: norr, name: Norr }]
    population: 37000
    sources: [{ id: enkat, kind: survey, path: ../data/beta/*.csv }]
`;

function errorOf(text: string): string {
  try {
    parseGroupConfig(text, FILE);
  } catch (e) {
    expect(e).toBeInstanceOf(LagesbildError);
    return (e as LagesbildError).message;
  }
  throw new Error("expected a config error");
}

describe("a group config", () => {
  it("gives each kommun its own keys and the shared ones, its own quarantine and cache, and the group's address with its folder", () => {
    const g = parseGroupConfig(base(A + B), FILE);
    expect(g.group.name).toBe("Lokalpolisområde Test");
    expect(g.kommuner.map((k) => [k.id, k.config.kommun.name, k.config.kommun.code])).toEqual([["alfa", "Alfa", "2182"], ["beta", "Beta", "2184"]]);
    const beta = g.kommuner[1]!.config;
    expect(beta.sources.map((s) => s.id)).toEqual(["polis", "enkat"]);
    expect(g.kommuner[1]!.sharedSources).toBe(1);
    expect(beta.population).toBe(37000);
    expect(beta.areas.map((a) => a.id)).toEqual(["norr"]);
    expect(beta.quarantine_dir).toBe(path.join("../var/rejected", "beta"));
    expect(beta.cache_dir).toBe(path.join("../var/cache", "beta"));
    expect(beta.output.base_url).toBe("https://example.se/lagesbild/beta/");
    expect(beta.output.dir).toBeUndefined();
    expect(g.group.outputDir).toBe("../reports");
  });

  it("names a kommun's unknown key at kommuner[k] with its line and column", () => {
    const text = base(A + B.replace("    population: 37000\n", "    populaton: 37000\n"));
    const line = text.split("\n").findIndex((l) => l.includes("populaton")) + 1;
    expect(errorOf(text)).toContain(`lagesbild.yaml:${line}:5: kommuner[1].populaton: okänd nyckel populaton`);
  });

  it("names a bad value in a kommun's own source at kommuner[k].sources[j]", () => {
    const text = base(A + B.replace("kind: survey", "kind: surveys"));
    expect(errorOf(text)).toMatch(/kommuner\[1\]\.sources\[0\]\.kind/);
  });

  it("reports a problem in a shared key once, not once per kommun", () => {
    const text = base(A + B).replace("{ id: brand, name: Brand, group: brand }", "{ id: brand, name: Brand, group: brnad }");
    const message = errorOf(text);
    expect(message.match(/categories\[0\]\.group: okänd grupp brnad/g)?.length).toBe(1);
  });

  it.each([
    ["a kommun key at the top", base(A, "areas: [{ id: x, name: X }]\n"), /areas: hör till en kommun/],
    ["two kommuner with one id", base(A + A.replace('"2182"', '"2184"')), /kommuner\[1\]\.id: id:t alfa förekommer redan i kommuner\[0\]/],
    ["two kommuner with one code", base(A + A.replace("id: alfa", "id: gamma")), /kommuner\[1\]\.code: kommunkoden 2182 förekommer redan/],
    ["an output.dir in a kommun", base(A.replace("    areas:", "    output: { dir: x }\n    areas:")), /kommuner\[0\]\.output\.dir: kommunens mapp är <output\.dir>\/alfa\//],
    ["no grupp name", base(A).replace("grupp: { name: Lokalpolisområde Test }\n", ""), /grupp: förväntade grupp: \{ name: … \}/],
    ["a reserved folder name", base(A.replace("id: alfa", "id: jamforelse")), /kommuner\[0\]\.id: id:t är reserverat/],
  ])("refuses %s", (_what, text, pattern) => {
    expect(errorOf(text)).toMatch(pattern);
  });
});
