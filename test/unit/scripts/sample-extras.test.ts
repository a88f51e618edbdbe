/**
 * The committed survey, field-report and åtgärdsplan sample (data/surveys, data/field-reports,
 * data/atgarder) is generated, never hand-edited: it must equal a fresh run of scripts/sample/extras.ts.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { generateExtras } from "../../../scripts/sample/extras.ts";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const tmp = mkdtempSync(path.join(tmpdir(), "lagesbild-extras-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe("sample extras", () => {
  it("writes the committed survey, field-report and action files byte for byte", () => {
    const files = generateExtras(tmp).map((f) => path.relative(tmp, f));
    expect(files.length).toBe(7);
    for (const f of files) expect(readFileSync(path.join(tmp, f)).equals(readFileSync(path.join(ROOT, "data", f))), f).toBe(true);
  });
});
