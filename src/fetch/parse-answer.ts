/**
 * Checks an answer of the police's API before anything is written: a poll whose answer is cut off,
 * not JSON, not a list, an empty list or a list with an element that has no id fails and changes
 * nothing (issue 19). Odd but identifiable events (no name, an unknown date form) are kept as they
 * are: the `polisen-events` reader decides about them and explains its decision, nothing vanishes.
 */
import type { ApiEvent } from "./merge-events.ts";
import { fetchMessages as msg } from "./fetch-messages.ts";
import { errorMessage } from "../core/error-facts.ts";
import { isRecord } from "../core/is-record.ts";

export type ParsedAnswer = { ok: true; events: ApiEvent[] } | { ok: false; reason: string };

export function parseAnswer(body: string): ParsedAnswer {
  let value: unknown;
  try {
    value = JSON.parse(body.charCodeAt(0) === 0xfeff ? body.slice(1) : body);
  } catch (e) {
    return { ok: false, reason: msg.notJson(errorMessage(e)) };
  }
  if (!Array.isArray(value)) return { ok: false, reason: msg.notArray() };
  if (value.length === 0) return { ok: false, reason: msg.empty() };
  const events: ApiEvent[] = [];
  for (const [i, e] of value.entries()) {
    if (!isRecord(e)) return { ok: false, reason: msg.badEvent(i + 1) };
    const id = e.id;
    // An event must be an object with a usable id: a finite number or a non-blank string.
    if (!(typeof id === "number" && Number.isFinite(id)) && !(typeof id === "string" && id.trim() !== "")) return { ok: false, reason: msg.badEvent(i + 1) };
    events.push({ ...e, id });
  }
  return { ok: true, events };
}
