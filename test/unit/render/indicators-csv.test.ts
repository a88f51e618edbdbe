import { describe, expect, it } from "vitest";
import { IndicatorsSchema, type IncidentEntry, type Indicators } from "../../../src/model/indicators.ts";
import { renderIndicatorsCsv } from "../../../src/render/indicators-csv.ts";

const noSeries: IncidentEntry["series"] = [];

/** Two rows: a visible one with a negative change and a tiny p-value, and a hidden one (undertryckt). */
function tiny(): Indicators {
  return IndicatorsSchema.parse({
    schema: "lagesbild.indicators/v1",
    kommun: { code: "9999", name: "Exempelkommun" },
    month: "2024-03",
    generated_at: "2024-04-02T06:00:00+02:00",
    revision: 1,
    sources: [],
    areas: [
      {
        id: "centrum",
        // A name with the separator and a quote must be quoted, the quote doubled (RFC 4180).
        name: 'Centrum; "Stenstan"',
        population: 4200,
        incidents: [
          {
            category: "skadegorelse",
            name: "Skadegörelse",
            group: "g",
            measure: "brott",
            suppressed: false,
            month: { count: 1234, previous_month: 9, same_month_last_year: 1300, change_abs: -66, change_pct: -5.1, per_100k: 29381 },
            ytd: { count: 40, last_year: 41, change_abs: -1, change_pct: -2.4 },
            rolling_12m: { count: 150, previous: 141, change_abs: 9, change_pct: 6.4, per_100k: 3571.4 },
            trend: { verdict: "decrease", p_value: 0.0001, p_value_below: true, q_value: 0.0003512, baseline_mean: 1400.5, baseline_years: 2 },
            series: noSeries,
          },
          {
            category: "misshandel",
            name: "Misshandel",
            group: "g",
            measure: "handelser",
            suppressed: true,
            // Small this month; last year's month unavailable (plain null, not named in `dolda`); last
            // year's year-to-date hidden to protect another value.
            month: { count: null, count_suppressed: "small", previous_month: 0, same_month_last_year: null, change_abs: null, change_pct: null,
                     per_100k: null, per_100k_suppressed: "protects" },
            ytd: { count: 5, last_year: null, last_year_suppressed: "protects", change_abs: null, change_abs_suppressed: "protects", change_pct: null, change_pct_suppressed: "protects" },
            rolling_12m: { count: 12, previous: 10, change_abs: 2, change_pct: 20, per_100k: 285.7 },
            trend: null,
            trend_suppressed: "small",
            series: noSeries,
          },
        ],
      },
    ],
    promises: [],
    actions: [],
  });
}

describe("renderIndicatorsCsv", () => {
  it("writes the exact bytes of spec/outputs.md: BOM, ';', CRLF, decimal comma, ASCII minus, empty hidden cells", () => {
    const expected =
      "\ufeff" +
      "omrade_id;omrade;kategori_id;kategori;antal;foregaende_manad;samma_manad_ifjol;forandring;forandring_procent;per_100k;hittills_i_ar;hittills_i_fjol;senaste_12_man;foregaende_12_man;trend;p_varde;q_varde;baslinje_medel;baslinje_ar;matt;undertryckt;dolda\r\n" +
      'centrum;"Centrum; ""Stenstan""";skadegorelse;Skadegörelse;1234;9;1300;-66;-5,1;29381;40;41;150;141;decrease;0,0001;0,0003512;1400,5;2;brott;nej;\r\n' +
      'centrum;"Centrum; ""Stenstan""";misshandel;Misshandel;;0;;;;;5;;12;10;;;;;;handelser;litet;per_100k=doljs,hittills_i_fjol=doljs,trend=litet,p_varde=doljs,q_varde=doljs,baslinje_medel=doljs,baslinje_ar=doljs\r\n';
    expect(renderIndicatorsCsv(tiny()).equals(Buffer.from(expected, "utf8"))).toBe(true);
  });

  it("starts with the UTF-8 byte order mark", () => {
    expect([...renderIndicatorsCsv(tiny()).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it("has 22 columns on every line", () => {
    const lines = renderIndicatorsCsv(tiny()).toString("utf8").slice(1).split("\r\n").filter(Boolean);
    // The quoted name holds one ';' that is not a separator.
    expect(lines.map((l) => l.replace(/"[^"]*(""[^"]*)*"/g, "Q").split(";").length)).toEqual([22, 22, 22]);
  });
});
