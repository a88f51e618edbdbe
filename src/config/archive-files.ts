/**
 * Where a polled police archive lives and what its files are called. The archive is the folder of the
 * `polisen-events` source's own `path`, so `lagesbild run` reads exactly what `lagesbild hamta polisen`
 * wrote: one JSON array per month (`polisen-2026-08.json`, which the source's glob must match) and the
 * poll log (`hamtlogg-2026-08.jsonl`, which it must not match: the reader would take it for events).
 */
import path from "node:path";
import picomatch from "picomatch";
import type { IncidentSourceConfig } from "./schema.ts";

export const MONTH_FILE = /^polisen-(\d{4}-\d{2})\.json$/;
export const LOG_FILE = /^hamtlogg-(\d{4}-\d{2})\.jsonl$/;
export const monthFileName = (month: string): string => `polisen-${month}.json`;
export const logFileName = (month: string): string => `hamtlogg-${month}.jsonl`;

/** The literal folder of a glob and the rest of it (the same split as ingest's sourceFiles). */
function splitGlob(pattern: string): { dir: string; rest: string } {
  const parts = pattern.split(path.sep);
  const firstMagic = parts.findIndex((p) => /[*?[\]{}()!]/.test(p));
  if (firstMagic < 0) return { dir: path.dirname(pattern), rest: path.basename(pattern) };
  return { dir: parts.slice(0, firstMagic).join(path.sep) || path.sep, rest: parts.slice(firstMagic).join("/") };
}

/** The archive folder of a source whose `path` resolves (against the config's folder) to `absolutePattern`. */
export function archiveDir(absolutePattern: string): string {
  return splitGlob(absolutePattern).dir;
}

/**
 * Config problems of a source's `fetch` (`key.path: message` lines): only `polisen-events` can be
 * polled, and the source's `path` must read the month files and skip the poll log.
 */
export function fetchConfigProblems(source: IncidentSourceConfig, keyPath: string): string[] {
  if (source.fetch === undefined) return [];
  if (source.format !== "polisen-events") {
    return [`${keyPath}.fetch: bara källor med format: polisen-events kan hämtas från polisen.se`];
  }
  const { rest } = splitGlob(source.path.split("/").join(path.sep));
  const matches = picomatch(rest, { dot: false });
  const problems: string[] = [];
  if (!matches(monthFileName("2026-08"))) {
    problems.push(
      `${keyPath}.path: "${source.path}" måste matcha arkivets månadsfiler (polisen-ÅÅÅÅ-MM.json i samma mapp), ` +
        "t.ex. ../data/polisen/polisen-*.json",
    );
  }
  if (matches(logFileName("2026-08"))) {
    problems.push(`${keyPath}.path: "${source.path}" matchar också hämtloggen (hamtlogg-ÅÅÅÅ-MM.jsonl); skriv t.ex. ../data/polisen/*.json`);
  }
  return problems;
}
