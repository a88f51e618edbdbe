/**
 * `npm run import-graph`: the import graph of `src/` by folder, for the restructure of issue 17
 * (STYLE.md: "every import points down").
 *
 * Prints every folder-to-folder edge with the number of import statements behind it (type-only imports
 * counted apart: they vanish at run time but still tie one folder's meaning to another's), flags each
 * edge that points up or sideways against the target order, and lists the folder-level cycles.
 *
 * The target order, top to bottom (a lower rank may never import a higher or equal one, except a
 * folder importing itself):
 *
 *   index (src/index.ts), cli  →  app  →  ingest, fetch, aggregate, render, publish  →  config  →  geo  →  model  →  core
 *
 * How today's folders map onto it:
 * - `fetch/` (`lagesbild hamta polisen`: polls the police's events into an archive that `ingest/` reads)
 *   sits beside `ingest/` as a stage; a stage importing another stage is a sideways edge.
 * - `src/index.ts` (the library API) is ranked with `cli/`: both are entry points that may call `app/`.
 * - The ground under the stages is given an order of its own, since a set of four folders that may not
 *   import each other at all is not a layout anyone could keep: `config/` (the parsed config, which
 *   knows the area shapes of `geo/`) → `geo/` → `model/` (schemas and types, no logic) → `core/`
 *   (errors, months, logging). `config → geo` points down; `geo → config` would be flagged.
 *
 * `--files` lists every import behind each flagged edge. `--check` exits 1 when any edge is flagged or any cycle exists (for a later CI step once the move is
 * done); without it the script only reports.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const SRC = path.join(ROOT, "src");

/** Rank of each folder: lower is higher up; an edge must go to a strictly greater rank. */
const RANK: Readonly<Record<string, number>> = {
  index: 0,
  cli: 0,
  app: 1,
  ingest: 2,
  fetch: 2,
  aggregate: 2,
  render: 2,
  publish: 2,
  config: 3,
  geo: 4,
  model: 5,
  core: 6,
};

export interface Edge {
  from: string;
  to: string;
  value: number;
  typeOnly: number;
  /** Every import behind the edge (importing file → imported file), so a flagged edge can be found. */
  imports: string[];
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? sourceFiles(path.join(dir, e.name)) : [path.join(dir, e.name)]))
    .filter((f) => /\.(ts|js)$/.test(f) && !f.endsWith(".d.ts"))
    .sort();
}

/** The folder of a file under `src`: its first path segment, or "index" for files at the top. */
function folderOf(src: string, file: string): string {
  const rel = path.relative(src, file).split(path.sep);
  return rel.length === 1 ? "index" : (rel[0] ?? "index");
}

/** Every relative module specifier a file imports, with whether the import is type-only. */
function importsOf(file: string): { spec: string; typeOnly: boolean }[] {
  const text = readFileSync(file, "utf8");
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false);
  const found: { spec: string; typeOnly: boolean }[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      // `import type {…}`, or `import { type A, type B }` where every name is a type.
      const typeOnly =
        clause !== undefined &&
        (clause.isTypeOnly ||
          (clause.name === undefined &&
            clause.namedBindings !== undefined &&
            ts.isNamedImports(clause.namedBindings) &&
            clause.namedBindings.elements.length > 0 &&
            clause.namedBindings.elements.every((e) => e.isTypeOnly)));
      found.push({ spec: node.moduleSpecifier.text, typeOnly });
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      found.push({ spec: node.moduleSpecifier.text, typeOnly: node.isTypeOnly });
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] !== undefined &&
      ts.isStringLiteralLike(node.arguments[0])
    ) {
      found.push({ spec: node.arguments[0].text, typeOnly: false });
    } else if (
      ts.isImportTypeNode(node) &&
      ts.isLiteralTypeNode(node.argument) &&
      ts.isStringLiteral(node.argument.literal)
    ) {
      found.push({ spec: node.argument.literal.text, typeOnly: true });
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  // Worker entry points are started by path (new Worker(new URL("./x.js", import.meta.url))): a real
  // dependency that no import statement shows.
  for (const m of text.matchAll(/new URL\(\s*["'](\.{1,2}\/[^"']+)["']\s*,\s*import\.meta\.url/g)) {
    if (m[1] !== undefined) found.push({ spec: m[1], typeOnly: false });
  }
  return found.filter((i) => i.spec.startsWith("."));
}

export interface ImportGraph {
  files: number;
  edges: Edge[];
  flagged: Edge[];
  cycles: string[][];
}

/** The graph of the source tree at `src` (the project's src/ unless a test passes another). */
export function importGraph(src: string = SRC): ImportGraph {
  const files = sourceFiles(src);
  const edges = new Map<string, Edge>();
  for (const file of files) {
    const from = folderOf(src, file);
    for (const { spec, typeOnly } of importsOf(file)) {
      const target = path.resolve(path.dirname(file), spec);
      if (!target.startsWith(src + path.sep)) continue;
      const to = folderOf(src, target);
      if (to === from) continue;
      const key = `${from}\u0000${to}`;
      const edge = edges.get(key) ?? {
        from,
        to,
        value: 0,
        typeOnly: 0,
        imports: [],
      };
      edge.imports.push(`${path.relative(src, file)} → ${path.relative(src, target)}${typeOnly ? " (type)" : ""}`);
      if (typeOnly) edge.typeOnly += 1;
      else edge.value += 1;
      edges.set(key, edge);
    }
  }
  const list = [...edges.values()].sort((a, b) => rank(a.from) - rank(b.from) || cmp(a.from, b.from) || rank(a.to) - rank(b.to) || cmp(a.to, b.to));
  const flagged = list.filter((e) => !(rank(e.to) > rank(e.from)));
  return { files: files.length, edges: list, flagged, cycles: cyclesOf(list) };
}

function rank(folder: string): number {
  // An unknown folder is ranked nowhere: every edge to or from it is flagged until it is placed.
  return RANK[folder] ?? Number.NaN;
}

/** The target order as RANK gives it: "index, cli → app → ingest, fetch, … → core" (one place to change). */
function orderLine(): string {
  const levels = new Map<number, string[]>();
  for (const [folder, r] of Object.entries(RANK)) levels.set(r, [...(levels.get(r) ?? []), folder]);
  return [...levels].sort(([a], [b]) => a - b).map(([, folders]) => folders.join(", ")).join(" → ");
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The folder-level cycles: every elementary cycle, each found once from its alphabetically smallest
 * folder (a dozen folders make this cheap). The printout names the tangles (strongly connected groups)
 * and the short loops, which are the ones to cut first: a long loop is made of flagged edges that the
 * short ones already show.
 */
function cyclesOf(edges: readonly Edge[]): string[][] {
  const next = new Map<string, string[]>();
  for (const e of edges) next.set(e.from, [...(next.get(e.from) ?? []), e.to]);
  const nodes = [...new Set(edges.flatMap((e) => [e.from, e.to]))].sort(cmp);
  const cycles: string[][] = [];
  for (const start of nodes) {
    const walk = (node: string, trail: string[]): void => {
      for (const to of next.get(node) ?? []) {
        if (to === start) cycles.push([...trail, start]);
        else if (cmp(to, start) > 0 && !trail.includes(to)) walk(to, [...trail, to]);
      }
    };
    walk(start, [start]);
  }
  return cycles.sort((a, b) => a.length - b.length || cmp(a.join(), b.join()));
}

/** The folders that lie on a common cycle, grouped (the union of the cycles' folders, merged). */
function tangles(cycles: readonly string[][]): string[][] {
  const groups: Set<string>[] = [];
  for (const c of cycles) {
    const hit = groups.filter((g) => c.some((f) => g.has(f)));
    const merged = new Set([...c, ...hit.flatMap((g) => [...g])]);
    for (const g of hit) groups.splice(groups.indexOf(g), 1);
    groups.push(merged);
  }
  return groups.map((g) => [...g].sort(cmp));
}

function print(g: ImportGraph, all: boolean): void {
  const out: string[] = [];
  const count = (e: Edge): string => (e.typeOnly > 0 ? `${e.value} + ${e.typeOnly} type-only` : `${e.value}`);
  out.push(`Import graph of src/ by folder (${g.files} files, ${g.edges.length} edges between folders)`);
  out.push(`Order: ${orderLine()}`);
  out.push("");
  for (const e of g.edges) {
    const mark = g.flagged.includes(e) ? (rank(e.to) === rank(e.from) ? "  SIDEWAYS" : "  UP") : "";
    out.push(`  ${e.from.padEnd(9)} → ${e.to.padEnd(9)} ${count(e).padStart(18)}${mark}`);
  }
  out.push("");
  const imports = (list: readonly Edge[]): number => list.reduce((s, e) => s + e.value + e.typeOnly, 0);
  out.push(`Flagged edges: ${g.flagged.length} (${imports(g.flagged)} imports)`);
  for (const e of g.flagged) {
    out.push(`  ${e.from} → ${e.to}: ${count(e)}, e.g. ${e.imports[0] ?? ""}`);
    if (all) for (const i of e.imports) out.push(`      ${i}`);
  }
  out.push("");
  const short = g.cycles.filter((c) => c.length <= 4);
  out.push(`Folder cycles: ${g.cycles.length} (${short.length} through at most three folders, listed)`);
  for (const t of tangles(g.cycles)) out.push(`  tangle of ${t.length} folders: ${t.join(", ")}`);
  for (const c of short) out.push(`  ${c.join(" → ")}`);
  console.log(out.join("\n"));
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const g = importGraph();
  print(g, process.argv.includes("--files"));
  if (process.argv.includes("--check") && (g.flagged.length > 0 || g.cycles.length > 0)) process.exitCode = 1;
}
