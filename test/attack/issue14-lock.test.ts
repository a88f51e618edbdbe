/**
 * Issue 14.4: the lock on the output folder. A killed holder must release it at once, in a container
 * too (pid 1 again and again); a lock file naming a live but unrelated pid must not block; two runs
 * that find a stale lock must never both get in; a folder at the lock path is a clear exit 2. And a
 * run killed at any moment leaves a folder the next run repairs (the kill figures of the report).
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import path from "node:path";
import { DOMParser } from "@xmldom/xmldom";
import { describe, expect, it } from "vitest";
import { sha256Hex } from "../../src/core/sha256-hex.ts";
import { runCli } from "../helpers/run-cli.ts";
import { PROJECT_ROOT } from "../helpers/run-cli.ts";
import { rangeProject } from "../fixtures/range/project.ts";

const LOCK = ".lagesbild.lock";
const HOLDER = ".lagesbild.lock.holder";
const BIN = path.join(PROJECT_ROOT, "bin", "lagesbild.js");
const AT = "2025-01-02T06:00:00+01:00";
const args = (extra: string[]) => ["run", "--config", "config/lagesbild.yaml", "--log-format", "json", "--generated-at", AT, ...extra];
/** A long run: 24 months with HTML and charts, so there is time to kill it in the middle. */
const LONG = args(["--from", "2023-01", "--to", "2024-12", "--force"]);

/** SIGKILL moments through a 24-month run; every next run repairs and leaves no temporary. */
const KILL_DELAYS_MS = [300, 700, 1200, 1800, 2600, 3500, 4500, 6000];

const unshareWorks = spawnSync("unshare", ["--user", "--map-root-user", "--pid", "--fork", "--kill-child", "true"]).status === 0;
const flockWorks = spawnSync("flock", ["--version"]).status === 0;

function start(cwd: string, argv: string[], env: Record<string, string> = {}, prefix: string[] = []): { child: ChildProcess; exited: Promise<number | string>; stderr: () => string } {
  const command = prefix.length > 0 ? prefix[0]! : process.execPath;
  const all = prefix.length > 0 ? [...prefix.slice(1), process.execPath, BIN, ...argv] : [BIN, ...argv];
  const child = spawn(command, all, { cwd, env: { ...process.env, SOURCE_DATE_EPOCH: "", ...env }, stdio: ["ignore", "ignore", "pipe"] });
  let err = "";
  child.stderr!.setEncoding("utf8").on("data", (c: string) => (err += c));
  const exited = new Promise<number | string>((resolve) => child.on("exit", (code, signal) => resolve(code ?? signal ?? -1)));
  return { child, exited, stderr: () => err };
}

async function until(check: () => boolean, ms = 60_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 20));
  }
}

const holder = (root: string) => {
  try {
    return JSON.parse(readFileSync(path.join(root, "reports", HOLDER), "utf8")) as { pid: number; proc_pid: number; host: string; boot_id: string; start_time: string };
  } catch {
    return null;
  }
};

/** The output folder is consistent: every manifest file is there with its hash, the feed parses and has an entry per month. */
function consistent(root: string): string[] {
  const out = path.join(root, "reports");
  const problems: string[] = [];
  const manifest = JSON.parse(readFileSync(path.join(out, "manifest.json"), "utf8")) as { files: Array<{ path: string; sha256: string }>; months: Record<string, unknown> };
  for (const f of manifest.files) {
    const file = path.join(out, f.path);
    if (!existsSync(file)) problems.push(`${f.path}: missing`);
    else if (sha256Hex(readFileSync(file)) !== f.sha256) problems.push(`${f.path}: hash`);
  }
  if (existsSync(path.join(out, "feed.xml"))) {
    const feed = new DOMParser().parseFromString(readFileSync(path.join(out, "feed.xml"), "utf8"), "application/xml");
    const ids = Array.from(feed.getElementsByTagName("entry")).map((e) => e.getElementsByTagName("id")[0]!.textContent!.slice(-7));
    const months = Object.keys(manifest.months).filter((m) => existsSync(path.join(out, m, "index.html")));
    if (JSON.stringify([...ids].sort()) !== JSON.stringify(months.sort())) problems.push(`feed ${ids.join(",")} vs manifest ${months.join(",")}`);
  }
  return problems;
}

describe.runIf(flockWorks)("the lock (issue 14.4)", () => {
  it("a run killed in a container (pid 1) does not block the next one, also pid 1 (skipped where unshare --user --pid is not permitted)", async (ctx) => {
    if (!unshareWorks) return ctx.skip();
    const root = rangeProject();
    const ns = ["unshare", "--user", "--map-root-user", "--pid", "--fork", "--kill-child"];
    const first = start(root, LONG, {}, ns);
    await until(() => holder(root)?.pid === 1);
    const h = holder(root)!;
    expect([h.host, h.boot_id]).toEqual([hostname(), readFileSync("/proc/sys/kernel/random/boot_id", "utf8").trim()]);
    expect(h.start_time).toMatch(/^\d+$/);
    // The namespace's pid 1, by the pid /proc knows it as: its death kills the whole namespace.
    process.kill(h.proc_pid, "SIGKILL");
    await first.exited;
    expect(holder(root)?.pid).toBe(1); // the killed run's name is still in the holder file
    const second = start(root, args(["--month", "2024-12", "--only", "data"]), {}, ns);
    expect(await second.exited, second.stderr()).toBe(0);
    expect(second.stderr()).toContain("Tog över ett kvarlämnat lås");
    expect(consistent(root)).toEqual([]);
  }, 120_000);

  it.each([
    ["JSON naming this live test process", () => JSON.stringify({ host: hostname(), boot_id: "x", pid: process.pid, proc_pid: process.pid, start_time: "1", since: "2020-01-01T00:00:00Z" })],
    ["a bare pid of this live test process", () => `${process.pid}\n`],
    ["pid 1 (init: always alive)", () => "1\n"],
  ])("a lock naming an unrelated live pid (%s) is taken over with a warning", (_name, content) => {
    const root = rangeProject();
    mkdirSync(path.join(root, "reports"));
    // In the holder file (this version) and as the content of the lock file (a pid file of the old one).
    writeFileSync(path.join(root, "reports", HOLDER), content());
    writeFileSync(path.join(root, "reports", LOCK), content());
    const r = runCli(args(["--month", "2024-12", "--only", "data"]), { cwd: root });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain("Tog över ett kvarlämnat lås");
  });

  it("two runs that find the same stale lock never both get in (window widened to 1.5 s)", async () => {
    const root = rangeProject();
    mkdirSync(path.join(root, "reports"));
    const dead = spawnSync(process.execPath, ["-e", ""]).pid!;
    writeFileSync(path.join(root, "reports", LOCK), `${dead}\n`);
    const env = { LAGESBILD_LOCK_TEST_DELAY_MS: "1500" };
    const a = start(root, args(["--month", "2024-11", "--force"]), env);
    const b = start(root, args(["--month", "2024-12", "--force"]), env);
    const codes = [await a.exited, await b.exited].sort();
    expect(codes, a.stderr() + b.stderr()).toEqual([0, 3]);
    expect(consistent(root)).toEqual([]);
  }, 120_000);

  it("a folder where the lock file should be is exit 2 with a message, not an internal error", () => {
    const root = rangeProject();
    mkdirSync(path.join(root, "reports", LOCK), { recursive: true });
    const r = runCli(args(["--month", "2024-12", "--only", "data"]), { cwd: root });
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain("låsfil");
    expect(r.stderr).not.toContain("internt fel");
  });

  it(`a run killed at ${KILL_DELAYS_MS.length} moments is repaired by the next run every time`, async () => {
    const root = rangeProject();
    const survived: number[] = [];
    for (const delay of KILL_DELAYS_MS) {
      const run = start(root, LONG);
      await new Promise((r) => setTimeout(r, delay));
      run.child.kill("SIGKILL");
      await run.exited;
      const next = runCli(args(["--month", "2024-12"]), { cwd: root });
      expect(next.code, next.stderr).toBe(0);
      expect(consistent(root)).toEqual([]);
      const temporaries = [path.join(root, "reports"), path.join(root, "var")].flatMap((d) => listAll(d)).filter((f) => /\.tmp-|\.part-|\.part$|^\.new-|^\.old-/.test(path.basename(f)));
      expect(temporaries).toEqual([]);
      survived.push(delay);
    }
    console.info(`issue14: ${survived.length} of ${KILL_DELAYS_MS.length} kills survived`);
  }, 300_000);
});

function listAll(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? [full, ...listAll(full)] : [full];
  });
}
