/**
 * Chart PNGs kept between runs in `<cache_dir>/charts/<sha256>.png` (issue 20): a month re-run with the
 * same figures (a `--force`, a new commentary, a revision of another area) draws nothing again. At 312
 * areas drawing and encoding the charts was nine tenths of a full month's CPU time.
 *
 * A PNG is looked up by the sha256 of everything it is drawn from: the chart.js configuration and canvas
 * size (the caller's key), the versions of chart.js and canvas, and the source text of the modules that
 * draw and encode (so an edited legend wording or encoder never serves an old picture). Cached bytes are
 * what drawing gives on this machine, so the output stays byte-identical with or without the store.
 *
 * Bounded: after a month's charts, files this run did not use are removed, least recently used first,
 * while there are more than STORE_MAX (about 60 MB of area charts). A hit refreshes the file's mtime.
 */
import { isRecord } from "../core/is-record.ts";
import { createHash, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** Files kept beyond those used by this run (a month at 312 areas uses ~330). */
export const STORE_MAX = 4000;

/** The modules whose code decides a chart's pixels or bytes (their source text is part of every key). */
const DRAWING_MODULES = ["charts.ts", "area-chart.ts", "chart-style.ts", "chart-phone.ts", "indexed-png.ts", "wording.ts", "survey-chart.ts"];

let salt: string | undefined;

/** What every key shares: library versions and the drawing modules' source. */
function drawingSalt(): string {
  if (salt !== undefined) return salt;
  const h = createHash("sha256");
  const require = createRequire(import.meta.url);
  for (const pkg of ["chart.js/package.json", "canvas/package.json", "chartjs-node-canvas/package.json"]) {
    try {
      const manifest: unknown = JSON.parse(readFileSync(require.resolve(pkg), "utf8"));
      h.update(`${pkg}:${isRecord(manifest) ? String(manifest.version) : "?"}\n`);
    } catch {
      h.update(`${pkg}:?\n`); // not resolvable as a file (a bundled copy): the source hash below still changes with the code
    }
  }
  const here = path.dirname(fileURLToPath(import.meta.url));
  for (const file of DRAWING_MODULES) {
    try {
      h.update(readFileSync(path.join(here, file)));
    } catch {
      // Without the sources (an installed build) the store is not used: a stale picture is worse than a slow run.
      salt = "";
      return salt;
    }
  }
  salt = h.digest("hex");
  return salt;
}

/**
 * Writes `png` as the store file `file` (beside and renamed, so a killed run leaves no half file under
 * the name); false when it could not (a full or read-only cache folder costs time on the next run,
 * never the report). A chart worker writes what it draws with this (chart-worker.ts).
 */
export function writeStoreFile(file: string, png: Uint8Array): boolean {
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    const tmp = path.join(path.dirname(file), `.${path.basename(file)}.tmp-${process.pid}-${randomBytes(4).toString("hex")}`);
    writeFileSync(tmp, png);
    renameSync(tmp, file);
    return true;
  } catch {
    return false;
  }
}

export class ChartStore {
  private readonly used = new Set<string>();

  constructor(private readonly dir: string) {}

  /** The store's file for a drawing key, or null when the store cannot be trusted (see drawingSalt). */
  fileFor(key: string): string | null {
    const s = drawingSalt();
    if (s === "") return null;
    return path.join(this.dir, `${createHash("sha256").update(s).update(key).digest("hex")}.png`);
  }

  /** The PNG drawn earlier for `key`, or undefined. */
  get(key: string): Buffer | undefined {
    const file = this.fileFor(key);
    return file === null ? undefined : this.read(file);
  }

  /** The PNG in the store file `file` (fileFor), or undefined. */
  read(file: string): Buffer | undefined {
    try {
      const png = readFileSync(file);
      // A truncated or foreign file is drawn again (and replaced): a PNG starts with its signature and ends with IEND.
      if (png.length < 20 || png.readUInt32BE(0) !== 0x89504e47 || png.subarray(-8, -4).toString("latin1") !== "IEND") return undefined;
      this.used.add(path.basename(file));
      const now = new Date();
      utimesSync(file, now, now);
      return png;
    } catch {
      return undefined;
    }
  }

  /** Keeps `png` for `key`. */
  set(key: string, png: Buffer): void {
    const file = this.fileFor(key);
    if (file !== null && writeStoreFile(file, png)) this.used.add(path.basename(file));
  }

  /** Counts a store file written by another thread (writeStoreFile) as used by this run, so prune keeps it. */
  written(file: string): void {
    this.used.add(path.basename(file));
  }

  /** Whether the marker `name` was made (area-chart-run.ts: a month's charts were drawn into this store). */
  marked(name: string): boolean {
    return existsSync(path.join(this.dir, name));
  }

  /** Makes the marker `name` (an empty file); a failure costs only a later run's guess. */
  mark(name: string): void {
    const file = path.join(this.dir, name);
    try {
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, "");
    } catch {
      // As set(): never the report's concern.
    }
  }

  /** Removes unused files, oldest first, while more than `max` are kept. */
  prune(max: number = STORE_MAX): void {
    let names: string[];
    try {
      names = readdirSync(this.dir).filter((n) => /^[0-9a-f]{64}\.png$/.test(n));
    } catch {
      return;
    }
    if (names.length <= max) return;
    const unused = names
      .filter((n) => !this.used.has(n))
      .map((n) => {
        try {
          return { n, t: statSync(path.join(this.dir, n)).mtimeMs };
        } catch {
          return { n, t: 0 };
        }
      })
      .sort((a, b) => a.t - b.t || (a.n < b.n ? -1 : 1));
    for (const { n } of unused.slice(0, names.length - max)) rmSync(path.join(this.dir, n), { force: true });
  }
}

const stores = new Map<string, ChartStore>();

/** The store of a cache folder, one per process, so what a range's earlier months used counts as used. */
export function chartStoreFor(cacheDir: string): ChartStore {
  const dir = path.join(cacheDir, "charts");
  let s = stores.get(dir);
  if (!s) {
    s = new ChartStore(dir);
    stores.set(dir, s);
  }
  return s;
}
