import { afterEach, describe, expect, it } from "vitest";
import { ingestSources } from "../../../src/ingest/ingest-sources.ts";
import { makeProject, NOW, POLIS_SOURCE, type TestProject } from "../../fixtures/ingest/project.ts";

let project: TestProject | null = null;
afterEach(() => {
  project?.cleanup();
  project = null;
});

describe("bad_encoding", () => {
  it("names the byte offsets where a file is neither UTF-8 nor Windows-1252", async () => {
    project = makeProject(POLIS_SOURCE);
    const header = Buffer.from("Datum;Brottstyp;Område\r\n", "latin1"); // 24 bytes: "Område" is 1252 (0xE5)
    const row = Buffer.concat([Buffer.from("2024-03-01;Stöld;C", "latin1"), Buffer.from([0x81]), Buffer.from("ntrum\r\n")]);
    project.write("polis-1.csv", Buffer.concat([header, row]));
    const file = (await ingestSources(project.config, { now: NOW, quarantine: false })).incidents[0]!.files[0]!;
    expect(file.encoding).toBe("windows-1252");
    // 0xE5 of "Område" is at 19 (first invalid UTF-8); 0x81 at 24 + 18 = 42.
    expect(file.problems).toEqual([
      // POLIS_SOURCE maps id and count, which this file lacks: a note, not an error.
      expect.objectContaining({ line: null, reason: "missing_column", message: expect.stringContaining('"Diarienummer" (id), "Antal" (count)') }),
      expect.objectContaining({
        line: 2,
        reason: "bad_encoding",
        message: expect.stringContaining("varken UTF-8 (första ogiltiga byte vid position 19) eller Windows-1252 (byte 0x81 vid position 42"),
      }),
    ]);
  });
});
