/**
 * scripts/import-graph.ts (issue 17): the folder graph it reports, checked on a small hand-made source
 * tree whose edges are known, and the guard that the ground under the stages (config, geo, model, core)
 * already imports only downwards in the real src/, so no branch adds an upward import there unseen.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { importGraph } from "../../../scripts/import-graph.ts";

const src = mkdtempSync(path.join(tmpdir(), "lagesbild-graph-"));
afterAll(() => rmSync(src, { recursive: true, force: true }));

function file(rel: string, text: string): void {
  mkdirSync(path.dirname(path.join(src, rel)), { recursive: true });
  writeFileSync(path.join(src, rel), text);
}

// cli → render (down), render → aggregate twice (sideways: two stages), aggregate → render (sideways,
// closing a loop), core → model (up), a type-only import, an export-from, a dynamic import, and an npm
// package (not an edge).
file("cli/main.ts", 'import { a } from "../render/a.ts";\nconst m = await import("../core/c.ts");\n');
file("render/a.ts", 'import { b } from "../aggregate/b.ts";\nexport { b2 } from "../aggregate/b2.ts";\nimport { z } from "zod";\n');
file("aggregate/b.ts", 'import type { A } from "../render/a.ts";\n');
file("aggregate/b2.ts", "export const b2 = 1;\n");
file("core/c.ts", 'import type { M } from "../model/m.ts";\n');
file("model/m.ts", "export type M = 1;\n");

describe("the folder graph of a source tree", () => {
  const g = importGraph(src);
  const edge = (from: string, to: string) => g.edges.find((e) => e.from === from && e.to === to);

  it("counts each folder-to-folder edge, type-only imports apart", () => {
    expect(g.edges.map((e) => `${e.from}→${e.to}`).sort()).toEqual(["aggregate→render", "cli→core", "cli→render", "core→model", "render→aggregate"]);
    expect(edge("render", "aggregate")).toMatchObject({ value: 2, typeOnly: 0 });
    expect(edge("aggregate", "render")).toMatchObject({ value: 0, typeOnly: 1 });
    expect(edge("cli", "core")).toMatchObject({ value: 1, typeOnly: 0 }); // the dynamic import
  });

  it("flags the edges that point up or sideways, and only those", () => {
    expect(g.flagged.map((e) => `${e.from}→${e.to}`).sort()).toEqual(["aggregate→render", "core→model", "render→aggregate"]);
  });

  it("lists the folder cycle", () => {
    expect(g.cycles).toEqual([["aggregate", "render", "aggregate"]]);
  });
});

describe("the real src/", () => {
  it("has config, geo, model and core importing only downwards", () => {
    const ground = new Set(["config", "geo", "model", "core"]);
    const upwards = importGraph()
      .flagged.filter((e) => ground.has(e.from))
      .map((e) => `${e.from} → ${e.to}: ${e.imports.join(", ")}`);
    expect(upwards).toEqual([]);
  });
});
