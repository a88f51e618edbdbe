// npm run bench: a child stopped at its time limit is a "more than" figure, not a failure (issue 20).
import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { ChildTimedOut, runChild } from "../../../scripts/bench/measure.ts";

describe("runChild with a time limit", () => {
  it("stops a child that runs too long, leaves no process behind and says it was stopped", () => {
    const marker = `bench-measure-test-${process.pid}`;
    let caught: unknown;
    try {
      runChild(["-e", `setTimeout(() => {}, 120000); // ${marker}`], process.cwd(), {}, 1);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ChildTimedOut);
    expect((caught as ChildTimedOut).timeoutSeconds).toBe(1);
    // The node child itself is gone (not only GNU time or timeout).
    const left = execFileSync("ps", ["-eo", "args"], { encoding: "utf8" }).split("\n").filter((l) => l.includes(marker) && !l.includes("ps -eo"));
    expect(left).toEqual([]);
  }, 30_000);

  it("reports a child that fails before its limit as an error, not as stopped", () => {
    expect(() => runChild(["-e", "process.exit(3)"], process.cwd(), {}, 30)).toThrow(/exited/);
    expect(() => runChild(["-e", "process.exit(3)"], process.cwd(), {}, 30)).not.toThrow(ChildTimedOut);
  });
});
