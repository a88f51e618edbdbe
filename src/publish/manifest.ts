/**
 * `manifest.json` (schema `lagesbild.manifest/v1`, spec/outputs.md): every published file with its
 * sha256 and size, and per month what it was built from, so a month can be skipped when nothing it
 * publishes changed, and `publish` can verify a tree before it goes live.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { sha256Hex } from "../core/sha256-hex.ts";

export const MANIFEST_FILE = "manifest.json";

const MonthRecordSchema = z.object({
  revision: z.number().int().positive(),
  generated_at: z.string(),
  version: z.string(),
  config_sha256: z.string(),
  indicators_sha256: z.string(),
  inputs: z.array(z.object({ path: z.string(), sha256: z.string() })),
  /**
   * sha256 of the row accounting and source hashes the month publishes (indicators.json `sources` and
   * run.json, without their timestamps): a change to them rebuilds the month (issue 14.10). Absent in
   * manifests written before it existed, which rebuilds each month once.
   */
  accounting_sha256: z.string().optional(),
  /** Only figures, HTML skipped (`--only data`). */
  data_only: z.boolean().optional(),
});
export type MonthRecord = z.infer<typeof MonthRecordSchema>;

export const ManifestSchema = z.object({
  schema: z.literal("lagesbild.manifest/v1"),
  generated_at: z.string(),
  files: z.array(z.object({ path: z.string(), sha256: z.string(), size: z.number().int().nonnegative() })),
  months: z.record(z.string(), MonthRecordSchema),
  /** A group run's manifest (write-group-files.ts): the kommuner's folders, whose files it lists too. */
  kommuner: z.array(z.string()).optional(),
});
export type Manifest = z.infer<typeof ManifestSchema>;


/** The manifest in `outDir`, or null when there is none or it does not validate. */
export function readManifest(outDir: string): Manifest | null {
  const file = path.join(outDir, MANIFEST_FILE);
  if (!existsSync(file)) return null;
  try {
    const parsed = ManifestSchema.safeParse(JSON.parse(readFileSync(file, "utf8")));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Every published file below `outDir` (dot-files, temporaries and the manifest itself excluded), sorted. */
export function listPublishedFiles(outDir: string): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const entry of readdirSync(path.join(outDir, rel), { withFileTypes: true })) {
      if (entry.name.startsWith(".")) continue;
      const child = rel === "" ? entry.name : `${rel}/${entry.name}`;
      if (entry.isDirectory()) walk(child);
      else if (entry.isFile() && child !== MANIFEST_FILE) out.push(child);
    }
  };
  if (existsSync(outDir)) walk("");
  return out.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** A file's sha256 by its path relative to the output folder, or null when it is missing. */
export type HashOf = (rel: string) => string | null;

/** Reads and hashes the file every time (file-hash-cache.ts remembers hashes between runs instead). */
export const readAndHash =
  (outDir: string): HashOf =>
  (rel) => {
    const full = path.join(outDir, rel);
    return existsSync(full) ? sha256Hex(readFileSync(full)) : null;
  };

export function hashFiles(outDir: string, files: ReadonlyArray<string>, hashOf: HashOf = readAndHash(outDir)): Manifest["files"] {
  return files.map((rel) => {
    const digest = hashOf(rel);
    if (digest === null) throw Object.assign(new Error(`ENOENT: no such file, open '${path.join(outDir, rel)}'`), { code: "ENOENT" });
    return { path: rel, sha256: digest, size: statSync(path.join(outDir, rel)).size };
  });
}

/** Files that are missing or differ from their manifest entry; empty when the tree verifies. */
export function verifyManifest(outDir: string, manifest: Manifest, hashOf: HashOf = readAndHash(outDir)): string[] {
  const bad: string[] = [];
  for (const f of manifest.files) {
    const digest = hashOf(f.path);
    if (digest === null) bad.push(`${f.path}: saknas`);
    else if (digest !== f.sha256) bad.push(`${f.path}: innehållet stämmer inte med manifest.json`);
  }
  return bad;
}
