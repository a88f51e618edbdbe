/**
 * `npm run count-assertions`: the type casts (`x as T`, `<T>x`) and non-null assertions (`x!`) in `src/`,
 * by folder, for issue 17's goal of halving them. Each one is a place where the compiler is told to
 * trust the author; the count should only fall.
 *
 * Counted from the syntax tree, so `as const` (a literal type, not a cast), `import { a as b }` and the
 * `!` of `a !== b` or `!x` are not counted; `x as unknown as T` counts once. `--list` prints each one as `file:line: text`.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const SRC = path.join(ROOT, "src");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? sourceFiles(path.join(dir, e.name)) : [path.join(dir, e.name)]))
    .filter((f) => f.endsWith(".ts") && !f.endsWith(".d.ts"))
    .sort();
}

interface Hit {
  file: string;
  line: number;
  kind: "as" | "!";
  text: string;
}

function hitsIn(file: string): Hit[] {
  const sf = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
  const hits: Hit[] = [];
  const add = (node: ts.Node, kind: Hit["kind"]): void => {
    const line = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
    hits.push({ file: path.relative(ROOT, file), line, kind, text: node.getText(sf).replace(/\s+/g, " ").slice(0, 100) });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isAsExpression(node) || ts.isTypeAssertionExpression(node)) {
      const isConst = ts.isTypeReferenceNode(node.type) && node.type.typeName.getText(sf) === "const";
      // `x as unknown as T` is one cast written in two steps: counted once, at its outer step.
      const innerStep = ts.isAsExpression(node.parent) && node.parent.expression === node;
      if (!isConst && !innerStep) add(node, "as");
    } else if (ts.isNonNullExpression(node)) {
      add(node, "!");
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return hits;
}

const hits = sourceFiles(SRC).flatMap(hitsIn);
const byFolder = new Map<string, { as: number; bang: number }>();
for (const h of hits) {
  const parts = path.relative("src", h.file).split(path.sep);
  const folder = parts.length === 1 ? "(src/)" : (parts[0] ?? "");
  const f = byFolder.get(folder) ?? { as: 0, bang: 0 };
  if (h.kind === "as") f.as += 1;
  else f.bang += 1;
  byFolder.set(folder, f);
}
const total = { as: hits.filter((h) => h.kind === "as").length, bang: hits.filter((h) => h.kind === "!").length };
console.log(`src/: ${total.as} \`as\` casts, ${total.bang} \`!\` non-null assertions`);
for (const [folder, f] of [...byFolder].sort(([a], [b]) => (a < b ? -1 : 1))) {
  console.log(`  ${folder.padEnd(10)} ${String(f.as).padStart(4)} as ${String(f.bang).padStart(4)} !`);
}
if (process.argv.includes("--list")) for (const h of hits) console.log(`${h.file}:${h.line}: ${h.kind === "as" ? "as" : "! "} ${h.text}`);
