/**
 * `categories_from:` on an incident source: a shared label mapping (e.g. the shipped
 * `config/polisen-handelsetyper.yaml`, every police event type → a standard category or `ignore`)
 * that a config includes instead of copying. The fragment is YAML with only `categories` and `ignore`,
 * validated like the config, with errors naming `sources[i].categories_from` and the fragment's key.
 *
 * Merge rules (documented in the fragment and README):
 * - the source's own `categories` and `ignore` win: a label the source maps or ignores itself drops
 *   the fragment's entry for that label;
 * - a fragment label mapped to a category id the config does not define is deliberately left out
 *   (added to `ignore`), so a kommun reports only the categories it lists; `validate` names them;
 * - the fragment's `ignore` patterns are appended.
 */
import { readRegularFile } from "../core/read-regular-file.ts";
import path from "node:path";
import { yamlLib } from "./yaml-positions.ts";
import { z } from "zod";
import { normaliseLabel } from "./normalise-label.ts";
import type { RawConfig } from "./schema.ts";

const FragmentSchema = z.strictObject({
  categories: z.record(z.string().min(1), z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, "förväntade ett kategori-id (a–z, 0–9, -)")).default({}),
  ignore: z.array(z.string().min(1)).default([]),
});
export type CategoriesFragment = z.infer<typeof FragmentSchema>;

/** Reads and validates a fragment; `where` prefixes error lines (`sources[0].categories_from`). */
export function loadCategoriesFragment(file: string, where: string): { fragment: CategoriesFragment | null; errors: string[] } {
  let text: string;
  try {
    text = readRegularFile(file).toString("utf8");
  } catch {
    return { fragment: null, errors: [`${where}: kan inte läsa ${file} (finns filen? sökvägen är relativ till konfigurationsfilens mapp)`] };
  }
  const doc = yamlLib().parseDocument(text, { uniqueKeys: true });
  if (doc.errors.length > 0) {
    return { fragment: null, errors: doc.errors.map((e) => `${where} (${file}:${e.linePos?.[0]?.line ?? "?"}): ${e.message.split("\n")[0]}`) };
  }
  const parsed = FragmentSchema.safeParse(doc.toJS() ?? {});
  if (!parsed.success) {
    return {
      fragment: null,
      errors: parsed.error.issues.map((i) => {
        const key = i.path.map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`)).join("");
        const message = i.code === "unrecognized_keys" ? `okänd nyckel: ${i.keys.join(", ")} (bara categories och ignore)` : i.message;
        return `${where} (${file})${key}: ${message}`;
      }),
    };
  }
  return { fragment: parsed.data, errors: [] };
}

/** The fragment's category ids that the config does not define (their labels are ignored). */
export function unusedFragmentCategories(fragment: CategoriesFragment, config: Pick<RawConfig, "categories">): string[] {
  const defined = new Set(config.categories.map((c) => c.id));
  return [...new Set(Object.values(fragment.categories))].filter((id) => !defined.has(id)).sort();
}

/**
 * Resolves every `categories_from` in place of the raw config (paths relative to `configDir`).
 * Returns the config with merged `categories`/`ignore`, and `key.path: message` errors.
 */
export function resolveCategoriesFrom(config: RawConfig, configDir: string): { config: RawConfig; errors: string[] } {
  const errors: string[] = [];
  const defined = new Set(config.categories.map((c) => c.id));
  const sources = config.sources.map((source, i) => {
    if (source.kind !== "incidents") return source;
    if (source.categories_from === undefined) {
      if (Object.keys(source.categories).length === 0) errors.push(`sources[${i}].categories: saknas (ange categories eller categories_from)`);
      return source;
    }
    const file = path.resolve(configDir, source.categories_from);
    const { fragment, errors: fragmentErrors } = loadCategoriesFragment(file, `sources[${i}].categories_from`);
    errors.push(...fragmentErrors);
    if (fragment === null) return source;
    const own = new Set([...Object.keys(source.categories), ...source.ignore].map(normaliseLabel));
    const categories: Record<string, string> = {};
    const leftOut: string[] = [];
    for (const [label, id] of Object.entries(fragment.categories)) {
      if (own.has(normaliseLabel(label))) continue;
      if (defined.has(id)) categories[label] = id;
      else leftOut.push(label);
    }
    const ownMapped = new Set(Object.keys(source.categories).map(normaliseLabel));
    const fragmentIgnore = fragment.ignore.filter((p) => !ownMapped.has(normaliseLabel(p)));
    return {
      ...source,
      categories: { ...categories, ...source.categories },
      ignore: [...source.ignore, ...fragmentIgnore, ...leftOut.filter((l) => !ownMapped.has(normaliseLabel(l)))],
    };
  });
  return { config: { ...config, sources }, errors };
}
