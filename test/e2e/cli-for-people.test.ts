/**
 * The command line as a person at a terminal meets it (issue 16 item 8): on a real pseudo-terminal
 * (util-linux `script`), without --log-format or --debug, only the Swedish summary and warnings; asked
 * for logs, the logs; with --only data the summary points at no page that was not written; every usage
 * error in Swedish. Where `script` is missing the TTY tests are skipped with a message.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT, runCli } from "../helpers/run-cli.ts";
import { SAMPLE_GENERATED_AT, SAMPLE_MONTH } from "../helpers/sample-report.ts";

const SCRIPT = "/usr/bin/script";
const hasScript = existsSync(SCRIPT);
if (!hasScript) console.warn(`cli-for-people.test.ts: ${SCRIPT} saknas – testerna i en terminal hoppas över.`);

const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/** Runs the CLI with stdin, stdout and stderr on a pseudo-terminal; returns what the terminal showed. */
function onTerminal(args: string[]): { code: number; screen: string } {
  const command = [process.execPath, path.join(PROJECT_ROOT, "bin", "lagesbild.js"), ...args].map(quote).join(" ");
  const env: Record<string, string | undefined> = { ...process.env, TERM: "dumb" };
  delete env.SOURCE_DATE_EPOCH;
  const r = spawnSync(SCRIPT, ["-qec", command, "/dev/null"], { cwd: PROJECT_ROOT, env, encoding: "utf8", timeout: 300_000 });
  // The terminal turns "\n" into "\r\n".
  return { code: r.status ?? -1, screen: r.stdout.replace(/\r\n/g, "\n") };
}

const sampleArgs = (out: string) => ["run", "--config", path.join(PROJECT_ROOT, "config", "lagesbild.yaml"), "--month", SAMPLE_MONTH, "--out", out, "--generated-at", SAMPLE_GENERATED_AT];

describe.skipIf(!hasScript)("lagesbild run on a terminal", () => {
  const out = mkdtempSync(path.join(tmpdir(), "lagesbild-tty-"));

  it("shows the Swedish summary and no info logs; --only data points at the CSV, not at a page never written", () => {
    const r = onTerminal([...sampleArgs(out), "--only", "data"]);
    expect(r.code).toBe(0);
    const lines = r.screen.split("\n");
    // Before the summary's first line (the report's title) only warnings may stand.
    const title = lines.indexOf("Lägesbild för Exempelkommun – fiktiva siffror");
    expect(title).toBeGreaterThanOrEqual(0);
    expect(lines.slice(0, title).filter((l) => !/\bWARN\b/.test(l))).toEqual([]);
    expect(r.screen).not.toMatch(/\bINFO\b|"level":/);
    expect(r.screen).toContain(`${SAMPLE_MONTH}: skriven (revision 1) → ${path.relative(PROJECT_ROOT, path.join(out, SAMPLE_MONTH, "indicators.csv"))}`);
    expect(r.screen).not.toContain("index.html");
    expect(r.screen).toContain("Bara data (--only data)");
    expect(existsSync(path.join(out, SAMPLE_MONTH, "index.html"))).toBe(false);
  });

  it("logs when asked to with --log-format, and then points at the page it wrote", () => {
    const r = onTerminal([...sampleArgs(out), "--log-format", "pretty"]);
    expect(r.code).toBe(0);
    expect(r.screen).toMatch(/\bINFO\b/);
    const page = path.join(out, SAMPLE_MONTH, "index.html");
    expect(r.screen).toContain(`→ ${path.relative(PROJECT_ROOT, page)}`);
    expect(existsSync(page)).toBe(true);
    // The archive's time series is published with the pages: listed in the manifest, one row per
    // area × category of the month (the same rows as its indicators.csv) plus the header.
    const manifest = JSON.parse(readFileSync(path.join(out, "manifest.json"), "utf8")) as { files: Array<{ path: string }> };
    expect(manifest.files.map((f) => f.path)).toContain("serie.csv");
    const lines = (file: string) => readFileSync(file, "utf8").split("\r\n").filter((l) => l !== "").length;
    expect(lines(path.join(out, "serie.csv"))).toBe(lines(path.join(out, SAMPLE_MONTH, "indicators.csv")));
    expect(r.screen).toContain(`alla månader som CSV: ${path.relative(PROJECT_ROOT, path.join(out, "serie.csv"))}`);
  });
});

describe("usage errors answer in Swedish", () => {
  it.each([
    [["run", "--moth", "2024-03"], "lagesbild: Okänd flagga: --moth – menade du --month? (se lagesbild --help)\n"],
    [["run", "--Month", "2024-03"], "lagesbild: Okänd flagga: --Month – menade du --month? (se lagesbild --help)\n"],
    [["run", "--zzz"], "lagesbild: Okänd flagga: --zzz (se lagesbild --help)\n"],
    [["run", "-x"], "lagesbild: Okänd flagga: -x (se lagesbild --help)\n"],
    [["run", "--month"], "lagesbild: --month kräver ett värde, till exempel --month 2024-03 (se lagesbild --help)\n"],
    [["run", "--config", "--force"], "lagesbild: --config kräver ett värde, till exempel --config config/lagesbild.yaml (se lagesbild --help)\n"],
    [["run", "--force=ja"], "lagesbild: --force tar inget värde; skriv bara --force (se lagesbild --help)\n"],
    [["run", "--only", "html"], 'lagesbild: --only: "html" – det enda värdet är data\n'],
    [["bygg"], "lagesbild: Okänt kommando: bygg (se lagesbild --help)\n"],
  ])("%j", (args, message) => {
    const r = runCli(args);
    expect({ code: r.code, stderr: r.stderr, stdout: r.stdout }).toEqual({ code: 2, stderr: message, stdout: "" });
  });
});
