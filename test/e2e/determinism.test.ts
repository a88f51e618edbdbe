/**
 * Same inputs + the same "now" ⇒ byte-identical outputs (spec/cli.md --generated-at, SOURCE_DATE_EPOCH):
 * the sample kommun is built twice into two folders, once with --generated-at and once with the same
 * instant as SOURCE_DATE_EPOCH, and every file (HTML, JSON, CSV, PNG charts, archive, feed, manifest) is
 * compared byte for byte.
 */
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../helpers/run-cli.ts";

const AT = "2026-11-02T06:00:00+01:00";
const EPOCH = String(Date.parse(AT) / 1000); // 2026-11-02T05:00:00Z

function files(dir: string, rel = ""): string[] {
  return readdirSync(path.join(dir, rel), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(dir, path.join(rel, e.name)) : [path.join(rel, e.name)],
  );
}

describe("two runs of the sample at the same instant", () => {
  const a = mkdtempSync(path.join(tmpdir(), "lagesbild-det-a-"));
  const b = mkdtempSync(path.join(tmpdir(), "lagesbild-det-b-"));
  const range = ["run", "--month", "2026-09", "--log-format", "json"];
  beforeAll(() => {
    expect(runCli([...range, "--out", a, "--generated-at", AT]).code).toBe(0);
    expect(runCli([...range, "--out", b], { env: { SOURCE_DATE_EPOCH: EPOCH } }).code).toBe(0);
  });

  it("write the same files", () => {
    const list = files(a).sort();
    expect(list).toContain(path.join("2026-09", "index.html"));
    expect(list.some((f) => f.endsWith(".png"))).toBe(true);
    expect(files(b).sort()).toEqual(list);
  });

  it("write every file byte for byte the same", () => {
    const differing = files(a).filter((f) => !readFileSync(path.join(a, f)).equals(readFileSync(path.join(b, f))));
    expect(differing).toEqual([]);
  });
});
