/**
 * A real HTTP server on 127.0.0.1 (port 0) that answers each request with the next scripted step:
 * a body (with optional ETag), a status with headers, a slow answer, a body cut off mid-stream, a
 * body announced far too large, or a 304 when the request carries the ETag it names. It records every request's headers and time, so
 * tests can check the client's manners (User-Agent, conditional requests, Retry-After).
 */
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export type Step =
  | { kind: "json"; body: string; etag?: string; lastModified?: string }
  | { kind: "status"; status: number; headers?: Record<string, string>; body?: string }
  | { kind: "slow"; delayMs: number; body: string }
  | { kind: "cut"; body: string; keepBytes: number }
  | { kind: "huge"; bytes: number }
  | { kind: "not-modified-if"; etag: string; otherwise: string };

export interface Recorded {
  at: number;
  url: string;
  headers: IncomingHttpHeaders;
}

export interface ReplayServer {
  url: string;
  requests: Recorded[];
  /** Queues steps; each request takes the next one (a request with none left gets a 599). */
  script: (...steps: Step[]) => void;
  pending: () => number;
  close: () => Promise<void>;
}

export async function startReplayServer(): Promise<ReplayServer> {
  const queue: Step[] = [];
  const requests: Recorded[] = [];
  const server: Server = createServer((req, res) => {
    requests.push({ at: Date.now(), url: req.url ?? "", headers: req.headers });
    const step = queue.shift();
    const json = { "Content-Type": "application/json; charset=utf-8" };
    if (step === undefined) {
      res.writeHead(599).end("no scripted answer left");
      return;
    }
    switch (step.kind) {
      case "json": {
        const headers: Record<string, string> = { ...json, "Content-Length": String(Buffer.byteLength(step.body)) };
        if (step.etag) headers.ETag = step.etag;
        if (step.lastModified) headers["Last-Modified"] = step.lastModified;
        res.writeHead(200, headers).end(step.body);
        return;
      }
      case "status":
        res.writeHead(step.status, step.headers ?? {}).end(step.body ?? "");
        return;
      case "slow": {
        const timer = setTimeout(() => res.writeHead(200, json).end(step.body), step.delayMs);
        res.on("close", () => clearTimeout(timer));
        return;
      }
      case "cut": {
        // Promises the whole body, sends part of it, then drops the connection.
        const bytes = Buffer.from(step.body, "utf8");
        res.writeHead(200, { ...json, "Content-Length": String(bytes.length) });
        res.write(bytes.subarray(0, step.keepBytes), () => res.destroy());
        return;
      }
      case "huge":
        // Announces a body of `bytes` and starts it; the client should give up on the header alone.
        res.writeHead(200, { ...json, "Content-Length": String(step.bytes) });
        res.write("[");
        return;
      case "not-modified-if":
        if (req.headers["if-none-match"] === step.etag) res.writeHead(304, { ETag: step.etag }).end();
        else res.writeHead(200, { ...json, ETag: step.etag }).end(step.otherwise);
        return;
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/api/events`,
    requests,
    script: (...steps) => queue.push(...steps),
    pending: () => queue.length,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
