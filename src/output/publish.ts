/**
 * `lagesbild publish --to DIR` (spec/cli.md): copies the files `manifest.json` lists to a web root so a
 * reader never sees a half-copied site. A rename cannot replace a non-empty folder, so `DIR` is a
 * symlink to a versioned tree beside it: the new tree is copied and verified first, then a new symlink
 * is renamed over `DIR` in one step. `DIR.previous` points at the tree that was live before.
 *
 * A crash before that rename leaves `DIR` serving the complete old tree; after it, the complete new one.
 */
import { cpSync, existsSync, lstatSync, mkdirSync, readdirSync, readlinkSync, renameSync, rmSync, symlinkSync, writeFileSync, readFileSync } from "node:fs";
import path from "node:path";
import { LagesbildError } from "../core/errors.ts";
import { MANIFEST_FILE, readManifest, sha256, verifyManifest } from "./manifest.ts";

export interface PublishResult {
  tree: string;
  files: number;
  previous: string | null;
}

function swapSymlink(link: string, target: string): void {
  const tmp = `${link}.tmp-${process.pid}`;
  rmSync(tmp, { force: true });
  symlinkSync(target, tmp);
  renameSync(tmp, link);
}

export function publish(outDir: string, to: string): PublishResult {
  const manifest = readManifest(outDir);
  if (manifest === null) {
    throw new LagesbildError("publish", `${outDir} har ingen giltig manifest.json: kör lagesbild run först.`);
  }
  const bad = verifyManifest(outDir, manifest);
  if (bad.length > 0) {
    throw new LagesbildError("publish", `Utdatamappen stämmer inte med manifest.json – inget publicerades:\n${bad.join("\n")}`);
  }
  const target = path.resolve(to);
  const parent = path.dirname(target);
  const name = path.basename(target);
  mkdirSync(parent, { recursive: true });
  const manifestBytes = readFileSync(path.join(outDir, MANIFEST_FILE));
  const version = `.${name}-${sha256(manifestBytes).slice(0, 16)}`;
  const tree = path.join(parent, version);

  // Copy beside the target and verify the copy before anything points at it.
  const staging = `${tree}.staging-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  for (const f of manifest.files) {
    mkdirSync(path.dirname(path.join(staging, f.path)), { recursive: true });
    cpSync(path.join(outDir, f.path), path.join(staging, f.path));
  }
  writeFileSync(path.join(staging, MANIFEST_FILE), manifestBytes);
  const copyBad = verifyManifest(staging, manifest);
  if (copyBad.length > 0) {
    rmSync(staging, { recursive: true, force: true });
    throw new LagesbildError("publish", `Kopian blev fel – inget publicerades:\n${copyBad.join("\n")}`);
  }
  rmSync(tree, { recursive: true, force: true });
  renameSync(staging, tree);

  let previous: string | null = null;
  if (existsSync(target) || isSymlink(target)) {
    if (isSymlink(target)) {
      previous = readlinkSync(target);
    } else {
      // First publish over a plain folder: move it aside once (the only non-atomic step, documented).
      previous = `.${name}-original`;
      rmSync(path.join(parent, previous), { recursive: true, force: true });
      renameSync(target, path.join(parent, previous));
    }
  }
  swapSymlink(target, version);
  if (previous !== null && previous !== version) swapSymlink(`${target}.previous`, previous);
  else if (isSymlink(`${target}.previous`)) previous = readlinkSync(`${target}.previous`);

  // Keep only the live tree and the previous one.
  const keep = new Set([version, previous ?? ""]);
  for (const entry of readdirSync(parent)) {
    if (entry.startsWith(`.${name}-`) && !keep.has(entry) && !entry.includes(".staging-")) {
      rmSync(path.join(parent, entry), { recursive: true, force: true });
    }
  }
  return { tree, files: manifest.files.length + 1, previous: previous === null ? null : path.join(parent, previous) };
}

function isSymlink(p: string): boolean {
  try {
    return lstatSync(p).isSymbolicLink();
  } catch {
    return false;
  }
}
