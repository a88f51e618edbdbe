// Loads the command line from a cached esbuild bundle of src/ (issue 7: start-up).
//
// Why: through tsx every module of src/ is transformed and loaded with one round trip to tsx's loader
// thread, which cost ~1 s of every run; a bundle of src/ (npm packages left external) loads in one
// native import. The bundle lives in node_modules/.cache/lagesbild/<stamp>/, where the stamp hashes the
// path, size and mtime of every file under src/ (and of tsconfig.json and this file), so an edit, a new
// or a deleted file gives a new stamp and a fresh bundle: a developer never runs stale code, and there
// is still no build step after `npm ci`. Any failure (esbuild missing, a build error) falls back to tsx.
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const SRC = path.join(ROOT, "src");
const CACHE = path.join(ROOT, "node_modules", ".cache", "lagesbild");
const ENTRY = path.join(SRC, "cli", "main.ts");
/** The ingest worker's body (src/ingest/_fast/worker-pool.ts), bundled too so a worker starts without tsx. */
const WORKER = path.join(SRC, "ingest", "_fast", "read-file-worker.ts");
/** The chart worker's body (src/render/chart-pool.ts), bundled for the same reason. */
const CHART_WORKER = path.join(SRC, "render", "chart-worker.ts");
/** Bundles of older sources are removed once unused for this long (a run still using one has loaded its chunks). */
const STALE_MS = 10 * 60 * 1000;

const byName = (a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/** A hash of what the bundle is built from: every file below src/ by path, size and mtime. */
export function sourceStamp() {
  const hash = createHash("sha256");
  const add = (file) => {
    const s = statSync(file);
    hash.update(`${path.relative(ROOT, file)}\0${s.size}\0${s.mtimeMs}\n`);
  };
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort(byName)) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) add(full);
    }
  };
  hash.update(`${ROOT}\n`); // the bundle holds absolute file URLs (see below)
  walk(SRC);
  add(path.join(ROOT, "tsconfig.json"));
  add(fileURLToPath(import.meta.url));
  return hash.digest("hex").slice(0, 20);
}

/**
 * esbuild gives every bundled module the bundle's `import.meta.url`; the sources resolve files next to
 * themselves with it (the stylesheet, package.json, the ingest worker's entry), so each module's own
 * file URL is written in its place.
 */
const sourceImportMetaUrl = {
  name: "source-import-meta-url",
  setup(build) {
    build.onLoad({ filter: /\.[cm]?[jt]s$/ }, (args) => {
      if (!args.path.startsWith(SRC + path.sep)) return undefined;
      const text = readFileSync(args.path, "utf8");
      if (!text.includes("import.meta.url")) return undefined;
      return {
        contents: text.replaceAll("import.meta.url", JSON.stringify(pathToFileURL(args.path).href)),
        loader: args.path.endsWith(".ts") ? "ts" : "js",
      };
    });
  },
};

async function build(dir) {
  const esbuild = await import("esbuild");
  mkdirSync(CACHE, { recursive: true });
  const tmp = `${dir}.tmp-${process.pid}-${Date.now()}`;
  try {
    await esbuild.build({
      absWorkingDir: ROOT,
      entryPoints: { main: ENTRY, "read-file-worker": WORKER, "chart-worker": CHART_WORKER },
      bundle: true,
      // Separate chunks for the commands' dynamic imports, so `--version` or `--only data` still never
      // load chart.js and canvas.
      splitting: true,
      format: "esm",
      platform: "node",
      target: "node20",
      packages: "external",
      keepNames: true,
      sourcemap: "linked",
      outdir: tmp,
      outExtension: { ".js": ".mjs" },
      chunkNames: "chunks/[name]-[hash]",
      logLevel: "silent",
      plugins: [sourceImportMetaUrl],
    });
    try {
      renameSync(tmp, dir);
    } catch (error) {
      // Another run built the same stamp first: use theirs.
      if (error?.code !== "ENOTEMPTY" && error?.code !== "EEXIST") throw error;
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  removeStale(path.basename(dir));
}

function removeStale(keep) {
  const now = Date.now();
  for (const name of readdirSync(CACHE)) {
    if (name === keep) continue;
    const full = path.join(CACHE, name);
    try {
      if (now - statSync(full).mtimeMs > STALE_MS) rmSync(full, { recursive: true, force: true });
    } catch {
      // Removed by another run meanwhile.
    }
  }
}

/** The bundled `main` of src/cli/main.ts, built first when src/ changed. */
async function bundledMain() {
  const stamp = sourceStamp();
  const dir = path.join(CACHE, stamp);
  const file = path.join(dir, "main.mjs");
  let exists = true;
  try {
    statSync(file);
  } catch {
    exists = false;
  }
  if (!exists) await build(dir);
  else {
    try {
      // Marks the bundle as in use, so removeStale in another run leaves it alone for a while.
      const now = new Date();
      utimesSync(dir, now, now);
    } catch {
      // Only the clean-up's clock.
    }
  }
  const main = (await import(pathToFileURL(file).href)).main;
  // Read by src/ingest/_fast/worker-pool.ts when it is given (else it starts workers through tsx).
  globalThis.lagesbildWorkerEntry = pathToFileURL(path.join(dir, "read-file-worker.mjs"));
  // Read by src/render/chart-pool.ts likewise.
  globalThis.lagesbildChartWorkerEntry = pathToFileURL(path.join(dir, "chart-worker.mjs"));
  // Read by src/app/up-to-date.ts: a run that skips everything must know the code is the same.
  globalThis.lagesbildBuildStamp = stamp;
  return main;
}

async function tsxMain() {
  const { register } = await import("tsx/esm/api");
  register();
  return (await import("../src/cli/main.ts")).main;
}

/**
 * The command line's `main`: from the bundle, or through tsx when LAGESBILD_NO_BUNDLE is set (to debug
 * the sources themselves) or the bundle cannot be built or loaded.
 */
export async function loadMain({ debug = false } = {}) {
  if (process.env.LAGESBILD_NO_BUNDLE) return tsxMain();
  try {
    // Stack traces under --debug point into src/, not the bundle.
    if (debug) process.setSourceMapsEnabled(true);
    return await bundledMain();
  } catch (error) {
    if (debug) process.stderr.write(`lagesbild: paketeringen misslyckades, kör via tsx: ${error?.message ?? error}\n`);
    return tsxMain();
  }
}
