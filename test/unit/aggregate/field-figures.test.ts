import { describe, expect, it } from "vitest";
import { actionFigures } from "../../../src/aggregate/action-status.ts";
import { actionCounts } from "../../../src/render/section-promises.ts";
import { fieldFigures } from "../../../src/aggregate/field-figures.ts";
import type { ActionRecord, FieldSourceData } from "../../../src/model/extra-records.ts";

const source: FieldSourceData = {
  sourceId: "falt",
  files: [],
  observationTypes: ["berusade", "ungdomar_samlade"],
  activityIds: ["patrull", "trygghetsvandring"],
  cells: [
    { area: "centrum", month: "2024-03", hours: 12.5, shifts: 3, observations: { ungdomar_samlade: 5, berusade: 1 }, activities: { trygghetsvandring: 1 } },
    { area: "norrby", month: "2024-03", hours: 7.5, shifts: 2, observations: { ungdomar_samlade: 3 }, activities: { patrull: 2 } },
    { area: "centrum", month: "2023-03", hours: 8, shifts: 2, observations: { ungdomar_samlade: 2 }, activities: {} },
  ],
  activityDays: [],
};

describe("field figures", () => {
  it("gives hours, shifts and observations per 10 hours for an area", () => {
    // ungdomar 5 / 12.5 h · 10 = 4.0; last year 2 / 8 h · 10 = 2.5. berusade 1 / 12.5 · 10 = 0.8; last year 0 / 8 = 0.
    expect(fieldFigures([source], "centrum", "2024-03")).toEqual({
      hours: 12.5,
      shifts: 3,
      observations: [
        { type: "berusade", count: 1, per_10h: 0.8, same_month_last_year_per_10h: 0 },
        { type: "ungdomar_samlade", count: 5, per_10h: 4, same_month_last_year_per_10h: 2.5 },
      ],
      activities: [{ activity: "patrull", count: 0 }, { activity: "trygghetsvandring", count: 1 }],
    });
  });

  it("sums every area for the kommun", () => {
    // 20 h, 5 shifts; ungdomar 8 / 20 · 10 = 4; last year only centrum: 2 / 8 · 10 = 2.5.
    const f = fieldFigures([source], "kommun", "2024-03");
    expect([f.hours, f.shifts]).toEqual([20, 5]);
    expect(f.observations[1]).toEqual({ type: "ungdomar_samlade", count: 8, per_10h: 4, same_month_last_year_per_10h: 2.5 });
    expect(f.activities).toEqual([{ activity: "patrull", count: 2 }, { activity: "trygghetsvandring", count: 1 }]);
  });

  it("gives null per 10 hours when nobody was in the field", () => {
    // Norrby in March 2024 (last year from 2025-03): 3 / 7.5 h · 10 = 4.
    const f = fieldFigures([source], "norrby", "2025-03");
    expect(f.hours).toBe(0);
    expect(f.observations[1]).toEqual({ type: "ungdomar_samlade", count: 0, per_10h: null, same_month_last_year_per_10h: 4 });
  });
});

const rec = (id: string, date: string, status: string, order: number, comment: string | null = null): ActionRecord => ({
  id, action: `Åtgärd ${id}`, responsible: "kommun", date, status, comment, order,
});

describe("åtgärdsplan status", () => {
  const log = [
    rec("a", "2024-01-10", "ej_paborjad", 0),
    rec("b", "2024-02-01", "pagar", 1),
    rec("a", "2024-03-05", "pagar", 2),
    rec("a", "2024-03-05", "genomford", 3, "Klar enligt plan"),
    rec("a", "2024-04-01", "stoppad", 4),
    rec("c", "2024-05-01", "pagar", 5),
  ];

  it("takes each action's latest row by the month's end, ties to the last row in file order", () => {
    expect(actionFigures(log, "2024-03")).toEqual([
      { id: "a", action: "Åtgärd a", responsible: "kommun", status: "genomford", since: "2024-03-05", comment: "Klar enligt plan" },
      { id: "b", action: "Åtgärd b", responsible: "kommun", status: "pagar", since: "2024-02-01", comment: null },
    ]);
  });

  it("leaves out actions with no row yet and counts per status", () => {
    const actions = actionFigures(log, "2024-01");
    expect(actions.map((a) => a.id)).toEqual(["a"]);
    expect([...actionCounts(actionFigures(log, "2024-05"))]).toEqual([["stoppad", 1], ["pagar", 2]]);
  });
});
