/**
 * The sha256 of a text or bytes as 64 lowercase hex digits: the form the manifest, the caches' keys and
 * the fingerprints all record (one function, so they cannot drift apart in form or input encoding).
 * A string is hashed as its UTF-8 bytes.
 */
import { createHash } from "node:crypto";
import { utf8 } from "./utf8.ts";

export function sha256Hex(content: Buffer | string): string {
  return createHash("sha256").update(typeof content === "string" ? utf8(content) : content).digest("hex");
}
