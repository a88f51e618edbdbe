/**
 * `--notify-command CMD` reaches a person when a scheduled run fails: CMD runs with the summary on
 * stdin and the exit code in LAGESBILD_EXIT_CODE; nothing from the data is ever given to the shell.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../helpers/run-cli.ts";
import { baseRows, rangeProject } from "../fixtures/range/project.ts";

// Writes what the command received into files in the project folder (the command's working directory).
const NOTIFY = `cat > notify-stdin.txt && printf '%s|%s' "$LAGESBILD_EXIT_CODE" "$LAGESBILD_FAILED_MONTHS" > notify-env.txt`;
const run = (root: string, month: string) =>
  runCli(["run", "--config", "config/lagesbild.yaml", "--month", month, "--only", "data", "--log-format", "json",
    "--generated-at", "2025-01-02T06:00:00+01:00", "--notify-command", NOTIFY], { cwd: root });

describe("--notify-command on a failed month", () => {
  // A label that is shell syntax, rejected as an unknown category three times (a failure needs at
  // least 3 rejected rows): 3 of 21 rows in 2024-06 > 1 %.
  let root = "";
  let r: ReturnType<typeof run>;
  beforeAll(() => {
    const bad = ["x", "y", "z"].map((id) => ({ id, date: "2024-06-28 12:00", label: "$(touch pwned)", area: "Centrum" }));
    root = rangeProject([...baseRows(), ...bad]);
    r = run(root, "2024-06");
  });

  it("runs the command with the exit code and the failed months in the environment", () => {
    expect(r.code).toBe(1);
    expect(readFileSync(path.join(root, "notify-env.txt"), "utf8")).toBe("1|2024-06");
  });

  it("gives the command the run summary on stdin", () => {
    expect(readFileSync(path.join(root, "notify-stdin.txt"), "utf8")).toBe(r.stdout);
  });

  it("never lets the shell interpret data: a label that is a command stays text", () => {
    expect(readFileSync(path.join(root, "notify-stdin.txt"), "utf8")).toContain('okänd etikett "$(touch pwned)"');
    expect(existsSync(path.join(root, "pwned"))).toBe(false);
  });
});

describe("--notify-command", () => {
  it("reports a failure before any month, such as a config error, with its exit code", () => {
    const root = rangeProject(baseRows(), "kommun: { name: Testby }\n");
    const r = run(root, "2024-06");
    expect(r.code).toBe(2);
    expect(readFileSync(path.join(root, "notify-env.txt"), "utf8")).toBe("2|");
    expect(readFileSync(path.join(root, "notify-stdin.txt"), "utf8")).toMatch(/^lagesbild: Fel i konfigurationen/);
  });

  it("does not run the command when the run succeeds", () => {
    const root = rangeProject();
    expect(run(root, "2024-06").code).toBe(0);
    expect(existsSync(path.join(root, "notify-env.txt"))).toBe(false);
  });
});
