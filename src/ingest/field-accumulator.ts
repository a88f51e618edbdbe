/**
 * Sums accepted field-report rows per (area, month) and remembers the distinct (activity, area, date)
 * days, so memory is bounded by areas × months and activity days, never by rows (spec/indicators.md
 * "Performance").
 */
import type { FieldCell, FieldSourceData } from "../model/extra-records.ts";
import type { FileReport } from "../model/records.ts";

export interface FieldRow {
  area: string;
  date: string;
  month: string;
  hours: number;
  observations: Record<string, number>;
  activity: string | null;
}

const byCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export class FieldAccumulator {
  private readonly cells = new Map<string, FieldCell>();
  private readonly days = new Set<string>();
  private readonly types = new Set<string>();
  private readonly activities = new Set<string>();
  readonly files: FileReport[] = [];

  addObservationTypes(types: readonly string[]): void {
    for (const t of types) this.types.add(t);
  }

  add(row: FieldRow): void {
    const key = `${row.area}\t${row.month}`;
    let cell = this.cells.get(key);
    if (cell === undefined) {
      cell = { area: row.area, month: row.month, hours: 0, shifts: 0, observations: {}, activities: {} };
      this.cells.set(key, cell);
    }
    cell.hours += row.hours;
    cell.shifts++;
    for (const [type, n] of Object.entries(row.observations)) cell.observations[type] = (cell.observations[type] ?? 0) + n;
    if (row.activity !== null) {
      cell.activities[row.activity] = (cell.activities[row.activity] ?? 0) + 1;
      this.activities.add(row.activity);
      this.days.add(`${row.activity}\t${row.area}\t${row.date}`);
    }
  }

  result(sourceId: string): FieldSourceData {
    const cells = [...this.cells.values()].sort((a, b) => byCode(a.area, b.area) || byCode(a.month, b.month));
    return {
      sourceId,
      files: this.files,
      observationTypes: [...this.types].sort(byCode),
      activityIds: [...this.activities].sort(byCode),
      cells,
      activityDays: [...this.days].sort(byCode).map((k) => {
        // Keys are written `${activity}\t${area}\t${date}` (add).
        const [activity = "", area = "", date = ""] = k.split("\t");
        return { activity, area, date };
      }),
    };
  }
}
