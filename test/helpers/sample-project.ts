/**
 * The sample kommun as a project of its own in a temporary folder: config/ copied, data/ linked to the
 * sample's, so a run's caches (source results, the suppression plan) and quarantine start empty and stay
 * there. The analysts' commentary is copied, not linked: a commentary file reached through a link outside
 * the project is refused (it is published).
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PROJECT_ROOT } from "./run-cli.ts";

/** A fresh project folder; the caller removes it. Its config is `<dir>/config/lagesbild.yaml`. */
export function sampleProject(prefix: string): string {
  const project = mkdtempSync(path.join(tmpdir(), prefix));
  cpSync(path.join(PROJECT_ROOT, "config"), path.join(project, "config"), { recursive: true });
  mkdirSync(path.join(project, "data"));
  for (const d of readdirSync(path.join(PROJECT_ROOT, "data"))) {
    if (d === "kommentarer") cpSync(path.join(PROJECT_ROOT, "data", d), path.join(project, "data", d), { recursive: true });
    else symlinkSync(path.join(PROJECT_ROOT, "data", d), path.join(project, "data", d));
  }
  return project;
}
