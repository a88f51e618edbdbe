/**
 * `lagesbild publish --to DIR` (spec/cli.md, spec/outputs.md "Publishing"): verifies the output folder
 * against manifest.json (a tampered file is refused with exit 1 and DIR untouched), copies the tree
 * beside DIR and swaps it in with one rename, keeping DIR.previous. Interrupted at any point – a copy
 * that fails at each file in turn, or the process killed with SIGKILL at several moments – DIR still
 * serves a complete tree: every file of DIR verifies against DIR's own manifest.json.
 */
import { spawn } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { readManifest, verifyManifest } from "../../src/publish/manifest.ts";
import { publish } from "../../src/publish/publish.ts";
import { PROJECT_ROOT, runCli } from "../helpers/run-cli.ts";
import { buildSampleReport } from "../helpers/sample-report.ts";

const CONFIG = path.join(PROJECT_ROOT, "config", "lagesbild.yaml");
let oldOut: string;
let newOut: string;

/** The problems of the tree DIR serves: [] when every file matches DIR's own manifest.json. */
function servedProblems(dir: string): string[] {
  const m = readManifest(dir);
  return m === null ? ["no manifest"] : verifyManifest(dir, m);
}
const generatedAt = (dir: string) => readManifest(dir)?.generated_at;
const cli = (out: string, to: string) => runCli(["publish", "--config", CONFIG, "--out", out, "--to", to]);

/** A web root that already serves the old tree. */
function liveRoot(): string {
  const parent = mkdtempSync(path.join(tmpdir(), "lagesbild-www-"));
  publish(oldOut, path.join(parent, "lagesbild"));
  return path.join(parent, "lagesbild");
}

beforeAll(() => {
  oldOut = buildSampleReport("lagesbild-pub-old-");
  // The same report built again later: every file that carries generated_at differs.
  newOut = mkdtempSync(path.join(tmpdir(), "lagesbild-pub-new-"));
  cpSync(oldOut, newOut, { recursive: true });
  const r = runCli(["run", "--config", CONFIG, "--month", "2026-10", "--out", newOut, "--generated-at", "2026-11-20T09:00:00+01:00", "--force", "--log-format", "json"]);
  if (r.code !== 0) throw new Error(r.stderr);
});

describe("lagesbild publish", () => {
  it("publishes a tree where every file verifies against the manifest", () => {
    const parent = mkdtempSync(path.join(tmpdir(), "lagesbild-www-"));
    const to = path.join(parent, "lagesbild");
    const r = cli(newOut, to);
    expect([r.code, servedProblems(to), generatedAt(to)]).toEqual([0, [], "2026-11-20T09:00:00+01:00"]);
  });

  it("swaps the new tree in and keeps the old one as DIR.previous", () => {
    const to = liveRoot();
    expect(cli(newOut, to).code).toBe(0);
    expect([generatedAt(to), generatedAt(`${to}.previous`), servedProblems(`${to}.previous`)]).toEqual([
      "2026-11-20T09:00:00+01:00", "2026-11-03T06:00:00+01:00", [],
    ]);
  });

  it("refuses a tampered output folder with exit 1 and leaves DIR untouched", () => {
    const to = liveRoot();
    const before = readlinkSync(to);
    const tampered = mkdtempSync(path.join(tmpdir(), "lagesbild-pub-bad-"));
    cpSync(newOut, tampered, { recursive: true });
    writeFileSync(path.join(tampered, "2026-10", "indicators.csv"), "omrade_id;antal\r\ncentrum;2\r\n");
    const r = cli(tampered, to);
    expect([r.code, r.stderr.includes("2026-10/indicators.csv"), readlinkSync(to), generatedAt(to), servedProblems(to)]).toEqual([
      1, true, before, "2026-11-03T06:00:00+01:00", [],
    ]);
  });

  it("leaves DIR serving the complete old tree when the copy fails at any file", () => {
    const to = liveRoot();
    const n = readManifest(newOut)!.files.length;
    const outcomes: string[] = [];
    for (const failAt of [0, 1, Math.floor(n / 2), n - 1]) {
      let copied = 0;
      const failing = (from: string, dest: string) => {
        if (copied++ === failAt) throw new Error("disk full (injected)");
        cpSync(from, dest);
      };
      expect(() => publish(newOut, to, { copyFile: failing })).toThrow(/inget publicerades/);
      outcomes.push(`${generatedAt(to)} ${servedProblems(to).length}`);
    }
    expect(outcomes).toEqual(Array(4).fill("2026-11-03T06:00:00+01:00 0"));
  });

  it("removes the half-copied tree of a failed publish", () => {
    const to = liveRoot();
    const parent = path.dirname(to);
    const before = readdirSync(parent).sort();
    expect(() => publish(newOut, to, { copyFile: () => { throw new Error("injected"); } })).toThrow();
    expect(readdirSync(parent).sort()).toEqual(before);
  });

  it("leaves DIR serving a complete tree, old or new, when killed with SIGKILL at any moment", async () => {
    const to = liveRoot();
    const served: string[] = [];
    // Kill at fractions of a whole publish's duration on this machine, so the kills land in start-up,
    // verification, copying and the swap whatever the machine's speed.
    const started = Date.now();
    expect(cli(newOut, to).code).toBe(0);
    const whole = Date.now() - started;
    for (const delay of [0.6, 0.8, 0.9, 0.97].map((f) => Math.round(f * whole))) {
      // Start each round from the old tree being live.
      publish(oldOut, to);
      const child = spawn(process.execPath, [path.join(PROJECT_ROOT, "bin", "lagesbild.js"), "publish", "--config", CONFIG, "--out", newOut, "--to", to], { stdio: "ignore" });
      // Listen before waiting: a child that finishes before the kill must not leave us waiting forever.
      const exited = new Promise((resolve) => child.once("exit", resolve));
      await new Promise((resolve) => setTimeout(resolve, delay));
      child.kill("SIGKILL");
      await exited;
      const problems = servedProblems(to);
      if (problems.length > 0) throw new Error(`after ${delay} ms: ${problems.join(", ")}`);
      served.push(generatedAt(to) ?? "none");
    }
    expect(served.every((g) => g === "2026-11-03T06:00:00+01:00" || g === "2026-11-20T09:00:00+01:00")).toBe(true);
    // And the next publish after all those interruptions succeeds.
    expect([cli(newOut, to).code, servedProblems(to), generatedAt(to)]).toEqual([0, [], "2026-11-20T09:00:00+01:00"]);
  }, 180_000);

  it("publishes the same manifest again without touching the live tree's files", () => {
    const to = liveRoot();
    const live = path.join(path.dirname(to), readlinkSync(to));
    publish(oldOut, to);
    expect([existsSync(path.join(to, "index.html")), servedProblems(to), readlinkSync(`${to}.previous`)]).toEqual([
      true, [], path.basename(live),
    ]);
  });

  it("does not copy files the manifest does not list", () => {
    const extra = mkdtempSync(path.join(tmpdir(), "lagesbild-pub-extra-"));
    cpSync(newOut, extra, { recursive: true });
    writeFileSync(path.join(extra, "secret-notes.txt"), "inte för publicering");
    const to = path.join(mkdtempSync(path.join(tmpdir(), "lagesbild-www-")), "lagesbild");
    publish(extra, to);
    expect(existsSync(path.join(to, "secret-notes.txt"))).toBe(false);
    expect(readFileSync(path.join(to, "manifest.json"), "utf8")).toBe(readFileSync(path.join(extra, "manifest.json"), "utf8"));
  });
});
