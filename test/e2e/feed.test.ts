/**
 * feed.xml is a valid Atom 1.0 feed (RFC 4287, spec/outputs.md): parsed with a real XML parser
 * (@xmldom/xmldom, which reports any well-formedness error), with the required elements of the feed and
 * of each entry, entry ids `tag:lagesbild,<year>:<kommunkod>/<YYYY-MM>`, `updated` = the month's
 * generated_at, and a revised month updating its own entry.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { DOMParser, type Element } from "@xmldom/xmldom";
import { beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../helpers/run-cli.ts";
import { tempProject } from "../helpers/temp-project.ts";

const ATOM = "http://www.w3.org/2005/Atom";
const CONFIG = `
kommun: { name: Flödesby, code: "0003" }
population: 10000
output: { title: "Lägesbild för Flödesby & omnejd <test>", publisher: Flödesby kommun }
areas: [{ id: centrum, name: Centrum, population: 10000 }]
categories: [{ id: skadegorelse, name: Skadegörelse, group: egendom }]
sources:
  # A sparse log (4 events on the 1st–4th of each month): declared complete, as coverage needs (spec).
  - { id: polis, kind: incidents, measure: brott, path: ../data/polis-*.csv, columns: { occurred_at: Datum, category: Brottstyp, area: Område, id: Id }, covers: { from: 2023-01, to: 2024-03 } }
`.replace("columns:", "categories: { Skadegörelse: skadegorelse }, columns:");

/** 4 events a month 2023-01..2024-03; `extra` more in 2024-03 (a late delivery that revises March). */
function csv(extra: number): Buffer {
  const rows = ["Id;Datum;Brottstyp;Område"];
  let id = 1;
  for (let y = 2023; y <= 2024; y++) {
    for (let m = 1; m <= (y === 2024 ? 3 : 12); m++) {
      const n = 4 + (y === 2024 && m === 3 ? extra : 0);
      for (let i = 0; i < n; i++) rows.push(`${id++};${y}-${String(m).padStart(2, "0")}-${String(i + 1).padStart(2, "0")} 12:00;Skadegörelse;Centrum`);
    }
  }
  return Buffer.from(`${rows.join("\r\n")}\r\n`, "latin1");
}

let root: string;
const run = (args: string[]) => {
  const r = runCli(["run", "--config", "config/lagesbild.yaml", "--log-format", "json", ...args], { cwd: root });
  if (r.code !== 0) throw new Error(r.stderr);
};

function parseFeed(): Element {
  const errors: string[] = [];
  const doc = new DOMParser({ onError: (level, msg) => { if (level !== "warning") errors.push(msg); } }).parseFromString(
    readFileSync(path.join(root, "reports", "feed.xml"), "utf8"),
    "application/xml",
  );
  if (errors.length > 0) throw new Error(`feed.xml is not well-formed: ${errors.join("; ")}`);
  return doc.documentElement as unknown as Element;
}

const children = (el: Element, name: string) =>
  Array.from(el.childNodes).filter((n): n is Element => n.nodeType === 1 && (n as Element).localName === name && (n as Element).namespaceURI === ATOM);
const text = (el: Element, name: string) => children(el, name)[0]?.textContent ?? null;
const entries = (feed: Element) => children(feed, "entry");
const entryFor = (feed: Element, month: string) => entries(feed).find((e) => text(e, "id")?.endsWith(`/${month}`))!;

let first: Element;
let revised: Element;

beforeAll(() => {
  root = tempProject("lagesbild-feed-", CONFIG, { "data/polis-1.csv": csv(0) });
  run(["--from", "2024-02", "--to", "2024-03", "--generated-at", "2024-04-02T06:00:00+02:00"]);
  first = parseFeed();
  writeFileSync(path.join(root, "data", "polis-1.csv"), csv(3));
  run(["--month", "2024-03", "--generated-at", "2024-04-20T08:30:00+02:00"]);
  revised = parseFeed();
});

describe("feed.xml", () => {
  it("is an Atom 1.0 feed element", () => {
    expect([first.localName, first.namespaceURI]).toEqual(["feed", ATOM]);
  });

  it("has the feed's required id, title, updated, author name and link", () => {
    const author = children(first, "author")[0];
    expect([text(first, "id"), text(first, "title"), text(first, "updated"), author && text(author, "name"), children(first, "link").length > 0]).toEqual([
      "tag:lagesbild,2023:0003", "Lägesbild för Flödesby & omnejd <test>", "2024-04-02T06:00:00+02:00", "Flödesby kommun", true,
    ]);
  });

  it("has one entry per month, newest first, with a tag: id per the spec", () => {
    expect(entries(first).map((e) => text(e, "id"))).toEqual(["tag:lagesbild,2024:0003/2024-03", "tag:lagesbild,2024:0003/2024-02"]);
  });

  it("gives every entry a title, updated, an alternate link to the month's page and a summary", () => {
    const e = entryFor(first, "2024-03");
    const link = children(e, "link")[0]!;
    expect([text(e, "title"), text(e, "updated"), link.getAttribute("rel"), link.getAttribute("href"), (text(e, "summary") ?? "").length > 0]).toEqual([
      "Lägesbild mars 2024", "2024-04-02T06:00:00+02:00", "alternate", "2024-03/index.html", true,
    ]);
  });

  it("moves a revised month's updated to its new generated_at and keeps its id", () => {
    const e = entryFor(revised, "2024-03");
    expect([text(e, "id"), text(e, "updated")]).toEqual(["tag:lagesbild,2024:0003/2024-03", "2024-04-20T08:30:00+02:00"]);
  });

  it("leaves the other months' entries as they were when one month is revised", () => {
    expect(text(entryFor(revised, "2024-02"), "updated")).toBe("2024-04-02T06:00:00+02:00");
  });

  it("gives the feed the latest updated of its entries after a revision", () => {
    expect(text(revised, "updated")).toBe("2024-04-20T08:30:00+02:00");
  });
});
