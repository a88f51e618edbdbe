/**
 * The quarantine is opened in Excel by analysts and holds raw source text: a cell starting with `=`,
 * `+`, `-` or `@` must not run as a formula (OWASP "CSV Injection": a leading `'` makes it text).
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openQuarantine } from "../../src/ingest/quarantine.ts";

describe("quarantine cells are defused against formula injection", () => {
  it("prefixes a row that starts with = (and quotes it when it holds ; or \")", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "lagesbild-q-"));
    try {
      const q = openQuarantine(dir, "polis");
      await q.write("data/a.csv", 2, "bad_date", ['=HYPERLINK("http://x")', "b"], ",");
      await q.write("data/a.csv", 3, "bad_date", ["@SUM(A1)", "c"], ";");
      await q.write("data/a.csv", 4, "bad_date", ["-5", "d"], ",");
      await q.close();
      const lines = readFileSync(path.join(dir, "polis.csv"), "utf8").split("\r\n");
      expect(lines[1]).toBe(`data/a.csv;2;bad_date;"'=HYPERLINK(""http://x""),b"`);
      expect(lines[2]).toBe(`data/a.csv;3;bad_date;"'@SUM(A1);c"`);
      expect(lines[3]).toBe("data/a.csv;4;bad_date;'-5,d");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
