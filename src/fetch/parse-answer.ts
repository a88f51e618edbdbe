/**
 * Checks an answer of the police's API before anything is written: a poll whose answer is cut off,
 * not JSON, not a list, an empty list or a list with an element that has no id fails and changes
 * nothing (issue 19). Odd but identifiable events (no name, an unknown date form) are kept as they
 * are: the `polisen-events` reader decides about them and explains its decision, nothing vanishes.
 */
import type { ApiEvent } from "./merge-events.ts";
import { fetchMessages as msg } from "./fetch-messages.ts";
import { errorMessage } from "../core/error-facts.ts";

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
  for (const [i, e] of value.entries()) {
    const id = (e as { id?: unknown } | null)?.id;
    const usable = (typeof id === "number" && Number.isFinite(id)) || (typeof id === "string" && id.trim() !== "");
    if (typeof e !== "object" || e === null || Array.isArray(e) || !usable) return { ok: false, reason: msg.badEvent(i + 1) };
  }
  return { ok: true, events: value as ApiEvent[] };
}
