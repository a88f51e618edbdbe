/**
 * A small project of a test's own in a temporary folder: its config at `config/lagesbild.yaml` (the path
 * the CLI tests pass with `--config`, relative to the project or absolute) and its input files, for the
 * end-to-end tests that each wrote the same folders and files out by hand.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

/**
 * A fresh folder `<tmp>/<prefix>XXXXXX` holding `config/lagesbild.yaml` and each of `files` (path relative
 * to the project → bytes, written as given: a Buffer keeps cp1252 bytes and CRLF), with the folders they
 * need. The caller removes it.
 * @example tempProject("lagesbild-feed-", CONFIG, { "data/polis-1.csv": csv(0) })
 */
export function tempProject(prefix: string, config: string, files: Record<string, string | Buffer> = {}): string {
  const root = mkdtempSync(path.join(tmpdir(), prefix));
  mkdirSync(path.join(root, "config"));
  writeFileSync(path.join(root, "config", "lagesbild.yaml"), config);
  for (const [rel, bytes] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    writeFileSync(path.join(root, rel), bytes);
  }
  return root;
}
