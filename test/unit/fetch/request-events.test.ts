/**
 * The HTTP client's decisions that need no server (src/fetch/request-events.ts, parse-answer.ts):
 * Retry-After in both of its forms, and which answers are a failed poll. The real requests are tested
 * against a local server in test/e2e/hamta-polisen.test.ts.
 */
import { describe, expect, it } from "vitest";
import { parseAnswer } from "../../../src/fetch/parse-answer.ts";
import { createServer } from "node:net";
import { networkReason, requestEvents, retryAfterMs } from "../../../src/fetch/request-events.ts";

describe("retryAfterMs", () => {
  const now = Date.parse("2026-08-22T17:00:00Z");
  it.each([
    ["120", 120_000],
    ["0", 0],
    ["Sat, 22 Aug 2026 17:01:30 GMT", 90_000],
    ["Sat, 22 Aug 2026 16:00:00 GMT", 0], // already past: ask again at once
    ["soon", null],
  ])("%s → %s ms", (value, ms) => expect(retryAfterMs(value, now)).toBe(ms));
});

describe("parseAnswer", () => {
  it.each([
    ['[{"id":1,"name":"x"}', /inte giltig JSON/],
    ["<html></html>", /inte giltig JSON/],
    ['{"id":1}', /inte en lista/],
    ["[]", /tom lista/],
    ['[{"id":1},{"name":"utan id"}]', /nr 2 .*saknar id/],
    ['[{"id":1},null]', /nr 2/],
  ])("refuses %s", (body, reason) => {
    const r = parseAnswer(body);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toMatch(reason);
  });

  it("keeps an event with odd fields for the reader to judge", () => {
    const r = parseAnswer('\uFEFF[{"id":5,"datetime":"igår"}]');
    expect(r.ok && r.events).toEqual([{ id: 5, datetime: "igår" }]);
  });
});

describe("requestEvents without a server", () => {
  it("fails a poll whose host cannot be reached, after 1 + retries attempts, in Swedish", async () => {
    // A port that was just free on 127.0.0.1: the connection is refused, no network needed.
    const probe = createServer();
    await new Promise<void>((r) => probe.listen(0, "127.0.0.1", r));
    const port = (probe.address() as { port: number }).port;
    await new Promise((r) => probe.close(r));
    const waits: number[] = [];
    const r = await requestEvents(
      { url: `http://127.0.0.1:${port}/api/events`, userAgent: "t", timeoutMs: 2000, retries: 2, retryDelayMs: 10, maxWaitMs: 1000 },
      { now: () => 0, sleep: async (ms) => void waits.push(ms) },
    );
    expect(r).toMatchObject({ kind: "failed", attempts: 3 });
    expect(r.kind === "failed" && r.reason).toBe(`anslutningen till 127.0.0.1:${port} nekades`);
    expect(waits).toEqual([10, 20]); // backoff doubles
  });
});

describe("networkReason", () => {
  it.each([
    [{ name: "TypeError", message: "fetch failed", cause: { code: "ENOTFOUND" } }, "namnet polisen.se kunde inte slås upp (DNS); kontrollera nätverket och adressen i fetch.url"],
    [{ name: "TypeError", message: "fetch failed", cause: { code: "EAI_AGAIN" } }, "namnet polisen.se kunde inte slås upp (DNS); kontrollera nätverket och adressen i fetch.url"],
    [{ name: "TimeoutError", message: "timeout" }, "inget fullständigt svar inom 30 s (fetch.timeout_seconds)"],
    [{ name: "TypeError", message: "terminated", cause: { code: "UND_ERR_SOCKET" } }, "anslutningen till polisen.se bröts"],
  ])("%o", (error, text) => expect(networkReason(error, "polisen.se", 30_000)).toBe(text));
});
