import { describe, expect, it } from "vitest";
import { buildAreaResolver } from "../../../src/ingest/area-resolver.ts";
import { buildLabelMap } from "../../../src/ingest/text/label-map.ts";
import { isBalanced, MAX_PROBLEMS_PER_FILE, addProblem, newFileReport, reclassifyAccepted, record } from "../../../src/ingest/tally.ts";

describe("buildLabelMap", () => {
  const labels = buildLabelMap(
    { Skadegörelse: "skadegorelse", "Misshandel, grov": "misshandel", "Sammanfattning natt": "ovrigt" },
    ["Trafikolycka", "Sammanfattning *"],
  );

  it.each([
    ["Skadegörelse", { kind: "mapped", id: "skadegorelse" }],
    ["  SKADEGÖRELSE ", { kind: "mapped", id: "skadegorelse" }],
    ["Misshandel,\u00a0 grov", { kind: "mapped", id: "misshandel" }],
    ["Trafikolycka", { kind: "ignored" }],
    ["trafikolycka", { kind: "ignored" }],
    ["Sammanfattning  kväll", { kind: "ignored" }],
    // categories win over an ignore pattern that also matches (spec/cli.md)
    ["Sammanfattning natt", { kind: "mapped", id: "ovrigt" }],
    ["Vapenbrott", { kind: "unknown" }],
    ["Trafikolycka, singel", { kind: "unknown" }],
  ])("%j → %j", (label, outcome) => {
    expect(labels.lookup(label)).toEqual(outcome);
  });

  it('ignore: ["*"] leaves every unmapped label out', () => {
    const all = buildLabelMap({ Stöld: "stold" }, ["*"]);
    expect(all.lookup("Vad som helst")).toEqual({ kind: "ignored" });
    expect(all.lookup("stöld")).toEqual({ kind: "mapped", id: "stold" });
  });
});

describe("buildAreaResolver", () => {
  const areas = [
    { id: "centrum", name: "Centrum", aliases: ["Söderhamns centrum", "Stenstan"] },
    { id: "ljusne", name: "Ljusne", aliases: [] },
  ];

  it.each([
    ["centrum", "centrum"],
    ["CENTRUM", "centrum"],
    ["söderhamns  centrum", "centrum"],
    ["Stenstan", "centrum"],
    ["Ljusne", "ljusne"],
    ["", "okant"],
    ["   ", "okant"],
    ["Storgatan 3", "okant"],
  ])("keep: %j → %j", (cell, id) => {
    expect(buildAreaResolver(areas, "keep").resolve(cell)).toBe(id);
  });

  it("reject: an unknown name is the rejection unknown_area:<name>, an empty one is still okant", () => {
    const resolver = buildAreaResolver(areas, "reject");
    expect(resolver.resolve(" Storgatan 3 ")).toEqual({ reject: "unknown_area:Storgatan 3" });
    expect(resolver.resolve("")).toBe("okant");
  });
});

describe("tally", () => {
  it("counts each row once, whole-file and per month, and a supersede keeps rows read", () => {
    const report = newFileReport("data/a.csv", "0".repeat(64), "utf-8");
    record(report, "accepted", null, "2024-03");
    record(report, "accepted", null, "2024-03");
    record(report, "ignored", "blank", null);
    record(report, "rejected", "bad_date", null);
    reclassifyAccepted(report, "2024-03", "superseded");
    expect(report.tally).toEqual({
      read: 4,
      accepted: 1,
      ignored: 2,
      rejected: 1,
      ignored_by_reason: { blank: 1, superseded: 1 },
      rejected_by_reason: { bad_date: 1 },
    });
    expect(report.by_month["2024-03"]).toMatchObject({ read: 2, accepted: 1, ignored: 1 });
    expect(report.by_month.undated).toMatchObject({ read: 2, ignored: 1, rejected: 1 });
    for (const t of [report.tally, ...Object.values(report.by_month)]) expect(isBalanced(t)).toBe(true);
  });

  it("caps the problems kept per file and counts the rest", () => {
    const report = newFileReport("data/a.csv", "0".repeat(64), "utf-8");
    for (let i = 1; i <= MAX_PROBLEMS_PER_FILE + 5; i++) addProblem(report, { file: "data/a.csv", line: i, reason: "bad_date", message: "x" });
    expect(report.problems).toHaveLength(MAX_PROBLEMS_PER_FILE);
    expect(report.problems_truncated).toBe(5);
  });
});
