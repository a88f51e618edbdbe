/**
 * The golden test's comparison (test/helpers/golden.ts) reports every kind of difference, so that the
 * golden test can fail and says where: a changed text file with its first differing line, a changed
 * chart by hash, a missing and an unexpected file, a changed summary.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { compareWithGolden, firstDifference, goldenFailureMessage, writeGolden } from "../../helpers/golden.ts";

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function tree(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(path.join(tmpdir(), "golden-compare-"));
  dirs.push(dir);
  for (const [rel, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), content);
  }
  return dir;
}

// A month's CSV in its published bytes: BOM, CRLF (outputs.md, indicators.csv).
const CSV = "\uFEFFomrade_id;antal\r\nkommun;19\r\ncentrum;4\r\n";
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);

function golden(): string {
  const out = tree({ "2026-10/indicators.csv": CSV, "2026-10/charts/a.png": PNG, "feed.xml": "<feed/>\n" });
  const dir = mkdtempSync(path.join(tmpdir(), "golden-compare-golden-"));
  dirs.push(dir);
  writeGolden({ out, stdout: "Månader: 1 skrivna\n" }, dir);
  return dir;
}

describe("comparing a run with the golden output", () => {
  it("finds nothing when every file and the summary are the same", () => {
    const out = tree({ "2026-10/indicators.csv": CSV, "2026-10/charts/a.png": PNG, "feed.xml": "<feed/>\n" });
    expect(compareWithGolden({ out, stdout: "Månader: 1 skrivna\n" }, golden())).toEqual([]);
  });

  it("names a changed text file and its first differing line", () => {
    const out = tree({ "2026-10/indicators.csv": CSV.replace("centrum;4", "centrum;5"), "2026-10/charts/a.png": PNG, "feed.xml": "<feed/>\n" });
    const problems = compareWithGolden({ out, stdout: "Månader: 1 skrivna\n" }, golden());
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain("2026-10/indicators.csv: differs at line 3:");
    expect(problems[0]).toContain('- "centrum;4\\r"');
    expect(problems[0]).toContain('+ "centrum;5\\r"');
  });

  it("sees line ends changed from CRLF to LF", () => {
    const out = tree({ "2026-10/indicators.csv": CSV.replaceAll("\r\n", "\n"), "2026-10/charts/a.png": PNG, "feed.xml": "<feed/>\n" });
    const problems = compareWithGolden({ out, stdout: "Månader: 1 skrivna\n" }, golden());
    expect(problems.map((p) => p.split(":")[0])).toEqual(["2026-10/indicators.csv"]);
    expect(problems[0]).toContain("line 1:");
  });

  it("names a changed chart by hash, a missing file, an unexpected file and a changed summary", () => {
    const out = tree({ "2026-10/indicators.csv": CSV, "2026-10/charts/a.png": Buffer.from([0x89, 0x50]), "stray.tmp": "x" });
    const problems = compareWithGolden({ out, stdout: "Månader: 2 skrivna\n" }, golden());
    expect(problems.map((p) => p.split(":")[0]).sort()).toEqual(["2026-10/charts/a.png", "feed.xml", "stdout (the run summary)", "stray.tmp"]);
    expect(problems.find((p) => p.startsWith("feed.xml"))).toBe("feed.xml: missing from the output");
    expect(problems.find((p) => p.startsWith("stray.tmp"))).toBe("stray.tmp: written but not in the golden output");
  });

  it("tells how to update the golden output deliberately", () => {
    const message = goldenFailureMessage(["feed.xml: missing from the output"]);
    expect(message).toContain("1 place(s)");
    expect(message).toContain("npm run golden:update");
    expect(message).not.toContain("fonts");
  });
});

describe("the first difference of two texts", () => {
  it("shows the line number and a window around the first differing column of a long line", () => {
    const long = `${"x".repeat(1000)}A${"y".repeat(1000)}`;
    const d = firstDifference(`one\n${long}\n`, `one\n${long.replace("A", "B")}\n`);
    expect(d.startsWith("line 2:")).toBe(true);
    // 60 characters before the difference are kept, and the line is cut at 200 characters.
    expect(d).toContain(`"…${"x".repeat(60)}A${"y".repeat(139)}…"`);
  });

  it("says when one text ends before the other", () => {
    expect(firstDifference("a\nb", "a")).toBe('line 2:\n      - "b"\n      + (no line: the file ends here)');
  });
});
