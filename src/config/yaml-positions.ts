/**
 * Where each key of the config file is, so that every config error says `lagesbild.yaml:LINE:COL`
 * (spec/cli.md): the `yaml` package's document keeps each node's source range, and a LineCounter turns
 * an offset into a 1-based line and column. Keyed by the same key path the errors print
 * (`sources[0].columns.cuont`).
 */
import { createRequire } from "node:module";
import type { Document, LineCounter } from "yaml";

type YamlLib = typeof import("yaml");
let loaded: YamlLib | undefined;
/**
 * The yaml package, loaded on first use (its CommonJS build, which is also what `import` gives on
 * Node): a run whose config values are remembered (load-config.ts) parses no YAML, and loading the
 * package was ~0.1 s of a run that finds nothing changed (issue 20).
 */
export function yamlLib(): YamlLib {
  loaded ??= createRequire(import.meta.url)("yaml") as YamlLib;
  return loaded;
}

export interface Position {
  line: number;
  col: number;
}

export interface KeyPosition {
  /** The key itself (for an unknown key); for a list item, the item. */
  key: Position;
  /** The value (for a bad value). */
  value: Position;
}

/** Key path → where its key and value are; `format` turns path parts into the printed key path. */
export function keyPositions(doc: Document, lines: LineCounter, format: (parts: ReadonlyArray<PropertyKey>) => string): Map<string, KeyPosition> {
  const { isMap, isNode, isScalar, isSeq } = yamlLib();
  const out = new Map<string, KeyPosition>();
  const at = (offset: number): Position => lines.linePos(offset);
  /** Where a node starts in the text; undefined for a key or item that is no node (none in a parsed file). */
  const start = (node: unknown): number | undefined => (isNode(node) ? node.range?.[0] : undefined);
  const visit = (node: unknown, parts: PropertyKey[]): void => {
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
        const keyStart = start(pair.key);
        if (keyStart === undefined) continue;
        const path = [...parts, key];
        out.set(format(path), { key: at(keyStart), value: at(start(pair.value) ?? keyStart) });
        visit(pair.value, path);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => {
        const itemStart = start(item);
        const path = [...parts, i];
        if (itemStart !== undefined) out.set(format(path), { key: at(itemStart), value: at(itemStart) });
        visit(item, path);
      });
    }
  };
  visit(doc.contents, []);
  return out;
}

/**
 * The position of an error line `key.path: message`: the longest key path that the line starts with
 * (a label key may itself hold ": "), its key for an unknown key, else its value; null when none fits.
 */
export function positionOfLine(line: string, positions: ReadonlyMap<string, KeyPosition>, unknownKey: boolean): Position | null {
  let best: KeyPosition | null = null;
  for (let i = line.indexOf(": "); i >= 0; i = line.indexOf(": ", i + 1)) {
    const hit = positions.get(line.slice(0, i));
    if (hit !== undefined) best = hit;
  }
  if (best === null) return null;
  return unknownKey ? best.key : best.value;
}
