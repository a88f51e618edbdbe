/**
 * LagesbildError (src/core/errors.ts): every code maps to the exit code spec/cli.md gives it, the error
 * carries the file and line it concerns, and the test helper that asserts codes fails when it should.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { type ErrorCode, LagesbildError } from "../../../src/core/errors.ts";
import { readPollLog } from "../../../src/ingest/poll-log.ts";
import { archiveSource, readIndicatorsFile } from "../../../src/publish/read-indicators.ts";
import { expectLagesbildError, expectLagesbildRejection } from "../../helpers/errors.ts";

describe("exit codes by error code", () => {
  // spec/cli.md "Exit codes": 1 a data problem (no file, unreadable file, rejected share; publishing
  // failed), 2 usage or config, 3 the lock, 4 not yet covered; a failed poll changed nothing (1).
  it.each<[ErrorCode, number]>([
    ["usage", 2],
    ["config", 2],
    ["no_files", 1],
    ["unreadable_file", 1],
    ["rejected_share", 1],
    ["not_covered", 4],
    ["locked", 3],
    ["publish", 1],
    ["fetch_failed", 1],
  ])("%s exits %i", (code, exit) => {
    expect(new LagesbildError(code, "x").exitCode).toBe(exit);
  });
});

describe("the context an error carries", () => {
  it("keeps the message as written, with the file, the line and the cause beside it", () => {
    const cause = new Error("EACCES");
    const e = new LagesbildError("unreadable_file", "Filen data/a.csv kan inte läsas.", { cause, file: "data/a.csv", line: 7 });
    expect(e.message).toBe("Filen data/a.csv kan inte läsas.");
    expect(e).toMatchObject({ code: "unreadable_file", file: "data/a.csv", line: 7, cause, name: "LagesbildError" });
  });

  it("has no file or line when none is given", () => {
    const e = new LagesbildError("usage", "Okänd flagga --x.");
    expect([e.file, e.line, "cause" in e]).toEqual([undefined, undefined, false]);
  });

  it("names the line of a poll log that cannot be read", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "lagesbild-errors-"));
    try {
      // Line 1 is a valid-looking JSON object with the wrong fields; line 2 is not JSON at all. The
      // first bad line stops the reading, so the error is about line 1.
      writeFileSync(path.join(dir, "hamtlogg-2026-08.jsonl"), '{"x":1}\nnot json\n');
      expectLagesbildError(() => readPollLog(dir), "unreadable_file", { file: path.join(dir, "hamtlogg-2026-08.jsonl"), line: 1 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("reading a published indicators.json back", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "lagesbild-read-ind-"));
  mkdirSync(path.join(dir, "2026-10"));
  const file = path.join(dir, "2026-10", "indicators.json");
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each([
    ["absent", null],
    ["not JSON", "{ inte json"],
    ["JSON of another shape", '{"schema":"lagesbild.indicators/v1","month":"2026-10"}'],
  ])("gives null for a file that is %s", (_what, content) => {
    if (content !== null) writeFileSync(file, content);
    expect(readIndicatorsFile(content === null ? path.join(dir, "saknas.json") : file)).toBeNull();
  });

  it("stops the archive with a publish error that names the month's file", () => {
    writeFileSync(file, "{}");
    const e = expectLagesbildError(() => archiveSource(file, "2026-10"), "publish", { file });
    expect(e.message).toContain("lagesbild run --month 2026-10 --force");
  });
});

describe("the helpers that assert codes", () => {
  it("fail on another code, on another error type and when nothing is thrown", () => {
    expect(() => expectLagesbildError(() => { throw new LagesbildError("config", "x"); }, "usage")).toThrow(/code/);
    expect(() => expectLagesbildError(() => { throw new TypeError("y"); }, "usage")).toThrow(/got TypeError: y/);
    expect(() => expectLagesbildError(() => 1, "usage")).toThrow(/nothing was thrown/);
    expect(() => expectLagesbildError(() => { throw new LagesbildError("config", "x", { line: 3 }); }, "config", { line: 4 })).toThrow(/line/);
  });

  it("check a rejected promise too", async () => {
    await expectLagesbildRejection(Promise.reject(new LagesbildError("locked", "låst")), "locked");
    await expect(expectLagesbildRejection(Promise.resolve(1), "locked")).rejects.toThrow(/resolved/);
  });
});
