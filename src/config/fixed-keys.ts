/**
 * The config maps whose key (or value) sets are fixed by the contract (spec/cli.md: "Unknown keys are an
 * error at every level, including inside `columns` and every label map's keys where the set is
 * fixed"): a typo there must not silently change a report (issue 13: `columns: { cuont: Antal }` made
 * every row count 1 and the total fell from 84 to 55). zod checks the objects; this checks the maps.
 *
 * The column roles are the readers' canonical column names (test/unit/config/strict.test.ts holds the
 * two lists together); a new role is one line here and one in its reader.
 */
import { isRecord } from "../core/is-record.ts";

/** Coordinate columns any row-per-event source may map (src/geo/coordinate-locator.ts). */
const COORDINATES = ["lat", "lon", "x", "y"] as const;

/** `${kind}/${format}` (format "" for kinds with one) → the column roles `columns` may rename. */
export const COLUMN_ROLES: Readonly<Record<string, readonly string[]>> = {
  "incidents/csv": ["occurred_at", "category", "id", "area", "count", "place", "description", ...COORDINATES],
  "incidents/aggregated-csv": ["period", "category", "count", "area"],
  // A JSON array of the police API's objects: its field names are fixed, there is nothing to rename.
  "incidents/polisen-events": [],
  "survey/survey-results": ["year", "published", "area", "indicator", "value", "n", "margin"],
  "survey/survey-responses": ["respondent_id", "year", "area"],
  "field-reports/": ["date", "start", "end", "hours", "area", "role", "activity", "notes"],
  "actions/": ["action_id", "action", "responsible", "date", "status", "comment"],
};

/** Field-report roles and action statuses (spec/inputs.md): what `roles` / `statuses` may map to. */
export const ROLE_IDS = ["faltassistent", "nattvandrare", "trygghetsvard", "ordningsvakt", "polis", "ovrig"] as const;
export const STATUS_IDS = ["ej_paborjad", "pagar", "genomford", "stoppad"] as const;

/** Formats as the schema defaults them (schema.ts): `csv` for incidents, `survey-results` for surveys. */
const DEFAULT_FORMAT: Readonly<Record<string, string>> = { incidents: "csv", survey: "survey-results" };

/** The column roles of a source's kind and format; null for a kind the schema rejects anyway. */
export function columnRoles(kind: unknown, format: unknown): readonly string[] | null {
  if (typeof kind !== "string") return null;
  const f = typeof format === "string" ? format : (DEFAULT_FORMAT[kind] ?? "");
  return COLUMN_ROLES[`${kind}/${f}`] ?? null;
}

const record = (v: unknown): Record<string, unknown> | null => (isRecord(v) ? v : null);

/**
 * `key.path: message` lines, like crossCheck's (load-config.ts adds the YAML line and column). Reads the
 * config as parsed from YAML, before the schema, so these errors come in the same report as the
 * schema's: a user fixes every typo in one go.
 */
export function fixedKeyErrors(raw: unknown): string[] {
  const errors: string[] = [];
  const sources = record(raw)?.sources;
  if (!Array.isArray(sources)) return errors;
  sources.forEach((value, i) => {
    const s = record(value);
    if (s === null) return;
    const roles = columnRoles(s.kind, s.format);
    const columns = record(s.columns);
    if (roles !== null && columns !== null) {
      for (const key of Object.keys(columns)) {
        if (roles.includes(key)) continue;
        const known = roles.length === 0 ? "formatet har inga kolumner att byta namn på" : `kolumnrollerna är ${roles.join(", ")}`;
        errors.push(`sources[${i}].columns.${key}: okänd kolumnroll ${key} (stavfel?): ${known}.`);
      }
    }
    const valueCheck = (map: unknown, ids: readonly string[], key: string) => {
      for (const [label, id] of Object.entries(record(map) ?? {})) {
        if (typeof id === "string" && !ids.includes(id)) errors.push(`sources[${i}].${key}.${label}: okänt värde ${id} (stavfel?): välj bland ${ids.join(", ")}.`);
      }
    };
    if (s.kind === "field-reports") valueCheck(s.roles, ROLE_IDS, "roles");
    if (s.kind === "actions") valueCheck(s.statuses, STATUS_IDS, "statuses");
  });
  return errors;
}
