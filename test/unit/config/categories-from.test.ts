import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadCategoriesFragment } from "../../../src/config/categories-from.ts";
import { parseConfig } from "../../../src/config/load-config.ts";
import { buildLabelMap } from "../../../src/ingest/text/label-map.ts";

const FRAGMENT = path.resolve(import.meta.dirname, "../../../config/polisen-handelsetyper.yaml");
const REFERENCE = path.resolve(import.meta.dirname, "../../../../shared/spec/reference/polisen-event-types.md");

let dir: string | null = null;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = null;
});

function configWith(source: string, fragment?: string) {
  dir = mkdtempSync(path.join(tmpdir(), "lagesbild-frag-"));
  if (fragment !== undefined) writeFileSync(path.join(dir, "typer.yaml"), fragment);
  const text = `
kommun: { name: Söderhamn, code: "2182" }
areas: [{ id: centrum, name: Centrum }]
categories:
  - { id: misshandel, name: Misshandel, group: brott-mot-person }
  - { id: stold, name: Stöld, group: egendom }
sources:
  - id: polisen
    kind: incidents
    format: polisen-events
    path: ../data/*.json
${source}`;
  return () => parseConfig(text, path.join(dir!, "lagesbild.yaml"));
}

describe("the shipped police type mapping", () => {
  it.skipIf(!existsSync(REFERENCE))("maps or ignores every type in spec/reference/polisen-event-types.md after normalisation", () => {
    const types = readFileSync(REFERENCE, "utf8").split("\n").filter((l) => l.startsWith("- ")).map((l) => l.slice(2));
    expect(types.length).toBeGreaterThan(100);
    const { fragment, errors } = loadCategoriesFragment(FRAGMENT, "test");
    expect(errors).toEqual([]);
    const labels = buildLabelMap(fragment!.categories, fragment!.ignore);
    const uncovered = types.filter((t) => labels.lookup(t).kind === "unknown");
    expect(uncovered).toEqual([]);
  });

  it("never maps and ignores the same type", () => {
    const { fragment } = loadCategoriesFragment(FRAGMENT, "test");
    const ignored = buildLabelMap({}, fragment!.ignore);
    expect(Object.keys(fragment!.categories).filter((t) => ignored.lookup(t).kind === "ignored")).toEqual([]);
  });
});

describe("categories_from", () => {
  it("merges the fragment's mapping for the categories the config defines", () => {
    const config = configWith("    categories_from: typer.yaml", "categories: { Misshandel: misshandel, Stöld: stold, Rån: ran }\nignore: [Trafikolycka]\n")();
    const source = config.sources[0]!;
    expect(source.kind === "incidents" && buildLabelMap(source.categories, source.ignore).lookup("misshandel")).toEqual({ kind: "mapped", id: "misshandel" });
  });

  it("leaves out (ignores) fragment types whose category the config does not define", () => {
    const config = configWith("    categories_from: typer.yaml\n    categories: { Stöld: stold }", "categories: { Misshandel: misshandel, Rån: ran }\n")();
    const source = config.sources[0]!;
    expect(source.kind === "incidents" && buildLabelMap(source.categories, source.ignore).lookup("Rån")).toEqual({ kind: "ignored" });
  });

  it("lets the source's own categories win over the fragment", () => {
    const config = configWith("    categories_from: typer.yaml\n    categories: { Misshandel: stold }", "categories: { Misshandel: misshandel, Misshandel grov: misshandel }\n")();
    const source = config.sources[0]!;
    expect(source.kind === "incidents" && buildLabelMap(source.categories, source.ignore).lookup("Misshandel")).toEqual({ kind: "mapped", id: "stold" });
  });

  it("lets the source's own ignore win over a fragment mapping", () => {
    const config = configWith("    categories_from: typer.yaml\n    ignore: [Misshandel]\n    categories: { Stöld: stold }", "categories: { Misshandel: misshandel, Misshandel grov: misshandel }\n")();
    const source = config.sources[0]!;
    expect(source.kind === "incidents" && buildLabelMap(source.categories, source.ignore).lookup("Misshandel")).toEqual({ kind: "ignored" });
  });

  it("names the key path and the fragment's key in a validation error", () => {
    const load = configWith("    categories_from: typer.yaml", "categories: { Misshandel: Misshandel }\n");
    expect(load).toThrow(/sources\[0\]\.categories_from \(.*typer\.yaml\)\.categories\.Misshandel: förväntade ett kategori-id/);
  });

  it("rejects unknown keys in the fragment", () => {
    expect(configWith("    categories_from: typer.yaml", "kategorier: {}\n")).toThrow(/okänd nyckel: kategorier/);
  });

  it("says when the fragment file cannot be read", () => {
    expect(configWith("    categories_from: saknas.yaml")).toThrow(/sources\[0\]\.categories_from: kan inte läsa/);
  });

  it("requires categories or categories_from on an incident source", () => {
    expect(configWith("")).toThrow(/sources\[0\]\.categories: saknas/);
  });
});
