/**
 * The golden output of the sample kommun (issue 17): what `lagesbild run` writes for two months of the
 * sample (config/lagesbild.yaml, data/) at a fixed --generated-at, kept under test/golden/sample/ so
 * that a restructure that must not change behaviour can prove it did not.
 *
 * Layout of test/golden/sample/:
 * - `tree/`: every text file of the output folder, byte for byte (HTML, JSON, CSV with its BOM and
 *   CRLF, the feed, the manifest, the stylesheet); .gitattributes keeps git from touching line ends;
 * - `binaries.sha256`: `path sha256` for every other file (the chart PNGs, the lock file), since a
 *   hash says whether a chart changed as well as the image would, at a fraction of the size;
 * - `stdout.txt`: the run's summary on stdout, with the output folder's path written as `<out>`.
 *
 * Written only by `npm run golden:update` (scripts/golden-update.ts), never by the test itself.
 */
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PROJECT_ROOT, runCli } from "./run-cli.ts";
import { sampleProject } from "./sample-project.ts";

export const GOLDEN_DIR = path.join(PROJECT_ROOT, "test", "golden", "sample");
/** Two months, so the archive, the feed and the manifest hold more than one entry. */
export const GOLDEN_FROM = "2026-09";
export const GOLDEN_TO = "2026-10";
export const GOLDEN_GENERATED_AT = "2026-11-03T06:00:00+01:00";

/** Files compared as text (and stored whole); every other file is compared by its sha256. */
const TEXT = /\.(html|json|csv|xml|css|txt|md|svg|geojson)$/;

export interface GoldenRun {
  /** The output folder, inside a fresh temporary project: the caller removes its parent. */
  out: string;
  /** stdout with the output folder's path replaced by `<out>`. */
  stdout: string;
}

/**
 * Runs the sample for the golden months through the real CLI, into a fresh temporary folder. The run
 * happens in a project of its own (sample-project.ts) so that no cache of an earlier run (the source
 * results, the suppression plan) can stand in for the code under test: the golden output is what a
 * clean clone produces.
 */
export function runGoldenSample(): GoldenRun {
  const project = sampleProject("lagesbild-golden-project-");
  const out = path.join(project, "out");
  const r = runCli(
    ["run", "--config", path.join(project, "config", "lagesbild.yaml"), "--from", GOLDEN_FROM, "--to", GOLDEN_TO, "--out", out, "--generated-at", GOLDEN_GENERATED_AT, "--log-format", "json", "--quiet"],
    { cwd: project },
  );
  if (r.code !== 0) throw new Error(`the golden sample run failed (exit ${r.code}):\n${r.stderr}`);
  // The summary names the output folder relative to the working directory (the temporary project).
  const stdout = r.stdout.split(path.relative(project, out)).join("<out>");
  return { out, stdout };
}

/** Every file below `dir`, relative, with `/` separators, sorted. */
export function listFiles(dir: string, rel = ""): string[] {
  return readdirSync(path.join(dir, rel), { withFileTypes: true })
    .flatMap((e) => {
      const child = rel === "" ? e.name : `${rel}/${e.name}`;
      return e.isDirectory() ? listFiles(dir, child) : [child];
    })
    .sort();
}

function sha256(bytes: Buffer): string {
  return createHash("sha256").update(bytes).digest("hex");
}

export function isTextFile(rel: string): boolean {
  return TEXT.test(rel);
}

/** Parses binaries.sha256 (`path sha256` per line) into a map. */
function readHashes(file: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const line of readFileSync(file, "utf8").split("\n")) {
    const at = line.lastIndexOf(" ");
    if (line.trim() === "" || at < 0) continue;
    map.set(line.slice(0, at), line.slice(at + 1));
  }
  return map;
}

/** Writes a golden folder from a run: the text files whole, the others as hashes, and stdout. */
export function writeGolden(run: GoldenRun, golden = GOLDEN_DIR): void {
  rmSync(golden, { recursive: true, force: true });
  mkdirSync(path.join(golden, "tree"), { recursive: true });
  const hashes: string[] = [];
  for (const rel of listFiles(run.out)) {
    const bytes = readFileSync(path.join(run.out, rel));
    if (isTextFile(rel)) {
      mkdirSync(path.dirname(path.join(golden, "tree", rel)), { recursive: true });
      writeFileSync(path.join(golden, "tree", rel), bytes);
    } else {
      hashes.push(`${rel} ${sha256(bytes)}`);
    }
  }
  writeFileSync(path.join(golden, "binaries.sha256"), hashes.map((l) => `${l}\n`).join(""));
  writeFileSync(path.join(golden, "stdout.txt"), run.stdout);
}

/**
 * The first line where two texts differ, as a short report: `line N:\n  - expected\n  + actual`
 * (lines cut at 200 characters; a line of 648 kB of JSON would drown the message).
 */
export function firstDifference(expected: string, actual: string): string {
  const a = expected.split("\n");
  const b = actual.split("\n");
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) {
    if (a[i] === b[i]) continue;
    const show = (line: string | undefined): string =>
      line === undefined ? "(no line: the file ends here)" : JSON.stringify(cut(line, column(a[i], b[i])));
    return `line ${i + 1}:\n      - ${show(a[i])}\n      + ${show(b[i])}`;
  }
  return "same text";
}

/** The first column where two lines differ (0 when either is missing). */
function column(a: string | undefined, b: string | undefined): number {
  if (a === undefined || b === undefined) return 0;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

/** A window of at most 200 characters of a line, starting a little before column `at`. */
function cut(line: string, at: number): string {
  const from = Math.max(0, at - 60);
  const piece = line.slice(from, from + 200);
  return `${from > 0 ? "…" : ""}${piece}${from + 200 < line.length ? "…" : ""}`;
}

/**
 * Compares a run with the golden folder. Returns one entry per differing file (missing, unexpected, or
 * changed, with the first differing line for text), empty when everything is byte for byte the same.
 */
export function compareWithGolden(run: GoldenRun, golden = GOLDEN_DIR): string[] {
  const problems: string[] = [];
  const actual = listFiles(run.out);
  const goldenText = listFiles(path.join(golden, "tree"));
  const goldenBinary = readHashes(path.join(golden, "binaries.sha256"));
  const expected = [...goldenText, ...goldenBinary.keys()].sort();
  for (const rel of expected) if (!actual.includes(rel)) problems.push(`${rel}: missing from the output`);
  for (const rel of actual) if (!expected.includes(rel)) problems.push(`${rel}: written but not in the golden output`);
  for (const rel of actual) {
    const bytes = readFileSync(path.join(run.out, rel));
    if (goldenText.includes(rel)) {
      const want = readFileSync(path.join(golden, "tree", rel));
      if (!want.equals(bytes)) problems.push(`${rel}: differs at ${firstDifference(want.toString("utf8"), bytes.toString("utf8"))}`);
    } else if (goldenBinary.has(rel) && goldenBinary.get(rel) !== sha256(bytes)) {
      problems.push(`${rel}: sha256 ${sha256(bytes)}, golden ${goldenBinary.get(rel) ?? ""}`);
    }
  }
  const stdout = readFileSync(path.join(golden, "stdout.txt"), "utf8");
  if (stdout !== run.stdout) problems.push(`stdout (the run summary): differs at ${firstDifference(stdout, run.stdout)}`);
  return problems;
}

/** The failure message: what differs, and what to do about it. */
export function goldenFailureMessage(problems: readonly string[]): string {
  const onlyCharts = problems.every((p) => /^[^:]*\.png:/.test(p) || p.startsWith("manifest.json:"));
  return [
    `The sample's output differs from test/golden/sample/ in ${problems.length} place(s):`,
    ...problems.map((p) => `  ${p}`),
    "",
    onlyCharts
      ? "Only chart images (and the manifest that hashes them) differ: if this machine has other fonts or another Cairo than the one the golden output was written on (spec README, non-negotiable 5), that is expected here; otherwise a chart changed."
      : "",
    "If the change is intended, run `npm run golden:update` and review the diff of test/golden/ before committing it.",
  ]
    .filter((l, i, all) => l !== "" || all[i - 1] !== "")
    .join("\n");
}
