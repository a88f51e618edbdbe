/**
 * `lagesbild publish --to DIR` (spec/cli.md): copies the files `manifest.json` lists to a web root so a
 * reader never sees a half-copied site. A rename cannot replace a non-empty folder, so `DIR` is a
 * symlink to a versioned tree beside it: the new tree is copied and verified first, then a new symlink
 * is renamed over `DIR` in one step. `DIR.previous` points at the tree that was live before.
 *
 * A crash at any point before that rename leaves `DIR` serving the complete old tree; after it, the
 * complete new one. Nothing that `DIR` or `DIR.previous` points at is ever written to or deleted.
 * The one step that cannot be atomic is the very first publish over a plain folder (not a symlink):
 * it is renamed aside and the symlink put in its place; if a crash falls between the two renames, the
 * next publish puts the folder back before it starts.
 */
import { cpSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, renameSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { LagesbildError } from "../core/errors.ts";
import { MANIFEST_FILE, readManifest, verifyManifest } from "./manifest.ts";
import { sha256Hex } from "../core/sha256-hex.ts";
import { isGroupFile, isLagesbildFile } from "./known-files.ts";
import { refuseSymlinks } from "./write-atomic.ts";
import { errorCode, errorMessage } from "../core/error-facts.ts";

export interface PublishResult {
  tree: string;
  files: number;
  previous: string | null;
}

/** The file operations publish uses; tests inject a failing copy to prove a failed publish changes nothing. */
export interface PublishIo {
  copyFile: (from: string, to: string) => void;
}

const defaultIo: PublishIo = { copyFile: (from, to) => cpSync(from, to) };

function isSymlink(p: string): boolean {
  try {
    return lstatSync(p).isSymbolicLink();
  } catch {
    return false;
  }
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return errorCode(e) === "EPERM";
  }
}

function swapSymlink(link: string, target: string): void {
  const tmp = `${link}.tmp-${process.pid}`;
  rmSync(tmp, { force: true });
  symlinkSync(target, tmp);
  renameSync(tmp, link);
}

/** Undoes a first publish over a plain folder that a crash cut between its two renames. */
function repairFirstPublish(target: string, original: string): void {
  if (!existsSync(target) && !isSymlink(target) && existsSync(original)) renameSync(original, target);
}

/** Trees and temporaries beside `DIR` that nothing points at and no live publish is writing. */
function removeStale(parent: string, name: string, keep: ReadonlySet<string>): void {
  for (const entry of readdirSync(parent)) {
    const tree = entry.startsWith(`.${name}-`);
    const tmp = /\.tmp-(\d+)$/.exec(entry);
    const ours = tree || (tmp !== null && (entry.startsWith(`${name}.tmp-`) || entry.startsWith(`${name}.previous.tmp-`)));
    if (!ours || keep.has(entry)) continue;
    const pid = /-(\d+)$/.exec(entry)?.[1];
    if (pid !== undefined && Number(pid) !== process.pid && pidAlive(Number(pid))) continue;
    rmSync(path.join(parent, entry), { recursive: true, force: true });
  }
}

export function publish(outDir: string, to: string, io: PublishIo = defaultIo): PublishResult {
  const manifest = readManifest(outDir);
  if (manifest === null) {
    throw new LagesbildError("publish", `${outDir} har ingen giltig manifest.json: kör lagesbild run först.`);
  }
  // Only files lagesbild writes are ever published (issue 14.1): a manifest listing anything else was
  // written by an older version or by hand, and `lagesbild run` rebuilds it without them.
  const kommuner = manifest.kommuner;
  const foreign = manifest.files.filter((f) => !(kommuner === undefined ? isLagesbildFile(f.path) : isGroupFile(f.path, kommuner))).map((f) => f.path);
  if (foreign.length > 0) {
    throw new LagesbildError(
      "publish",
      `manifest.json listar filer som lagesbild inte skriver – inget publicerades (kör lagesbild run, som bygger om manifestet utan dem):\n${foreign.join("\n")}`,
    );
  }
  // A link inside the output folder could make publish copy a file from anywhere (issue 14.9).
  refuseSymlinks(outDir);
  const bad = verifyManifest(outDir, manifest);
  if (bad.length > 0) {
    throw new LagesbildError("publish", `Utdatamappen stämmer inte med manifest.json – inget publicerades:\n${bad.join("\n")}`);
  }
  const target = path.resolve(to);
  const parent = path.dirname(target);
  const name = path.basename(target);
  const original = path.join(parent, `.${name}-original`);
  mkdirSync(parent, { recursive: true });
  repairFirstPublish(target, original);

  // A fresh name per publish (content hash + pid + time), so the copy never touches the live tree, even
  // when the same manifest is published again.
  const manifestBytes = readFileSync(path.join(outDir, MANIFEST_FILE));
  const version = `.${name}-${sha256Hex(manifestBytes).slice(0, 12)}-${Date.now().toString(36)}-${process.pid}`;
  const tree = path.join(parent, version);

  // Copy beside the target and verify the copy before anything points at it.
  try {
    for (const f of manifest.files) {
      mkdirSync(path.dirname(path.join(tree, f.path)), { recursive: true });
      io.copyFile(path.join(outDir, f.path), path.join(tree, f.path));
    }
    writeFileSync(path.join(tree, MANIFEST_FILE), manifestBytes);
  } catch (e) {
    rmSync(tree, { recursive: true, force: true });
    throw new LagesbildError("publish", `Kopieringen till ${parent} misslyckades – inget publicerades: ${errorMessage(e)}`);
  }
  const copyBad = verifyManifest(tree, manifest);
  if (copyBad.length > 0) {
    rmSync(tree, { recursive: true, force: true });
    throw new LagesbildError("publish", `Kopian blev fel – inget publicerades:\n${copyBad.join("\n")}`);
  }

  let previous: string | null = null;
  if (isSymlink(target)) {
    previous = readlinkSync(target);
  } else if (existsSync(target)) {
    // First publish over a plain folder: move it aside once (see the note at the top).
    rmSync(original, { recursive: true, force: true });
    renameSync(target, original);
    previous = path.basename(original);
  }
  swapSymlink(target, version); // the one step that changes what readers see
  if (previous !== null) swapSymlink(`${target}.previous`, previous);

  const keep = new Set([version, previous ?? "", path.basename(original)]);
  removeStale(parent, name, keep);
  return { tree, files: manifest.files.length + 1, previous: previous === null ? null : path.join(parent, previous) };
}
