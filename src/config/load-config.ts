/**
 * Reads `config/lagesbild.yaml`, validates it in one place and returns the normalised config every
 * other module works with. Every problem names its key path, e.g.
 * `areas[2].population: förväntade ett positivt heltal`, and ends as exit code 2.
 */
import { readFailureReason, readRegularFile } from "../core/read-regular-file.ts";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { z } from "zod";
import { LagesbildError } from "../core/errors.ts";
import { buildStamp } from "../core/build-stamp.ts";
import { POLISEN_EVENTS_MEASURE, type Measure } from "../core/measure.ts";
import { monthIndex } from "../core/month.ts";
import { resolveCategoriesFrom } from "./categories-from.ts";
import { DEFAULT_GROUPS } from "./default-groups.ts";
import { normaliseLabel } from "./normalise-label.ts";
import { fixedKeyErrors } from "./fixed-keys.ts";
import { ConfigSchema, type RawConfig } from "./schema.ts";
import { fetchConfigProblems } from "./archive-files.ts";
import { type KeyPosition, keyPositions, positionOfLine, yamlLib } from "./yaml-positions.ts";
import { checkPublishedText } from "./check-published-text.ts";
import { checkCommentaryPath } from "./check-paths.ts";
import type { AreaMap } from "../geo/area-shapes.ts";
import { loadAreaMap } from "../geo/load-areas-geojson.ts";
import { group } from "../core/checked.ts";
import { sha256Hex } from "../core/sha256-hex.ts";

export interface Config extends Omit<RawConfig, "groups"> {
  /** Absolute path of the config file. */
  configPath: string;
  /** The folder relative paths in the config resolve against. */
  configDir: string;
  /** The parent of the config file's folder: published paths are relative to it. */
  projectRoot: string;
  groups: Array<{ id: string; name: string }>;
  /** The areas' polygons from `areas_geojson`, validated and in SWEREF 99 TM; absent without one. */
  areaMap?: AreaMap;
}

/** `a.b[2].c` from a zod issue path. */
export function formatKeyPath(p: ReadonlyArray<PropertyKey>): string {
  let out = "";
  for (const part of p) {
    if (typeof part === "number") out += `[${part}]`;
    else out += out === "" ? String(part) : `.${String(part)}`;
  }
  return out || "(hela filen)";
}

/** `file:LINE:COL: ` for a key path (or its nearest ancestor that is in the file), else `file: `. */
type Locate = (parts: ReadonlyArray<PropertyKey>, unknownKey: boolean) => string;

function formatIssues(issues: ReadonlyArray<z.core.$ZodIssue>, locate: Locate): string[] {
  return issues.flatMap((issue) => {
    // One line per unknown key, at the key itself: the typo is what the user must find.
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((key) => `${locate([...issue.path, key], true)}${formatKeyPath([...issue.path, key])}: okänd nyckel ${key} (stavfel?)`);
    }
    let message = issue.message;
    if (issue.code === "invalid_type" && message.startsWith("Invalid input")) {
      message = `förväntade ${issue.expected}`;
    } else if (issue.code === "invalid_union" && message.startsWith("Invalid input")) {
      message = "ogiltigt värde";
    }
    return [`${locate(issue.path, false)}${formatKeyPath(issue.path)}: ${message}`];
  });
}

/** Checks that span several keys; returns `key.path: message` lines. */
export function crossCheck(config: RawConfig): string[] {
  const errors: string[] = [];
  const unique = (items: ReadonlyArray<{ id: string }>, key: string) => {
    const seen = new Set<string>();
    items.forEach((item, i) => {
      if (seen.has(item.id)) errors.push(`${key}[${i}].id: id:t ${item.id} förekommer flera gånger`);
      seen.add(item.id);
    });
  };
  const groups = config.groups ?? DEFAULT_GROUPS;
  unique(config.areas, "areas");
  unique(config.categories, "categories");
  unique(config.sources, "sources");
  unique(groups, "groups");
  unique(config.promises, "promises");
  unique(config.survey.indicators, "survey.indicators");

  const groupIds = new Set(groups.map((g) => g.id));
  const categoryIds = new Set(config.categories.map((c) => c.id));
  config.categories.forEach((c, i) => {
    if (!groupIds.has(c.group)) {
      errors.push(`categories[${i}].group: okänd grupp ${c.group} (finns: ${[...groupIds].join(", ")})`);
    }
  });

  const areaNames = new Map<string, string>();
  config.areas.forEach((a, i) => {
    for (const name of [a.id, a.name, ...a.aliases]) {
      const key = normaliseLabel(name);
      const owner = areaNames.get(key);
      if (owner !== undefined && owner !== a.id) {
        errors.push(`areas[${i}].aliases: namnet "${name}" används redan av området ${owner}`);
      }
      areaNames.set(key, a.id);
    }
  });

  const mapped = new Set<string>();
  config.sources.forEach((s, i) => {
    if (s.kind !== "incidents") return;
    const labels = new Set<string>();
    for (const [label, id] of Object.entries(s.categories)) {
      if (!categoryIds.has(id)) errors.push(`sources[${i}].categories.${label}: okänd kategori ${id}`);
      labels.add(normaliseLabel(label));
      mapped.add(id);
    }
    s.ignore.forEach((pattern, j) => {
      if (labels.has(normaliseLabel(pattern))) {
        errors.push(`sources[${i}].ignore[${j}]: "${pattern}" står både i categories och i ignore`);
      }
    });
    if (s.covers?.from && s.covers.to && monthIndex(s.covers.from) > monthIndex(s.covers.to)) {
      errors.push(`sources[${i}].covers: from ligger efter to`);
    }
    errors.push(...fetchConfigProblems(s, `sources[${i}]`));
  });
  config.categories.forEach((c, i) => {
    if (!mapped.has(c.id)) errors.push(`categories[${i}]: ingen källa mappar någon etikett till kategorin ${c.id}`);
  });
  errors.push(...measureErrors(config));
  config.promises.forEach((p, i) => {
    if (monthIndex(p.period.from) > monthIndex(p.period.to)) errors.push(`promises[${i}].period: from ligger efter to`);
  });
  const indicatorIds = new Set(config.survey.indicators.map((s) => s.id));
  config.sources.forEach((s, i) => {
    if (s.kind !== "reference") return;
    for (const [label, id] of Object.entries(s.categories)) {
      if (!categoryIds.has(id) && id !== "total") errors.push(`sources[${i}].categories.${label}: okänd kategori ${id} (förväntade en kategori eller total)`);
    }
  });
  for (const [i, ref] of config.reference.entries()) {
    if (ref.period !== undefined && !ref.period.startsWith(String(ref.year))) errors.push(`reference[${i}].period: ${ref.period} ligger inte i året ${ref.year}`);
    for (const key of Object.keys(ref.per_100k)) {
      if (!categoryIds.has(key) && key !== "total") errors.push(`reference[${i}].per_100k.${key}: okänd kategori`);
    }
  }
  (config.survey.reference ?? []).forEach((r, i) => {
    if (!indicatorIds.has(r.indicator)) errors.push(`survey.reference[${i}].indicator: okänd indikator ${r.indicator} (finns: ${[...indicatorIds].join(", ") || "inga"})`);
  });
  return errors;
}

/**
 * spec/cli.md "Measures": every incident source says what it counts; a kommun log must never be called
 * police-reported by default, so `measure` is required for csv and aggregated-csv, and police event
 * notices are never anything but `polisens-handelser`. A category fed by two measures would make its
 * own count a sum of different things, so that is an error too.
 */
function measureErrors(config: RawConfig): string[] {
  const errors: string[] = [];
  const fedBy = new Map<string, { measure: Measure; source: string }>();
  config.sources.forEach((s, i) => {
    if (s.kind !== "incidents") return;
    if (s.format === "polisen-events") {
      if (s.measure !== undefined && s.measure !== POLISEN_EVENTS_MEASURE) {
        errors.push(
          `sources[${i}].measure: polisens öppna händelser (format: polisen-events) är händelsenotiser, inte polisanmälda brott – bara ${POLISEN_EVENTS_MEASURE} är tillåtet (utelämna measure)`,
        );
        return;
      }
    } else if (s.measure === undefined) {
      errors.push(
        `sources[${i}].measure: saknas – ange vad källan räknar: brott (polisanmälda brott), polisens-handelser (händelser som polisen publicerat) eller handelser (händelser rapporterade av kommunen och andra aktörer)`,
      );
      return;
    }
    const measure = s.measure ?? POLISEN_EVENTS_MEASURE;
    const reported = new Set<string>();
    for (const [label, id] of Object.entries(s.categories)) {
      const other = fedBy.get(id);
      if (other === undefined) fedBy.set(id, { measure, source: s.id });
      else if (other.measure !== measure && !reported.has(id)) {
        reported.add(id);
        errors.push(
          `sources[${i}].categories.${label}: kategorin ${id} får redan ${other.measure} från källan ${other.source} och kan inte också få ${measure} – en kategori räknar bara ett slags uppgifter; ge källan en egen kategori`,
        );
      }
    }
  });
  return errors;
}

/** Parses and validates config text. `configPath` decides how relative paths resolve. */
export function parseConfig(source: string, configPath: string): Config {
  const { raw, positions } = parseConfigYaml(source, configPath);
  if (typeof raw === "object" && raw !== null && "kommuner" in raw) {
    // A group config (load-group-config.ts) is read by `run`, `validate` and `publish` only.
    throw new LagesbildError("config", `${configPath}: konfigurationen listar flera kommuner (kommuner:) – det här kommandot tar en konfiguration för en kommun; run, validate och publish tar båda slagen.`);
  }
  return validateRawConfig(raw, configPath, positions);
}

/** The config file's YAML as plain values, and where each key is (for `file:LINE:COL` in errors). */
export function parseConfigYaml(source: string, configPath: string): { raw: unknown; positions: Map<string, KeyPosition> } {
  const { LineCounter, parseDocument } = yamlLib();
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { prettyErrors: true, uniqueKeys: true, lineCounter });
  if (doc.errors.length > 0) {
    const lines = doc.errors.map((e) => `${configPath}:${e.linePos?.[0]?.line ?? "?"}:${e.linePos?.[0]?.col ?? "?"}: ${e.message.split("\n")[0]}`);
    throw new LagesbildError("config", `Konfigurationsfilen är inte giltig YAML:\n${lines.join("\n")}`);
  }
  // Every error names `file:LINE:COL` and the key path (spec/cli.md): a typo is found at once.
  return { raw: doc.toJS() ?? {}, positions: keyPositions(doc, lineCounter, formatKeyPath) };
}

/**
 * How a key path of the validated object maps to the key path in the file. Identity for a one-kommun
 * config; a config with `kommuner:` validates each kommun as one composed config, and its errors name
 * the key where the user wrote it (`kommuner[2].areas[0].population`, src/config/load-group-config.ts).
 */
export type KeyPathMap = (parts: ReadonlyArray<PropertyKey>) => PropertyKey[];

/**
 * Validates a config as parsed from YAML: the schema, the fixed-key maps, the cross-checks. Throws a
 * LagesbildError `config` listing every problem as `file:LINE:COL: key.path: message`.
 */
export function validateRawConfig(raw: unknown, configPath: string, positions: ReadonlyMap<string, KeyPosition>, mapPath: KeyPathMap = (p) => [...p]): Config {
  const absolute = path.resolve(configPath);
  const locate: Locate = (parts, unknownKey) => {
    for (let n = parts.length; n >= 1; n--) {
      const hit = positions.get(formatKeyPath(parts.slice(0, n)));
      if (hit === undefined) continue;
      // The unknown key itself; a bad value where it is; a missing key at its parent's key.
      const p = n < parts.length || unknownKey ? hit.key : hit.value;
      return `${configPath}:${p.line}:${p.col}: `;
    }
    return "";
  };
  // crossCheck's and fixedKeyErrors' lines: a wrong key (a column role, a per_100k category) is shown
  // at the key, anything else at the value.
  const locateLine = (raw: string) => {
    const line = mapLine(raw, mapPath);
    const p = positionOfLine(line, positions, line.includes(": okänd kolumnroll") || /: okänd kategori$/.test(line));
    return p === null ? line : `${configPath}:${p.line}:${p.col}: ${line}`;
  };
  const parsed = ConfigSchema.safeParse(raw);
  const fixed = fixedKeyErrors(raw).map(locateLine);
  if (!parsed.success || fixed.length > 0) {
    const issues = parsed.success
      ? []
      : parsed.error.issues.flatMap((i): z.core.$ZodIssue[] => {
          // An unknown key is mapped with its key: at the top of a kommun it belongs to `kommuner[k]`.
          if (i.code !== "unrecognized_keys") return [{ ...i, path: mapPath(i.path) }];
          return i.keys.map((key) => {
            const mapped = mapPath([...i.path, key]);
            return { ...i, path: mapped.slice(0, -1), keys: [String(mapped.at(-1))] };
          });
        });
    const lines = [...formatIssues(issues, locate), ...fixed];
    throw new LagesbildError("config", `Fel i konfigurationen ${configPath}:\n${lines.join("\n")}`);
  }
  const configDir = path.dirname(absolute);
  // `categories_from` fragments are merged before the cross-checks, which then see the whole mapping.
  const included = resolveCategoriesFrom(parsed.data, configDir);
  const errors = [
    ...included.errors,
    ...(included.errors.length > 0 ? [] : crossCheck(included.config).map(locateLine)),
    // Issue 14.2 and 14.11: identifiers in published text, a commentary path outside the project.
    ...checkPublishedText(parsed.data).map(locateLine),
    ...checkCommentaryPath(parsed.data.output.commentary, configDir).map(locateLine),
  ];
  if (errors.length > 0) throw new LagesbildError("config", `Fel i konfigurationen ${configPath}:\n${errors.join("\n")}`);
  return {
    ...included.config,
    groups: included.config.groups ?? DEFAULT_GROUPS.map((g) => ({ ...g })),
    configPath: absolute,
    configDir,
    projectRoot: path.dirname(configDir),
  };
}

/** An error line `key.path: message` with its key path mapped (the longest key-path-like prefix). */
function mapLine(line: string, mapPath: KeyPathMap): string {
  const m = /^([A-Za-z_][\w]*(?:\[\d+\])*(?:\.[\w-]+(?:\[\d+\])*)*)/.exec(line);
  if (m === null) return line;
  const parts: PropertyKey[] = [];
  const path = group(m, 1);
  for (const seg of path.split(".")) {
    // split always gives at least one piece: the name before any "[".
    const [name = "", ...idx] = seg.split("[");
    parts.push(name);
    for (const i of idx) parts.push(Number(i.slice(0, -1)));
  }
  const mapped = formatKeyPath(mapPath(parts));
  return mapped + line.slice(path.length);
}

export function loadConfig(configPath: string): Config {
  let source: string;
  try {
    source = readRegularFile(configPath).toString("utf8");
  } catch (cause) {
    throw new LagesbildError("config", `Kan inte läsa konfigurationsfilen ${configPath} (${readFailureReason(cause)}; finns den? ange en annan med --config)`, { cause });
  }
  const config = parseConfigRemembered(source, configPath);
  // The polygons are part of the config (validated at load, exit 2) and of its hash, so a changed
  // GeoJSON rebuilds the months it affects.
  const areaMap = loadAreaMap(config, resolveConfigPath(config, config.cache_dir));
  return areaMap === undefined ? config : { ...config, areaMap };
}

/**
 * parseConfig, with the YAML's plain values remembered by the text's sha256 beside the bundle
 * (node_modules/.cache/lagesbild/<stamp>/, removed with a stale bundle): parsing ~1 000 lines of YAML
 * is ~0.25 s of a run that then finds nothing changed (issue 20). The values are validated exactly as
 * parsed ones; only the key positions for error messages are not remembered, so any error re-parses the
 * text and reports with positions. Without the bundle (tsx, tests, the library) nothing is remembered.
 */
function parseConfigRemembered(source: string, configPath: string): Config {
  const stamp = buildStamp();
  if (stamp === null) return parseConfig(source, configPath);
  const file = path.join(fileURLToPath(new URL("../../node_modules/.cache/lagesbild/", import.meta.url)), stamp, "config-yaml", `${sha256Hex(source)}.json`);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, "utf8"));
  } catch {
    const { raw: parsed, positions } = parseConfigYaml(source, configPath);
    if (typeof parsed === "object" && parsed !== null && "kommuner" in parsed) return parseConfig(source, configPath);
    // Taken before validation, which must see the values as parsed, and kept only when they validate.
    const json = jsonSafe(parsed) ? JSON.stringify(parsed) : null;
    const config = validateRawConfig(parsed, configPath, positions);
    if (json !== null) {
      try {
        mkdirSync(path.dirname(file), { recursive: true });
        const tmp = `${file}.${process.pid}.tmp`;
        writeFileSync(tmp, json);
        renameSync(tmp, file);
      } catch {
        // Only a cache.
      }
    }
    return config;
  }
  if (typeof raw === "object" && raw !== null && "kommuner" in raw) return parseConfig(source, configPath);
  try {
    return validateRawConfig(raw, configPath, new Map());
  } catch (error) {
    if (error instanceof LagesbildError) return parseConfig(source, configPath); // the same error, with positions
    throw error;
  }
}

/** True when JSON holds `value` exactly: plain objects, arrays, strings, finite numbers, booleans, null. */
function jsonSafe(value: unknown): boolean {
  if (value === null || typeof value === "string" || typeof value === "boolean") return true;
  if (typeof value === "number") return Number.isFinite(value) && !Object.is(value, -0);
  if (Array.isArray(value)) return value.every(jsonSafe);
  if (typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) return Object.values(value).every(jsonSafe);
  return false;
}

/** Resolves a config path (relative to the config file's folder). */
export function resolveConfigPath(config: Config, p: string): string {
  return path.resolve(config.configDir, p);
}

/**
 * A path as published: relative to the project root, with forward slashes. A file outside the project
 * (data kept elsewhere on the server) is shown as `(extern)/<file name>`, so no published file reveals
 * the server's folder layout (spec/outputs.md, cli.md run.json).
 */
export function projectRelative(config: Config, absolute: string): string {
  const rel = path.relative(config.projectRoot, absolute);
  if (rel === ".." || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel)) return `(extern)/${path.basename(absolute)}`;
  return rel.split(path.sep).join("/");
}
