/**
 * One poll of the police's API: one HTTP GET (plus bounded retries after a failure), as a polite client
 * should make it (issue 19): the config's User-Agent, a conditional request when the last answer
 * carried an ETag or Last-Modified, `Retry-After` honoured, and a timeout that covers the whole answer,
 * body included (a server that stalls mid-body is a failed poll, not a half-read one).
 */
import { parseAnswer } from "./parse-answer.ts";
import type { ApiEvent } from "./merge-events.ts";
import { fetchMessages as msg } from "./fetch-messages.ts";
import { isRecord } from "../core/is-record.ts";

export interface RequestSettings {
  url: string;
  userAgent: string;
  timeoutMs: number;
  retries: number;
  retryDelayMs: number;
  maxWaitMs: number;
  /** Validators from the last successful answer of this same URL. */
  etag?: string | undefined;
  lastModified?: string | undefined;
}

export type PollAnswer =
  | { kind: "events"; events: ApiEvent[]; etag: string | null; lastModified: string | null; attempts: number }
  | { kind: "not_modified"; attempts: number }
  /** `retryAfterMs`: the server asked for a wait longer than the run may wait (kept for the next run). */
  | { kind: "failed"; reason: string; attempts: number; retryAfterMs?: number };

type Attempt =
  | { ok: true; answer: Exclude<PollAnswer, { kind: "failed" }> }
  | { ok: false; reason: string; retry: boolean; waitMs?: number };

export interface RequestEffects {
  sleep: (ms: number) => Promise<void>;
  now: () => number;
  /** Tells the operator about a retry (a log line). */
  note?: (text: string) => void;
}

/** `Retry-After` as milliseconds: delta-seconds or an HTTP-date (RFC 9110 §10.2.3); null if unusable. */
export function retryAfterMs(value: string | null, now: number): number | null {
  if (value === null) return null;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const at = Date.parse(v);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

/** A failed request's reason in Swedish (exported for tests: a DNS failure cannot be made on 127.0.0.1). */
export function networkReason(error: unknown, host: string, timeoutMs: number): string {
  // fetch's failures: a DOMException named TimeoutError/AbortError, or a TypeError whose `cause` is the
  // socket's error with its code.
  const e = isRecord(error) ? error : {};
  const cause = isRecord(e.cause) ? e.cause : {};
  if (e.name === "TimeoutError" || e.name === "AbortError") return msg.timeout(timeoutMs / 1000);
  const code = typeof cause.code === "string" ? cause.code : "";
  if (code === "ENOTFOUND" || code === "EAI_AGAIN") return msg.dns(host);
  if (code === "ECONNREFUSED") return msg.refused(host);
  if (code === "ECONNRESET" || code === "UND_ERR_SOCKET") return msg.reset(host);
  const text = (v: unknown) => (typeof v === "string" ? v : undefined);
  return msg.network(host, text(cause.message) ?? text(e.message) ?? String(error));
}

/**
 * An answer of the API is about 200 KiB (500 events); one far beyond that is not an answer (a wrong
 * URL serving a file, a runaway server) and must not fill the memory of a small server.
 */
export const MAX_ANSWER_BYTES = 32 << 20;

class TooLarge extends Error {}

async function cappedText(res: Response): Promise<string> {
  if (res.body === null) return "";
  if (Number(res.headers.get("content-length") ?? 0) > MAX_ANSWER_BYTES) {
    await res.body.cancel().catch(() => {});
    throw new TooLarge();
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  // Node's fetch body is a web ReadableStream, async-iterable in Node though the DOM typing omits it.
  for await (const chunk of res.body as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength;
    if (size > MAX_ANSWER_BYTES) {
      await res.body.cancel().catch(() => {});
      throw new TooLarge();
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString("utf8");
}

async function attemptOnce(s: RequestSettings, now: number): Promise<Attempt> {
  const host = new URL(s.url).host;
  const headers: Record<string, string> = { "User-Agent": s.userAgent, Accept: "application/json" };
  if (s.etag) headers["If-None-Match"] = s.etag;
  if (s.lastModified) headers["If-Modified-Since"] = s.lastModified;
  const signal = AbortSignal.timeout(s.timeoutMs);
  let res: Response;
  let body: string;
  try {
    res = await fetch(s.url, { headers, signal, redirect: "follow" });
    // Read under the same signal: a body that stalls or is cut off fails the attempt.
    body = res.status === 304 ? "" : await cappedText(res);
  } catch (error) {
    if (error instanceof TooLarge) return { ok: false, reason: msg.tooLarge(MAX_ANSWER_BYTES >> 20), retry: false };
    return { ok: false, reason: networkReason(error, host, s.timeoutMs), retry: true };
  }
  if (res.status === 304) return { ok: true, answer: { kind: "not_modified", attempts: 0 } };
  if (res.status === 429 || res.status === 503) {
    const header = res.headers.get("retry-after");
    const wait = retryAfterMs(header, now);
    const reason = res.status === 429 ? msg.tooMany(header) : msg.status(503, res.statusText);
    return { ok: false, reason, retry: true, ...(wait === null ? {} : { waitMs: wait }) };
  }
  if (res.status < 200 || res.status >= 300) {
    // 4xx other than 429 is a wrong URL or filter: asking again would only repeat it.
    return { ok: false, reason: msg.status(res.status, res.statusText), retry: res.status >= 500 };
  }
  const parsed = parseAnswer(body);
  if (!parsed.ok) return { ok: false, reason: parsed.reason, retry: true };
  return {
    ok: true,
    answer: { kind: "events", events: parsed.events, etag: res.headers.get("etag"), lastModified: res.headers.get("last-modified"), attempts: 0 },
  };
}

/**
 * At most 1 + `retries` requests; before retry k the wait is `retryDelayMs · 2^(k−1)`, or the server's
 * `Retry-After` when it asks for longer. A `Retry-After` beyond `maxWaitMs` is not waited out: the run
 * stops asking and the schedule's next poll tries again.
 */
export async function requestEvents(s: RequestSettings, fx: RequestEffects): Promise<PollAnswer> {
  let last = "";
  for (let attempt = 1; attempt <= 1 + s.retries; attempt++) {
    const r = await attemptOnce(s, fx.now());
    if (r.ok) return { ...r.answer, attempts: attempt };
    last = r.reason;
    if (r.waitMs !== undefined && r.waitMs > s.maxWaitMs) {
      const reason = `${r.reason}; ${msg.waitTooLong(Math.ceil(r.waitMs / 1000), s.maxWaitMs / 1000)}`;
      return { kind: "failed", reason, attempts: attempt, retryAfterMs: r.waitMs };
    }
    if (!r.retry || attempt > s.retries) {
      return { kind: "failed", reason: r.reason, attempts: attempt, ...(r.waitMs ? { retryAfterMs: r.waitMs } : {}) };
    }
    const wait = Math.max(s.retryDelayMs * 2 ** (attempt - 1), r.waitMs ?? 0);
    fx.note?.(msg.retrying(attempt, r.reason, wait / 1000));
    await fx.sleep(wait);
  }
  return { kind: "failed", reason: last, attempts: 1 + s.retries };
}
