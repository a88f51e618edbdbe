/**
 * A config for a lokalpolisområde or a län (issue 18, item 3): `kommuner:` lists several kommuner, each
 * with its own areas, population, promises, commentary and own sources; everything else (time zone,
 * categories, groups, suppression, survey indicators, the shared `sources:`) is written once at the top.
 *
 * Each kommun is validated as the one-kommun config it stands for (the shared keys with the kommun's
 * own merged in), through the very same schema and cross-checks, so a kommun in a group can do exactly
 * what a one-kommun config can. Errors name the key where the user wrote it: a problem in a kommun's
 * own key is `kommuner[2].areas[0].population`, one in a shared key keeps its own path, each once.
 */
import path from "node:path";
import { z } from "zod";
import { readFailureReason, readRegularFile } from "../core/read-regular-file.ts";
import { LagesbildError } from "../core/errors.ts";
import { formatKeyPath, type Config, type KeyPathMap, parseConfigYaml, validateRawConfig } from "./load-config.ts";
import { positionOfLine } from "./yaml-positions.ts";
import { loadAreaMap } from "../geo/load-areas-geojson.ts";
import { isRecord } from "../core/is-record.ts";
import { InvariantError } from "../core/checked.ts";

/** The group's own settings, beside the kommuner: what the comparison page and the group's archive say. */
export interface GroupSettings {
  /** e.g. "Lokalpolisområde Hälsingland". */
  name: string;
  title: string;
  configPath: string;
  configDir: string;
  projectRoot: string;
  /** The group's output folder setting (`output.dir`), relative to the config's folder. */
  outputDir?: string;
  baseUrl?: string;
  publisher?: string;
  timezone: string;
}

export interface GroupKommun {
  /** The kommun's folder in the group's output: `<out>/<id>/`. */
  id: string;
  config: Config;
  /** How many of the kommun's sources are the group's shared ones (they come first in `config.sources`). */
  sharedSources: number;
}

export interface GroupConfig {
  group: GroupSettings;
  kommuner: GroupKommun[];
}

/** Keys that belong to one kommun: at the top of a group config they are a mistake. */
const KOMMUN_ONLY = ["kommun", "population", "areas", "areas_geojson", "promises"] as const;
/** The kommun entry's keys that are not config keys of their own (they become `kommun:` or are the entry's id). */
const ENTRY_KEYS = new Set(["id", "name", "code"]);

const slug = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, "förväntade ett id med a–z, 0–9 och bindestreck (högst 64 tecken)");
const GroupHead = z.strictObject({
  name: z.string().trim().min(1, "får inte vara tomt").max(150, "högst 150 tecken"),
});
const EntryHead = z.looseObject({ id: slug.refine((id) => id !== "jamforelse" && id !== "assets", "id:t är reserverat (jamforelse, assets)") });

const record = (v: unknown): Record<string, unknown> => (isRecord(v) ? v : {});

/** True when the YAML text is a group config (it has a top-level `kommuner:` key). */
export function isGroupConfigText(source: string): boolean {
  return /^kommuner\s*:/m.test(source);
}

/** Reads a config file that may be a one-kommun or a group config. */
export function readConfigText(configPath: string): string {
  try {
    return readRegularFile(configPath).toString("utf8");
  } catch (cause) {
    throw new LagesbildError("config", `Kan inte läsa konfigurationsfilen ${configPath} (${readFailureReason(cause)}; finns den? ange en annan med --config)`, { cause });
  }
}

export function loadGroupConfig(configPath: string): GroupConfig {
  const parsed = parseGroupConfig(readConfigText(configPath), configPath);
  // The polygons belong to a kommun's config (and its hash), as in a one-kommun config.
  return {
    ...parsed,
    kommuner: parsed.kommuner.map((k) => {
      const areaMap = loadAreaMap(k.config);
      return areaMap === undefined ? k : { ...k, config: { ...k.config, areaMap } };
    }),
  };
}

export function parseGroupConfig(source: string, configPath: string): GroupConfig {
  const { raw, positions } = parseConfigYaml(source, configPath);
  const top = record(raw);
  const at = (line: string) => {
    const p = positionOfLine(line, positions, line.includes("okänd nyckel") || line.includes("hör till en kommun"));
    return p === null ? line : `${configPath}:${p.line}:${p.col}: ${line}`;
  };
  const errors: string[] = [];
  for (const key of KOMMUN_ONLY) {
    if (key in top) errors.push(at(`${key}: hör till en kommun – skriv den under kommuner[] (en konfiguration med kommuner: har ingen ${key} överst)`));
  }
  const groupHead = GroupHead.safeParse(record(top.grupp));
  if (!groupHead.success) {
    errors.push(at(`grupp: förväntade grupp: { name: … } med gruppens namn, t.ex. "Lokalpolisområde Hälsingland" (${groupHead.error.issues.map((i) => `${formatKeyPath(i.path)} ${i.message}`).join("; ")})`));
  }
  for (const key of Object.keys(record(top.grupp))) if (key !== "name") errors.push(at(`grupp.${key}: okänd nyckel ${key} (stavfel?)`));
  const entries = Array.isArray(top.kommuner) ? top.kommuner : [];
  if (entries.length === 0) errors.push(at("kommuner: förväntade en lista med minst en kommun"));
  const sharedSources = Array.isArray(top.sources) ? top.sources : top.sources === undefined ? [] : null;
  if (sharedSources === null) errors.push(at("sources: förväntade en lista"));
  const sharedReference = Array.isArray(top.reference) ? top.reference : [];
  const sharedOutput = record(top.output);
  if ("commentary" in sharedOutput) errors.push(at("output.commentary: kommentaren hör till en kommun – skriv den under kommuner[].output.commentary"));

  const ids = new Map<string, number>();
  const codes = new Map<string, number>();
  const kommuner: GroupKommun[] = [];
  const seen = new Set<string>();
  entries.forEach((value, k) => {
    const entry = record(value);
    const head = EntryHead.safeParse(entry);
    if (!head.success) {
      const message = entry.id === undefined ? "saknas" : (head.error.issues[0]?.message ?? "ogiltigt värde");
      errors.push(at(`kommuner[${k}].id: ${message} (kommunens mapp i utdata, t.ex. soderhamn)`));
      return;
    }
    const id = head.data.id;
    if (ids.has(id)) errors.push(at(`kommuner[${k}].id: id:t ${id} förekommer redan i kommuner[${ids.get(id)}]`));
    ids.set(id, k);
    const code = typeof entry.code === "string" ? entry.code : undefined;
    if (code !== undefined && codes.has(code)) errors.push(at(`kommuner[${k}].code: kommunkoden ${code} förekommer redan i kommuner[${codes.get(code)}]`));
    if (code !== undefined) codes.set(code, k);
    const own = Array.isArray(entry.sources) ? entry.sources : entry.sources === undefined ? [] : entry.sources;
    const ownReference = Array.isArray(entry.reference) ? entry.reference : entry.reference === undefined ? [] : entry.reference;
    const ownOutput = record(entry.output);
    if ("dir" in ownOutput) errors.push(at(`kommuner[${k}].output.dir: kommunens mapp är <output.dir>/${id}/ – ta bort dir här`));
    const rest = Object.fromEntries(Object.entries(entry).filter(([key]) => !ENTRY_KEYS.has(key) && key !== "sources" && key !== "reference" && key !== "output"));
    const shared = Object.fromEntries(Object.entries(top).filter(([key]) => key !== "kommuner" && key !== "grupp"));
    const composed: Record<string, unknown> = {
      ...shared,
      ...rest,
      kommun: { name: entry.name, code: entry.code },
      sources: Array.isArray(own) && sharedSources !== null ? [...sharedSources, ...own] : own,
      reference: Array.isArray(ownReference) ? [...sharedReference, ...ownReference] : ownReference,
      // The shared title is the group's; a kommun's base_url is the group's with its folder.
      output: {
        ...Object.fromEntries(Object.entries(sharedOutput).filter(([key]) => key !== "dir" && key !== "title" && key !== "base_url")),
        ...(typeof sharedOutput.base_url === "string" ? { base_url: `${sharedOutput.base_url.replace(/\/?$/, "/")}${id}/` } : {}),
        // The kommun's own output settings without `dir` (an error above: its folder is <output.dir>/<id>/).
        ...Object.fromEntries(Object.entries(ownOutput).filter(([key]) => key !== "dir")),
      },
      // Each kommun keeps its own quarantine and cache: its rejected rows and aggregates are its own.
      quarantine_dir: path.join(typeof top.quarantine_dir === "string" ? top.quarantine_dir : "../var/rejected", id),
      cache_dir: path.join(typeof top.cache_dir === "string" ? top.cache_dir : "../var/cache", id),
    };
    const nShared = sharedSources?.length ?? 0;
    const mapPath: KeyPathMap = (parts) => {
      const [head0, i, ...tail] = parts;
      if (head0 === "kommun") {
        return parts.length >= 2 ? ["kommuner", k, ...parts.slice(1)] : ["kommuner", k];
      }
      if ((head0 === "sources" || head0 === "reference") && typeof i === "number") {
        const n = head0 === "sources" ? nShared : sharedReference.length;
        return i >= n ? ["kommuner", k, head0, i - n, ...tail] : [...parts];
      }
      if (head0 === "output" && typeof i === "string" && i in ownOutput) return ["kommuner", k, ...parts];
      if (typeof head0 === "string" && head0 in rest) return ["kommuner", k, ...parts];
      return [...parts];
    };
    try {
      kommuner.push({ id, config: validateRawConfig(composed, configPath, positions, mapPath), sharedSources: nShared });
    } catch (e) {
      if (!(e instanceof LagesbildError)) throw e;
      // The shared keys' problems come once, not once per kommun.
      for (const line of e.message.split("\n").slice(1)) {
        if (!seen.has(line)) errors.push(line);
        seen.add(line);
      }
    }
  });
  if (errors.length > 0) throw new LagesbildError("config", `Fel i konfigurationen ${configPath}:\n${errors.join("\n")}`);
  // Without errors the head parsed and the (non-empty) list gave a kommun per entry.
  const [firstKommun] = kommuner;
  if (!groupHead.success || firstKommun === undefined) throw new InvariantError("a group config without errors lacks its head or kommuner");
  const absolute = path.resolve(configPath);
  const configDir = path.dirname(absolute);
  const first = firstKommun.config;
  // The group's base_url, as validated in each kommun's (shared) output.
  return {
    group: {
      name: groupHead.data.name,
      title: typeof sharedOutput.title === "string" ? sharedOutput.title : `Jämförelse mellan kommunerna i ${groupHead.data.name}`,
      configPath: absolute,
      configDir,
      projectRoot: path.dirname(configDir),
      outputDir: typeof sharedOutput.dir === "string" ? sharedOutput.dir : undefined,
      baseUrl: typeof sharedOutput.base_url === "string" ? sharedOutput.base_url : undefined,
      publisher: typeof sharedOutput.publisher === "string" ? sharedOutput.publisher : undefined,
      timezone: first.timezone,
    },
    kommuner,
  };
}
