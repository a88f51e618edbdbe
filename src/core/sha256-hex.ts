/**
 * The sha256 of a text or bytes as 64 lowercase hex digits: the form the manifest, the caches' keys and
 * the fingerprints all record (one function, so they cannot drift apart in form or input encoding).
 * A string is hashed as its UTF-8 bytes (core/utf8.ts: encoded piece by piece, fast and flat in memory).
 */
import { createHash } from "node:crypto";
import { utf8Chunks } from "./utf8.ts";

export function sha256Hex(content: Buffer | string): string {
  const hash = createHash("sha256");
  if (typeof content === "string") utf8Chunks(content, (bytes) => hash.update(bytes));
  else hash.update(content);
  return hash.digest("hex");
}
