/**
 * `lagesbild hamta polisen` against a real HTTP server on 127.0.0.1 (issue 19). The server replays the
 * police's real events (../shared/realdata/polisen-events/): the API's answer at a moment is the 500
 * latest events published by then, newest first, so a sequence of moments is a sequence of real-shaped
 * answers; the two raw API answers in raw_snapshots/ are also served byte for byte. Checked:
 * - after a scripted sequence (with an edit by the police and faults in between) the archive equals an
 *   independent reading of the answers served: union by id, the latest version wins;
 * - every fault (500, slow answer, 429, cut-off body, not JSON, empty list, lock held) exits non-zero
 *   with a Swedish message and leaves the archive folder byte-identical;
 * - `lagesbild run` on the polled archive gives the figures of the same events in one file, and its
 *   coverage starts where the first poll's answer starts and stops at the last successful poll;
 * - a gap is logged and told in the report month's notes.
 * Network only to 127.0.0.1. Skips visibly where the real data is absent.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.ts";
import { loadConfig } from "../../src/config/load-config.ts";
import { ingestSources } from "../../src/ingest/ingest-sources.ts";
import { buildIndicators } from "../../src/aggregate/build-indicators.ts";
import { monthNotesText } from "../../src/render/coverage-text.ts";
import { runCli } from "../helpers/run-cli.ts";
import { startReplayServer, type ReplayServer } from "../helpers/replay-server.ts";
import { tempProject } from "../helpers/temp-project.ts";

// Beside the checkout (../shared) or, from a worktree in wt/, one level further up.
const REAL = ["../../../shared", "../../../../shared"]
  .map((d) => path.resolve(import.meta.dirname, d, "realdata/polisen-events/sweden_2026-05_to_2026-07_events.json"))
  .find((f) => existsSync(f)) ?? "../shared/realdata/polisen-events/sweden_2026-05_to_2026-07_events.json";
const present = existsSync(REAL);
if (!present) console.warn(`SKIP hamta-polisen: ${REAL} saknas – testerna mot återuppspelade polisdata hoppas över.`);

interface RawEvent {
  id: number;
  datetime: string;
  name: string;
  summary: string;
  type: string;
  [k: string]: unknown;
}

/** Publication time as epoch ms, parsed by hand from "2026-05-03 9:48:12 +02:00". */
function published(e: RawEvent): number {
  const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{1,2}):(\d{2}):(\d{2}) ([+-])(\d{2}):(\d{2})$/.exec(e.datetime)!;
  const offset = (m[7] === "-" ? -1 : 1) * (Number(m[8]) * 60 + Number(m[9]));
  return Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!) - offset * 60_000;
}
const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");

const dirs: string[] = [];
let server: ReplayServer;
beforeAll(async () => {
  server = await startReplayServer();
});
afterAll(async () => {
  await server?.close();
  dirs.forEach((d) => rmSync(d, { recursive: true, force: true }));
});

const CATEGORIES = `
categories:
  - { id: misshandel, name: Misshandel, group: brott-mot-person }
  - { id: stold, name: Stöld, group: egendom }
  - { id: brand, name: Brand, group: brand }
  - { id: trafik, name: Trafikolyckor, group: trafik }`;
const MAP = `    categories: { Misshandel: misshandel, "Misshandel, grov": misshandel, Stöld: stold, "Stöld/inbrott": stold, Brand: brand, Trafikolycka: trafik, "Trafikolycka, personskada": trafik, "Trafikolycka, singel": trafik }
    ignore: ["*"]`;

/** A project whose one source is either polled (`fetch`) or one file with declared coverage. */
function project(source: "polled" | "one-file", url = server.url): { root: string; config: string; archive: string } {
  const src =
    source === "polled"
      ? `    path: ../data/polisen/*.json
    fetch: { url: "${url}", user_agent: "lagesbild-test/1 (trygghet@example.se)", timeout_seconds: 2, retries: 1, retry_delay_seconds: 0.05, max_wait_seconds: 2 }`
      : `    path: ../data/one/alla.json
    covers: { from: 2026-06, to: 2026-06 }`;
  const yaml = `kommun: { name: Stockholm, code: "0180" }
timezone: Europe/Stockholm
population: 984000
areas:
  - { id: sodermalm, name: Södermalm }
${CATEGORIES}
sources:
  - id: polisen
    kind: incidents
    format: polisen-events
${src}
${MAP}
`;
  const root = tempProject("lagesbild-hamta-", yaml);
  dirs.push(root);
  return { root, config: path.join(root, "config", "lagesbild.yaml"), archive: path.join(root, "data", "polisen") };
}

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const sink = new Writable({ write: (_c, _e, cb) => cb() });
  const code = await main(args, {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    env: {},
    cwd: process.cwd(),
    now: () => Date.now(),
    isTty: false,
    logDestination: sink,
  });
  return { code, stdout, stderr };
}

const poll = (config: string, at: number) => cli(["hamta", "polisen", "--config", config, "--generated-at", iso(at)]);

/** Every file of the archive folder and its bytes. */
function snapshot(dir: string): Map<string, string> {
  return new Map(readdirSync(dir).sort().map((f) => [f, readFileSync(path.join(dir, f), "latin1")]));
}

/** The archive's events by id (the `_lagesbild` key set aside), failing on an id in two places. */
function archived(dir: string): Map<number, { event: RawEvent; info: { first_seen: string; last_seen: string; history?: Array<{ event: RawEvent }> } }> {
  const out = new Map();
  for (const f of readdirSync(dir).filter((f) => /^polisen-\d{4}-\d{2}\.json$/.test(f))) {
    for (const e of JSON.parse(readFileSync(path.join(dir, f), "utf8")) as Array<RawEvent & { _lagesbild: unknown }>) {
      expect(out.has(e.id), `id ${e.id} twice`).toBe(false);
      const { _lagesbild, ...event } = e;
      out.set(e.id, { event, info: _lagesbild });
    }
  }
  return out;
}

describe.skipIf(!present)("lagesbild hamta polisen against a replay server", () => {
  const all = present ? (JSON.parse(readFileSync(REAL, "utf8")) as RawEvent[]) : [];
  // Oldest first by publication time (then id): the API's state at a moment is the last 500 of a prefix.
  const byTime = [...all].sort((a, b) => published(a) - published(b) || a.id - b.id);
  /** The answer when the first `end` events had been published: the latest 500, newest first. */
  const window = (end: number) => byTime.slice(Math.max(0, end - 500), end).reverse();
  const pollTime = (end: number) => published(byTime[end - 1]!) + 5 * 60_000;

  it("builds an archive equal to the union of the answers (latest version wins) through edits and faults, and run reads it like one file", async () => {
    const p = project("polled");
    const ends: number[] = [];
    for (let e = 500; e < byTime.length; e += 250) ends.push(e);
    ends.push(byTime.length);
    // The police edit one live notice between two answers: from poll 5 on it has another summary.
    const edited = window(ends[4]!).find((e) => window(ends[3]!).some((o) => o.id === e.id))!;
    const version = (e: RawEvent, i: number): RawEvent => (e.id === edited.id && i >= 4 ? { ...e, summary: `${e.summary} Uppdaterad: en person gripen.` } : e);
    const answers = ends.map((end, i) => window(end).map((e) => version(e, i)));

    // The independent reading: union by id over the answers served, a later answer's version wins.
    const expected = new Map<number, { event: RawEvent; first: string; last: string }>();
    answers.forEach((answer, i) => {
      for (const e of answer) {
        const seen = expected.get(e.id);
        expected.set(e.id, { event: e, first: seen?.first ?? iso(pollTime(ends[i]!)), last: iso(pollTime(ends[i]!)) });
      }
    });

    const faults: Array<{ name: string; steps: Parameters<ReplayServer["script"]>; message: RegExp }> = [
      { name: "500 twice", steps: [{ kind: "status", status: 500 }, { kind: "status", status: 502 }], message: /servern svarade 502/ },
      // The timeout leaves room for a loaded CI machine (0.5 s was hit by a good answer under two test workers).
      { name: "slow answers", steps: [{ kind: "slow", delayMs: 4000, body: "[]" }, { kind: "slow", delayMs: 4000, body: "[]" }], message: /inget fullständigt svar inom 2 s/ },
      { name: "cut-off body", steps: [{ kind: "cut", body: JSON.stringify(answers[3]), keepBytes: 5000 }, { kind: "cut", body: JSON.stringify(answers[3]), keepBytes: 9000 }], message: /bröts|nätverksfel|inte giltig JSON/ },
      { name: "not JSON", steps: [{ kind: "json", body: "<html>Underhåll</html>" }, { kind: "json", body: JSON.stringify(answers[3]).slice(0, 7000) }], message: /inte giltig JSON/ },
      { name: "empty list", steps: [{ kind: "json", body: "[]" }, { kind: "json", body: "[]" }], message: /tom lista/ },
      { name: "answer far too large", steps: [{ kind: "huge", bytes: 40 << 20 }], message: /större än 32 MiB/ },
    ];

    for (const [i, answer] of answers.entries()) {
      if (i === 3) {
        // Faults between two good polls: each exits 1, says why in Swedish, and changes nothing.
        for (const fault of faults) {
          const before = snapshot(p.archive);
          const asked = server.requests.length;
          server.script(...fault.steps);
          const r = await poll(p.config, pollTime(ends[i]!) - 60_000);
          expect(r.code, fault.name).toBe(1);
          expect(r.stderr, fault.name).toMatch(/Hämtningen till källan polisen misslyckades/);
          expect(r.stderr, fault.name).toMatch(fault.message);
          expect(r.stderr, fault.name).toMatch(/Arkivet är orört/);
          expect(snapshot(p.archive), fault.name).toEqual(before);
          expect(server.requests.length - asked, fault.name).toBe(fault.steps.length); // bounded: 1 + retries
          expect(server.pending(), fault.name).toBe(0);
        }
      }
      server.script({ kind: "json", body: JSON.stringify(answer), etag: `"v${i}"` });
      const r = await poll(p.config, pollTime(ends[i]!));
      expect(r.stderr).toBe("");
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/händelser hämtade/);
    }

    // A polite client: the config's User-Agent, and the last ETag sent back.
    const last = server.requests.at(-1)!;
    expect(last.headers["user-agent"]).toBe("lagesbild-test/1 (trygghet@example.se)");
    expect(last.headers["if-none-match"]).toBe(`"v${answers.length - 2}"`);

    const got = archived(p.archive);
    expect(got.size).toBe(expected.size);
    for (const [id, want] of expected) {
      const have = got.get(id)!;
      expect(have.event, `event ${id}`).toEqual(want.event);
      expect(have.info.first_seen).toBe(want.first);
      expect(have.info.last_seen).toBe(want.last);
    }
    const history = got.get(edited.id)!.info.history!;
    expect(history).toHaveLength(1);
    expect(history[0]!.event).toEqual(edited);
    expect(got.get(edited.id)!.event.summary).toMatch(/Uppdaterad: en person gripen\.$/);

    // The same events in one file, read by `run` with the coverage the polls give (June only).
    const one = project("one-file");
    mkdirSync(path.join(one.root, "data", "one"), { recursive: true });
    const union = [...expected.values()].map((v) => v.event).sort((a, b) => a.id - b.id);
    writeFileSync(path.join(one.root, "data", "one", "alla.json"), JSON.stringify(union));
    const runArgs = (config: string, month: string) => ["run", "--config", config, "--month", month, "--only", "data", "--generated-at", "2026-09-01T06:00:00+02:00"];
    const a = await cli(runArgs(p.config, "2026-06"));
    const b = await cli(runArgs(one.config, "2026-06"));
    expect(a.code, a.stderr).toBe(0);
    expect(b.code, b.stderr).toBe(0);
    const indA = JSON.parse(readFileSync(path.join(p.root, "reports", "2026-06", "indicators.json"), "utf8"));
    const indB = JSON.parse(readFileSync(path.join(one.root, "reports", "2026-06", "indicators.json"), "utf8"));
    expect(indA.areas).toEqual(indB.areas);
    expect(indA.sources[0].covers).toEqual({ from: "2026-06", to: "2026-06" });
    // Independent check of one figure: Stockholm's Misshandel in June, counted from the union by hand.
    const june = union.filter(
      (e) => / juni /.test(e.name) && e.name.split(",").at(-1)!.trim() === "Stockholm" && /^misshandel(, grov)?$/i.test(e.type.replace(/\s+/g, " ").trim()),
    );
    const distinct = new Set(june.map((e) => `${e.name}|${e.type}`)).size;
    expect(indA.areas.find((x: { id: string }) => x.id === "kommun").incidents.find((c: { category: string }) => c.category === "misshandel").month.count).toBe(distinct);

    // The first poll's answer starts 1 May 06:01 and the last poll was 31 July 22:32: May and July are
    // not covered, whatever the rows say.
    expect((await cli(runArgs(p.config, "2026-05"))).code).toBe(4);
    const july = await cli(runArgs(p.config, "2026-07"));
    expect(july.code).toBe(4);
    expect(july.stdout + july.stderr).toMatch(/täcker 2026-06–2026-06/);
  });

  it("replays the two raw API answers byte for byte: a year apart, the second is a recorded gap", async () => {
    const dir = path.join(path.dirname(REAL), "raw_snapshots");
    const files = readdirSync(dir).filter((f) => /^events_.*\.json$/.test(f)).sort();
    expect(files).toHaveLength(2);
    const p = project("polled");
    const expected = new Map<number, RawEvent>();
    const times: string[] = [];
    for (const f of files) {
      const bytes = readFileSync(path.join(dir, f), "utf8");
      // The file name holds the moment the answer was fetched: events_2025-06-15T10-50-48Z_…
      const at = /^events_(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})Z/.exec(f)!;
      times.push(`${at[1]}T${at[2]}:${at[3]}:${at[4]}Z`);
      server.script({ kind: "json", body: bytes });
      const r = await poll(p.config, Date.parse(times.at(-1)!));
      expect(r.code, r.stderr).toBe(0);
      for (const e of JSON.parse(bytes) as RawEvent[]) expected.set(e.id, e);
    }
    const got = archived(p.archive);
    expect(new Map([...got].map(([id, v]) => [id, v.event]))).toEqual(expected);
    const second = JSON.parse(readFileSync(path.join(dir, files[1]!), "utf8")) as RawEvent[];
    const oldest = Math.min(...second.map(published));
    const log = readdirSync(p.archive)
      .filter((f) => f.startsWith("hamtlogg-"))
      .flatMap((f) => readFileSync(path.join(p.archive, f), "utf8").trim().split("\n").map((l) => JSON.parse(l)));
    expect(log.map((l) => l.gap ?? null)).toEqual([null, { from: times[0], to: iso(oldest) }]);
    expect(log.map((l) => l.events)).toEqual([500, 500]);
  });

  it("answers a conditional request's 304 with a logged poll that changes no month file", async () => {
    const p = project("polled");
    server.script({ kind: "json", body: JSON.stringify(window(1000)), etag: '"a1"', lastModified: "Tue, 12 May 2026 10:00:00 GMT" });
    expect((await poll(p.config, pollTime(1000))).code).toBe(0);
    const before = snapshot(p.archive);
    server.script({ kind: "not-modified-if", etag: '"a1"', otherwise: "[]" });
    const r = await poll(p.config, pollTime(1000) + 30 * 60_000);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/304/);
    expect(server.requests.at(-1)!.headers["if-modified-since"]).toBe("Tue, 12 May 2026 10:00:00 GMT");
    const after = snapshot(p.archive);
    for (const [f, bytes] of before) if (f.startsWith("polisen-")) expect(after.get(f)).toBe(bytes);
    const log = [...after].filter(([f]) => f.startsWith("hamtlogg-")).flatMap(([, t]) => t.trim().split("\n"));
    expect(log).toHaveLength(2);
    expect(JSON.parse(log[1]!)).toMatchObject({ not_modified: true, at: iso(pollTime(1000) + 30 * 60_000) });
  });

  it("waits out a short Retry-After and then succeeds with the second request", async () => {
    const p = project("polled");
    server.script({ kind: "status", status: 429, headers: { "Retry-After": "1" } }, { kind: "json", body: JSON.stringify(window(800)) });
    const asked = server.requests.length;
    const r = await poll(p.config, pollTime(800));
    expect(r.code).toBe(0);
    const [first, second] = server.requests.slice(asked);
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(950);
    expect(r.stderr).toMatch(/Försök 1 misslyckades \(servern svarade 429/);
  });

  it("honours a Retry-After longer than a run may wait: that run and the polls before the time ask nothing more", async () => {
    const p = project("polled");
    const t = pollTime(700);
    server.script({ kind: "json", body: JSON.stringify(window(700)) });
    expect((await poll(p.config, t)).code).toBe(0);
    const before = snapshot(p.archive);
    const asked = server.requests.length;
    server.script({ kind: "status", status: 429, headers: { "Retry-After": "3600" } });
    const r = await poll(p.config, t + 30 * 60_000);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/servern svarade 429 \(för många anrop\), Retry-After: 3600; servern ber oss vänta 3600 s/);
    expect(server.requests.length - asked).toBe(1); // no retry within the run
    // Half an hour later (the schedule's next poll) the hour has not passed: no request at all.
    const r2 = await poll(p.config, t + 60 * 60_000);
    expect(r2.code).toBe(1);
    expect(r2.stderr).toMatch(/bad oss \(Retry-After\) att inte fråga före \d{4}-\d{2}-\d{2} \d{2}:\d{2}, så ingen fråga skickades/);
    expect(server.requests.length - asked).toBe(1);
    expect(snapshot(p.archive)).toEqual(before);
    // After the hour the poll asks again and succeeds.
    server.script({ kind: "json", body: JSON.stringify(window(750)) });
    expect((await poll(p.config, t + 30 * 60_000 + 3601_000)).code).toBe(0);
    expect(server.requests.length - asked).toBe(2);
  });

  it("stops before asking when an archive file is damaged, and leaves it for the operator (exit 1)", async () => {
    const p = project("polled");
    server.script({ kind: "json", body: JSON.stringify(window(600)) });
    expect((await poll(p.config, pollTime(600))).code).toBe(0);
    const month = readdirSync(p.archive).find((f) => f.startsWith("polisen-"))!;
    const file = path.join(p.archive, month);
    writeFileSync(file, readFileSync(file, "utf8").slice(0, 1000)); // e.g. a disk that lost the tail
    const before = snapshot(p.archive);
    const asked = server.requests.length;
    const r = await poll(p.config, pollTime(600) + 30 * 60_000);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`Arkivfilen .*${month} kan inte läsas .*skriver inte över den`));
    expect(server.requests.length).toBe(asked);
    expect(snapshot(p.archive)).toEqual(before);
  });

  it("exits 3 and touches nothing while another poller holds the archive's lock", async () => {
    const p = project("polled");
    server.script({ kind: "json", body: JSON.stringify(window(600)) });
    expect((await poll(p.config, pollTime(600))).code).toBe(0);
    // Another poller: a live process holding the kernel lock on the archive's lock file.
    const other = spawn("flock", [path.join(p.archive, ".lagesbild.lock"), "sleep", "30"], { stdio: "ignore" });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const before = snapshot(p.archive);
    const asked = server.requests.length;
    const r = await poll(p.config, pollTime(600) + 60_000);
    other.kill("SIGKILL");
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/arbetar redan/);
    expect(server.requests.length).toBe(asked);
    expect(snapshot(p.archive)).toEqual(before);
  });

  it("records a gap and tells it in the notes of the month it falls in", async () => {
    const p = project("polled");
    // Polls from late May to mid-June, an outage, then polls again until after June has ended (so June
    // is covered): the first answer after the outage starts after the newest archived event.
    const endBefore = byTime.findIndex((e) => e.datetime.startsWith("2026-06-10")) + 100;
    const endAfter = endBefore + 900;
    const firstJuly = byTime.findIndex((e) => e.datetime.startsWith("2026-07-01"));
    const ends: number[] = [];
    for (let e = byTime.findIndex((x) => x.datetime.startsWith("2026-06-01")); e < endBefore; e += 250) ends.push(e);
    ends.push(endBefore);
    for (let e = endAfter; e <= firstJuly + 250; e += 250) ends.push(e);
    for (const end of ends) {
      server.script({ kind: "json", body: JSON.stringify(window(end)) });
      const r = await poll(p.config, pollTime(end));
      expect(r.code, r.stderr).toBe(0);
      if (end === endAfter) expect(r.stderr).toMatch(/Glapp: äldsta händelsen i svaret/);
    }
    // The gap runs from the last poll before the outage to the oldest event of the answer after it.
    const from = pollTime(endBefore);
    const oldestAfter = window(endAfter).at(-1)!;
    const lines = readdirSync(p.archive)
      .filter((f) => f.startsWith("hamtlogg-"))
      .flatMap((f) => readFileSync(path.join(p.archive, f), "utf8").trim().split("\n").map((l) => JSON.parse(l)));
    expect(lines.map((l) => l.gap ?? null)).toEqual(ends.map((e) => (e === endAfter ? { from: iso(from), to: iso(published(oldestAfter)) } : null)));

    // The note names the local days: the poll's day (its datetime's own date, 5 min later) to the
    // oldest event's date as the police wrote it.
    const dayOf = (e: RawEvent) => Number(e.datetime.slice(8, 10));
    const firstDay = dayOf(byTime[endBefore - 1]!);
    const lastDay = dayOf(oldestAfter);
    const days = firstDay === lastDay ? `${firstDay} juni` : `${firstDay}–${lastDay} juni`;
    const config = loadConfig(p.config);
    const ingest = await ingestSources(config, { now: Date.parse("2026-09-01T00:00:00Z"), quarantine: false });
    const { indicators, notes } = buildIndicators({
      config, month: "2026-06", generatedAt: "2026-09-01T06:00:00+02:00", revision: 1, incidents: ingest.incidents,
    });
    expect(monthNotesText(notes, indicators, config)).toContain(
      `Källan polisen: polisens händelser saknas ${days} (hämtningen från polisen.se hade ett uppehåll; händelser som publicerades då kom aldrig in i arkivet, så siffrorna för de dagarna kan vara för låga).`,
    );
  });

  it("tells a run before the first poll to start polling (exit 1, no files)", async () => {
    const p = project("polled");
    const r = await cli(["run", "--config", p.config, "--month", "2026-06", "--only", "data", "--generated-at", "2026-09-01T06:00:00+02:00"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/inga filer matchar \.\.\/data\/polisen\/\*\.json .*kör lagesbild hamta polisen/);
  });

  it("refuses a source path that would read the poll log, and hamta without a polled source (exit 2)", async () => {
    const p = project("polled");
    writeFileSync(p.config, readFileSync(p.config, "utf8").replace("path: ../data/polisen/*.json", "path: ../data/polisen/*"));
    const r = await poll(p.config, Date.now());
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/sources\[0\]\.path: .*matchar också hämtloggen/);
    const one = project("one-file");
    const r2 = await poll(one.config, Date.now());
    expect(r2.code).toBe(2);
    expect(r2.stderr).toMatch(/Ingen källa .* har fetch/);
  });
});

describe("the hamta command line", () => {
  it.each([
    [["hamta"], /det enda som finns är "lagesbild hamta polisen"/],
    [["hamta", "polisen", "--month", "2026-08"], /hamta polisen tar bara --config och --generated-at \(inte --month\)/],
  ])("%j is a usage error (exit 2) from the real binary", (args, message) => {
    const r = runCli(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });
});
