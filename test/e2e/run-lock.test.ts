/**
 * One run per output folder (spec/outputs.md, spec/cli.md exit 3): a second run while one holds the
 * lock exits 3 and changes nothing; a lock left by a dead process is taken over with a warning.
 * Updated for issue 14.4: the lock is an flock, so "held" means a live flock, not a live pid.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/run-cli.ts";
import { spawnCli } from "../helpers/spawn-cli.ts";
import { rangeProject } from "../fixtures/range/project.ts";

const LOCK = ".lagesbild.lock";
const args = (extra: string[] = []) => ["run", "--config", "config/lagesbild.yaml", "--log-format", "json", "--generated-at", "2025-01-02T06:00:00+01:00", ...extra];

describe("the lock on the output folder", () => {
  it("makes a second, concurrent run exit 3 while the first is busy", async () => {
    const root = rangeProject();
    // A long run: every month of 2023-2024 with HTML and charts.
    const first = spawnCli(args(["--from", "2023-01", "--to", "2024-12", "--force"]), root);
    try {
      await first.waitFor(/"n":1,/);
      const second = runCli(args(["--month", "2024-12", "--only", "data"]), { cwd: root });
      expect(second.code).toBe(3);
      expect(second.stderr).toMatch(/En annan körning \(pid \d+ på .+\) arbetar redan/);
    } finally {
      first.child.kill("SIGKILL");
      await first.exited;
    }
  });

  it("makes a run exit 3 when a live process holds the lock", async () => {
    const root = rangeProject();
    mkdirSync(path.join(root, "reports"));
    const lockFile = path.join(root, "reports", LOCK);
    writeFileSync(lockFile, `${process.pid}\n`);
    // The lock is a kernel flock (issue 14.4): held here by flock(1) around a sleep.
    const holder = spawn("flock", ["-n", lockFile, "-c", "echo held; exec sleep 60"], { stdio: ["ignore", "pipe", "ignore"] });
    await new Promise<void>((resolve) => holder.stdout!.once("data", () => resolve()));
    try {
      const r = runCli(args(["--only", "data"]), { cwd: root });
      expect(r.code).toBe(3);
      expect(existsSync(path.join(root, "reports", "2024-12"))).toBe(false);
      expect(readFileSync(lockFile, "utf8")).toBe(`${process.pid}\n`);
    } finally {
      holder.kill("SIGKILL");
    }
  });

  it("takes over a lock left by a dead process, with a warning", () => {
    const root = rangeProject();
    mkdirSync(path.join(root, "reports"));
    const dead = spawnSync(process.execPath, ["-e", ""]).pid!; // has exited when spawnSync returns
    writeFileSync(path.join(root, "reports", LOCK), `${dead}\n`);
    const r = runCli(args(["--only", "data"]), { cwd: root });
    expect(r.code).toBe(0);
    const warning = r.stderr.split("\n").filter((l) => l.includes("kvarlämnat lås")).map((l) => JSON.parse(l));
    expect(warning).toEqual([expect.objectContaining({ level: 40, msg: expect.stringContaining(`pid ${dead} avslutades utan att släppa det`) })]);
    expect(existsSync(path.join(root, "reports", "2024-12", "indicators.json"))).toBe(true);
    // The lock file stays (an flock'ed file is never deleted), emptied by the clean exit.
    expect(readFileSync(path.join(root, "reports", LOCK), "utf8")).toBe("");
  });
});
