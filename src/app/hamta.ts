/**
 * `lagesbild hamta polisen`: one poll of the police's open events API for every `polisen-events`
 * source with `fetch`, merged into its archive (issue 19). Exit codes in the spirit of spec/cli.md:
 * 0 done, 1 a failed poll (nothing changed), 2 usage/config, 3 another poller holds the archive's lock.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import { type Config, loadConfig, resolveConfigPath } from "../config/load-config.ts";
import type { IncidentSourceConfig } from "../config/schema.ts";
import { LagesbildError } from "../core/errors.ts";
import { resolveGeneratedAt } from "../core/generated-at.ts";
import { incidentTime, normaliseDatetime } from "../ingest/text/parse-polisen-name.ts";
import { parseLocalTimestamp } from "../core/parse-time.ts";
import { acquireLock } from "../publish/lock.ts";
import { repairInterruptedSwaps } from "../publish/write-atomic.ts";
import { archiveDir, monthFileName } from "../config/archive-files.ts";
import { fetchMessages as msg } from "../fetch/fetch-messages.ts";
import { type ApiEvent, mergeAnswer, serialiseMonth } from "../fetch/merge-events.ts";
import { appendedLog, type PollLine, readPollLog } from "../ingest/poll-log.ts";
import { readArchive } from "../fetch/read-archive.ts";
import { requestEvents } from "../fetch/request-events.ts";
import { retryAfterState } from "../fetch/retry-after-state.ts";
import { writeArchiveFiles } from "../fetch/write-archive.ts";

export interface HamtaOptions {
  config: string;
  /** The poll's time instead of the clock (replays and tests), ISO-8601 with offset. */
  generatedAt?: string | undefined;
}

export interface HamtaEffects {
  now: () => number;
  sleep?: (ms: number) => Promise<void>;
  warn: (text: string) => void;
}

const isoSeconds = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");

/** The API's `datetime` (publication time, "2026-08-22 9:48:12 +02:00") as epoch ms, or null. */
function publishedAt(event: ApiEvent, timeZone: string): number | null {
  const d = typeof event.datetime === "string" ? normaliseDatetime(event.datetime) : null;
  return d === null ? null : (parseLocalTimestamp(d.text.replace(" ", "T"), timeZone)?.instant ?? null);
}

/** The request URL: `fetch.url` with the API's own filters (several values joined with `;`). */
export function requestUrl(f: NonNullable<IncidentSourceConfig["fetch"]>): string {
  const url = new URL(f.url);
  if (f.locationname.length > 0) url.searchParams.set("locationname", f.locationname.join(";"));
  if (f.type.length > 0) url.searchParams.set("type", f.type.join(";"));
  return url.toString();
}

async function pollSource(config: Config, source: IncidentSourceConfig, now: number, fx: HamtaEffects): Promise<string> {
  const f = source.fetch!;
  const dir = archiveDir(resolveConfigPath(config, source.path));
  mkdirSync(dir, { recursive: true });
  const lock = await acquireLock(dir);
  if (lock.warning) fx.warn(lock.warning);
  const run = async (): Promise<string> => {
    repairInterruptedSwaps(dir); // temporary files a crashed poll left behind
    // The server's Retry-After outlives the run that got it: a poll before that time asks nothing.
    const wait = retryAfterState(resolveConfigPath(config, config.cache_dir), source.id);
    const notBefore = wait.get();
    if (notBefore !== null && now < notBefore) {
      const local = new Intl.DateTimeFormat("sv-SE", { timeZone: config.timezone, dateStyle: "short", timeStyle: "short" });
      throw new LagesbildError("fetch_failed", msg.notBefore(source.id, local.format(notBefore)));
    }
    // Read (and so check) what is archived before asking: a damaged file stops the poll unasked.
    const log = readPollLog(dir);
    const archive = readArchive(dir);
    const url = requestUrl(f);
    const previous = log.at(-1);
    const sameUrl = previous?.url === url;
    const answer = await requestEvents(
      {
        url,
        userAgent: f.user_agent,
        timeoutMs: f.timeout_seconds * 1000,
        retries: f.retries,
        retryDelayMs: f.retry_delay_seconds * 1000,
        maxWaitMs: f.max_wait_seconds * 1000,
        etag: sameUrl ? (previous?.etag ?? undefined) : undefined,
        lastModified: sameUrl ? (previous?.last_modified ?? undefined) : undefined,
      },
      { now: fx.now, sleep: fx.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms))), note: fx.warn },
    );
    if (answer.kind === "failed") {
      if (answer.retryAfterMs !== undefined) wait.set(now + answer.retryAfterMs);
      throw new LagesbildError("fetch_failed", msg.failed(source.id, answer.attempts, answer.reason));
    }
    wait.clear();
    const at = isoSeconds(now);
    if (answer.kind === "not_modified") {
      const line: PollLine = {
        at, url, not_modified: true, events: 0, added: 0, edited: 0, oldest: null, newest: null,
        etag: previous?.etag ?? null, last_modified: previous?.last_modified ?? null,
      };
      const l = appendedLog(dir, line);
      writeArchiveFiles(dir, [l]);
      return `Källan ${source.id}: inget nytt sedan förra hämtningen (304 Not Modified).`;
    }
    const times = answer.events.map((e) => publishedAt(e, config.timezone)).filter((t): t is number => t !== null);
    const oldest = times.length > 0 ? Math.min(...times) : null;
    const newest = times.length > 0 ? Math.max(...times) : null;
    let newestArchived: number | null = null;
    for (const events of archive.values()) {
      for (const e of events) {
        const t = publishedAt(e, config.timezone);
        if (t !== null && (newestArchived === null || t > newestArchived)) newestArchived = t;
      }
    }
    // Everything published after the last poll and before the answer's oldest event may be missing.
    const gap = previous !== undefined && newestArchived !== null && oldest !== null && oldest > newestArchived
      ? { from: previous.at, to: isoSeconds(oldest) }
      : undefined;
    const pollMonth = parseLocalTimestamp(at, config.timezone)!.month;
    const merged = mergeAnswer(archive, answer.events, at, (e) => {
      const t = typeof e.name === "string" && typeof e.datetime === "string" ? incidentTime(e.name, e.datetime, config.timezone) : null;
      return t?.month ?? pollMonth;
    });
    const line: PollLine = {
      at, url, events: answer.events.length, added: merged.added, edited: merged.edited,
      oldest: oldest === null ? null : isoSeconds(oldest), newest: newest === null ? null : isoSeconds(newest),
      etag: answer.etag, last_modified: answer.lastModified,
      ...(gap ? { gap } : {}),
    };
    const files = [...merged.changedMonths].map(([month, events]) => ({ file: path.join(dir, monthFileName(month)), content: serialiseMonth(events) }));
    files.push(appendedLog(dir, line));
    writeArchiveFiles(dir, files);
    if (gap) {
      const local = new Intl.DateTimeFormat("sv-SE", { timeZone: config.timezone, dateStyle: "short", timeStyle: "short" });
      fx.warn(msg.gap(local.format(Date.parse(gap.from)), local.format(Date.parse(gap.to))));
    }
    const monthsText = [...merged.changedMonths.keys()].map(monthFileName).join(", ");
    return (
      `Källan ${source.id}: ${answer.events.length} händelser hämtade – ${merged.added} nya, ${merged.edited} ändrade, ` +
      `${merged.unchanged} oförändrade${merged.repeatedInAnswer > 0 ? `, ${merged.repeatedInAnswer} upprepade id i svaret` : ""}. ` +
      `Skrev ${monthsText} i ${dir}.`
    );
  };
  return run().finally(() => lock.release());
}

export async function hamtaPolisen(opts: HamtaOptions, fx: HamtaEffects): Promise<string> {
  const config = loadConfig(opts.config);
  const sources = config.sources.filter((s): s is IncidentSourceConfig => s.kind === "incidents" && s.fetch !== undefined);
  if (sources.length === 0) throw new LagesbildError("config", msg.noSource(config.configPath));
  const now = resolveGeneratedAt(opts.generatedAt, undefined, fx.now(), config.timezone).instant;
  const lines: string[] = [];
  for (const source of sources) lines.push(await pollSource(config, source, now, fx));
  return `${lines.join("\n")}\n`;
}
