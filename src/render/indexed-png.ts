/**
 * A chart's pixels as a small palette PNG (colour type 3, at most 256 colours). A line chart is a few
 * flat colours plus the anti-aliased edges between them; cairo's truecolour PNG spends 3 bytes a pixel
 * on that, a palette PNG one, and deflate then packs the long white runs well: the month page's charts
 * are most of its weight on a phone (issue 16 item 10, budget 500 KB).
 *
 * Deterministic by construction: the palette is chosen by counting colours (ties by colour value), each
 * colour maps to its nearest palette entry (ties to the lower index), and zlib's output is fixed for a
 * given input and level, so the same pixels give the same bytes.
 */
// zlib.crc32 is Node's own CRC-32 (the one PNG chunks use), since Node 20.15 (package.json engines).
import { crc32, deflateSync } from "node:zlib";
import { mustGet } from "../core/checked.ts";

/** Pixels as cairo hands them over (`toBuffer("raw")`): 4 bytes a pixel, B G R A on little-endian. */
export interface RawImage {
  width: number;
  height: number;
  /** B, G, R, A per pixel (cairo's native-endian ARGB32); every chart here is drawn on opaque white. */
  data: Buffer;
}

function chunk(type: string, body: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(body.length, 0);
  head.write(type, 4, "ascii");
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), body])), 0);
  return Buffer.concat([head, body, crc]);
}

/** Images of one width stacked top to bottom (the phone variant's small multiples). */
export function stackImages(images: ReadonlyArray<RawImage>): RawImage {
  const width = images[0]?.width ?? 0;
  if (images.some((i) => i.width !== width)) throw new Error("stackImages: images of different widths");
  return { width, height: images.reduce((s, i) => s + i.height, 0), data: Buffer.concat(images.map((i) => i.data)) };
}

/**
 * The palette: with at most `most` distinct colours, exactly those; otherwise colours are pooled by their
 * top 5 bits per channel, the `most` most frequent pools kept (each as the mean of its colours; a pool
 * holding a colour of `keep` as that colour), and every colour mapped to the nearest kept one. The flat colours of lines, text and background are each one
 * frequent pool, so they survive exactly; only anti-aliasing shades merge.
 */
function palette(rgb: Uint32Array, most: number, keep: ReadonlyArray<number>): { colours: number[]; index: Map<number, number> } {
  // Counted run by run: a chart is long runs of one colour, so this is a few map updates a row.
  const counts = new Map<number, number>();
  for (let i = 0; i < rgb.length; ) {
    const c = rgb[i]!; // i < rgb.length (loop bound); `!` rather than a checked call once per pixel run
    let j = i + 1;
    while (j < rgb.length && rgb[j] === c) j++;
    counts.set(c, (counts.get(c) ?? 0) + (j - i));
    i = j;
  }
  // Colours the caller names (a series' own colour) are kept whatever their pixel count: a short line
  // must keep its colour, not take its neighbour's.
  const kept0 = keep.filter((c) => counts.has(c));
  for (const c of kept0) counts.set(c, Number.MAX_SAFE_INTEGER);
  const byCount = (a: [number, number], b: [number, number]) => b[1] - a[1] || a[0] - b[0];
  if (counts.size <= most) {
    const colours = [...counts].sort(byCount).map(([c]) => c);
    return { colours, index: new Map(colours.map((c, i) => [c, i])) };
  }
  const pools = new Map<number, { n: number; r: number; g: number; b: number }>();
  for (const [c, n] of counts) {
    const key = ((c >> 19) & 0x1f) << 10 | ((c >> 11) & 0x1f) << 5 | ((c >> 3) & 0x1f);
    const p = pools.get(key) ?? { n: 0, r: 0, g: 0, b: 0 };
    p.n += n;
    p.r += ((c >> 16) & 0xff) * n;
    p.g += ((c >> 8) & 0xff) * n;
    p.b += (c & 0xff) * n;
    pools.set(key, p);
  }
  const kept = [...pools].sort((a, b) => b[1].n - a[1].n || a[0] - b[0]).slice(0, most);
  const colours = kept.map(([key, p]) => {
    const named = kept0.find((c) => (((c >> 19) & 0x1f) << 10 | ((c >> 11) & 0x1f) << 5 | ((c >> 3) & 0x1f)) === key);
    if (named !== undefined) return named;
    // The weights of a named colour are huge; a pool without one averages its real counts.
    return (Math.round(p.r / p.n) << 16) | (Math.round(p.g / p.n) << 8) | Math.round(p.b / p.n);
  });
  const index = new Map<number, number>();
  for (const c of counts.keys()) {
    let best = 0;
    let bestD = Infinity;
    colours.forEach((p, i) => {
      const d = (((c >> 16) & 0xff) - ((p >> 16) & 0xff)) ** 2 + (((c >> 8) & 0xff) - ((p >> 8) & 0xff)) ** 2 + ((c & 0xff) - (p & 0xff)) ** 2;
      if (d < bestD) [best, bestD] = [i, d];
    });
    index.set(c, best);
  }
  return { colours, index };
}

let scratch = new Uint32Array(0);

/**
 * Encodes raw chart pixels as a palette PNG of at most `colours` colours (2–256), packed at the smallest
 * bit depth that holds them (4 bits for 16: half the bytes to deflate). `level` is zlib's: 9 packs a
 * chart ~6 % smaller than 6 but costs ~10x the time, which counts when a month draws 600 charts.
 */
export function encodeIndexedPng(image: RawImage, colours = 256, keep: ReadonlyArray<string> = [], level = 9): Buffer {
  const { width, height, data } = image;
  // B G R A bytes read as one little-endian word are 0xAARRGGBB; dropping the alpha leaves 0xRRGGBB.
  // (A word view needs a 4-byte-aligned offset; a small Buffer from Node's pool may not have one.)
  const aligned = data.byteOffset % 4 === 0 ? data : new Uint8Array(data);
  const words = new Uint32Array(aligned.buffer, aligned.byteOffset, width * height);
  // The colours without alpha, in a buffer kept between calls: a fresh 1.4 MB array per chart was garbage
  // that piled up outside V8's young generation across 300+ charts a month (issue 20: peak memory).
  if (scratch.length < width * height) scratch = new Uint32Array(width * height);
  const rgb = scratch.subarray(0, width * height);
  // `words` has width · height pixels, as `rgb` has: the index is in range (`!`, no call per pixel).
  for (let i = 0; i < rgb.length; i++) rgb[i] = words[i]! & 0xffffff;
  const { colours: chosen, index } = palette(rgb, Math.max(2, Math.min(256, colours)), keep.map((hex) => parseInt(hex.slice(1, 7), 16)));
  const depth = chosen.length <= 2 ? 1 : chosen.length <= 4 ? 2 : chosen.length <= 16 ? 4 : 8;
  const perByte = 8 / depth;
  const stride = Math.ceil(width / perByte);
  // Filter type 0 on every row: the PNG spec's advice for palette images (the others predict colour
  // values, which palette indices are not).
  const rows = Buffer.alloc((stride + 1) * height);
  // Pixel x's bits start `depth · (x mod perByte)` bits into byte x / perByte, from the high end. Plain
  // integer arithmetic and no allocation per colour change: this loop ran once per pixel of 600 charts a month.
  const shift = Math.log2(perByte);
  const mask = perByte - 1;
  for (let y = 0; y < height; y++) {
    const at = y * (stride + 1) + 1;
    const row = y * width;
    let last = -1;
    let v = 0;
    for (let x = 0; x < width; x++) {
      // x < width and y < height: both indices are in range, checked by the loop bounds, not per pixel.
      const c = rgb[row + x]!;
      if (c !== last) {
        last = c;
        v = mustGet(index, c, "palette index of a colour"); // palette() maps every colour of rgb
      }
      rows[at + (x >> shift)]! |= v << (8 - depth * (1 + (x & mask)));
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([depth, 3, 0, 0, 0], 8);
  const plte = Buffer.alloc(chosen.length * 3);
  chosen.forEach((c, i) => plte.set([(c >> 16) & 0xff, (c >> 8) & 0xff, c & 0xff], i * 3));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("PLTE", plte),
    chunk("IDAT", deflateSync(rows, { level })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}
