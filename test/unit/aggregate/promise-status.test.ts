import { describe, expect, it } from "vitest";
import { countEpisodes, promiseFigure } from "../../../src/aggregate/promise-status.ts";
import type { ActivityDay } from "../../../src/model/extra-records.ts";

const walks = { id: "vandringar", text: "Två trygghetsvandringar", period: { from: "2024-01", to: "2024-12" }, activity: "trygghetsvandring", target: 2 };
const insatser = { ...walks, id: "insatser", text: "Två riktade insatser om minst två dagar", activity: "riktad-insats", min_days: 2 };
const day = (activity: string, area: string, date: string): ActivityDay => ({ activity, area, date });

describe("episodes", () => {
  it("keeps dates with one day without activity between them in one episode", () => {
    // 3 and 5 March are 2 days apart: not more than 2, so one episode of two dates.
    expect(countEpisodes(["2024-03-03", "2024-03-05"], 2)).toBe(1);
  });

  it("cuts where consecutive dates are three days apart", () => {
    // 3 and 6 March are 3 days apart: two one-date episodes, neither reaches min_days 2.
    expect(countEpisodes(["2024-03-03", "2024-03-06"], 2)).toBe(0);
    expect(countEpisodes(["2024-03-03", "2024-03-04", "2024-03-07", "2024-03-08"], 2)).toBe(2);
  });

  it("counts each distinct date once without min_days (a walk logged by three people is one walk)", () => {
    expect(countEpisodes(["2024-03-03", "2024-03-03", "2024-03-03", "2024-05-10"], undefined)).toBe(2);
  });

  it("crosses a month end inside one episode", () => {
    expect(countEpisodes(["2024-03-31", "2024-04-01"], 2)).toBe(1);
  });
});

describe("promise figures", () => {
  it("counts one episode per (area, date): the same day in two areas is two walks", () => {
    const days = [day("trygghetsvandring", "centrum", "2024-03-05"), day("trygghetsvandring", "norrby", "2024-03-05")];
    expect(promiseFigure(walks, days, "2024-03").done).toBe(2);
  });

  it("is ej_startat with done and expected 0 before the period starts", () => {
    const days = [day("trygghetsvandring", "centrum", "2023-11-05")];
    expect(promiseFigure(walks, days, "2023-12")).toMatchObject({ done: 0, expected_by_now: 0, status: "ej_startat" });
  });

  it("is i_fas when done ≥ floor(expected_by_now)", () => {
    // March: 2 · 3 / 12 = 0.5, floor 0 → i_fas with nothing done.
    expect(promiseFigure(walks, [], "2024-03")).toMatchObject({ done: 0, expected_by_now: 0.5, status: "i_fas" });
  });

  it("is efter_plan when done < floor(expected_by_now) before the last month", () => {
    // July: 2 · 7 / 12 = 1.1666… → 1.17, floor 1 > 0 done.
    expect(promiseFigure(walks, [], "2024-07")).toMatchObject({ done: 0, expected_by_now: 1.17, status: "efter_plan" });
  });

  it("is uppfyllt once done reaches the target, whatever the month", () => {
    const days = [day("trygghetsvandring", "centrum", "2024-02-01"), day("trygghetsvandring", "hamnen", "2024-02-20")];
    expect(promiseFigure(walks, days, "2024-02")).toMatchObject({ done: 2, expected_by_now: 0.33, status: "uppfyllt" });
  });

  it("is ej_uppfyllt from the period's last month on when the target is not reached", () => {
    const days = [day("trygghetsvandring", "centrum", "2024-02-01")];
    expect(promiseFigure(walks, days, "2024-12")).toMatchObject({ done: 1, expected_by_now: 2, status: "ej_uppfyllt" });
    // After the period: still counted only up to its end, expected stays at the target.
    expect(promiseFigure(walks, [...days, day("trygghetsvandring", "centrum", "2025-01-10")], "2025-02")).toMatchObject({
      done: 1, expected_by_now: 2, status: "ej_uppfyllt",
    });
  });

  it("counts only rows of its own activity, in its period, up to the end of the month", () => {
    const days = [
      day("patrull", "centrum", "2024-03-01"),
      day("trygghetsvandring", "centrum", "2023-12-30"),
      day("trygghetsvandring", "centrum", "2024-04-02"),
    ];
    expect(promiseFigure(walks, days, "2024-03").done).toBe(0);
  });

  it("with min_days counts an episode per area only once it spans enough dates", () => {
    const days = [
      day("riktad-insats", "centrum", "2024-05-10"),
      day("riktad-insats", "centrum", "2024-05-12"), // one day without activity: same episode
      day("riktad-insats", "norrby", "2024-05-11"), // another area: its own one-day episode
    ];
    expect(promiseFigure(insatser, days, "2024-05")).toMatchObject({ done: 1, status: "i_fas" });
  });
});
