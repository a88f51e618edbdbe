/**
 * The areas' polygons as SVG paths: SWEREF 99 TM metres scaled into a fixed-width viewBox, north up
 * (a transverse Mercator grid is conformal, so a plain scale keeps shapes true). Coordinates are rounded
 * to 0.1 px and points that round onto the previous one are dropped: the markup stays small and is the
 * same on every machine. Label points are polylabel's pole of inaccessibility (the point inside the
 * area farthest from its edges), so a label never sits in a lake or outside a bent area.
 */
import { polygonArea } from "d3-polygon";
import polylabel from "polylabel";
import type { AreaMap, PolygonRings } from "../geo/area-shapes.ts";
import { at } from "../core/checked.ts";

export const MAP_WIDTH = 600;
const PAD = 6;

export interface DrawnArea {
  id: string;
  /** SVG path data, rings as subpaths (holes cut out with fill-rule evenodd). */
  d: string;
  label: [number, number];
}

export interface MapGeometry {
  width: number;
  height: number;
  areas: DrawnArea[];
}

const fmt = (v: number) => {
  const r = Math.round(v * 10) / 10;
  return Object.is(r, -0) ? "0" : String(r);
};

export function mapGeometry(map: AreaMap): MapGeometry {
  let [minE, minN, maxE, maxN] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const s of map.shapes) {
    minE = Math.min(minE, s.bbox[0]);
    minN = Math.min(minN, s.bbox[1]);
    maxE = Math.max(maxE, s.bbox[2]);
    maxN = Math.max(maxN, s.bbox[3]);
  }
  const scale = (MAP_WIDTH - 2 * PAD) / Math.max(1, maxE - minE, maxN - minN);
  const width = Math.round((maxE - minE) * scale + 2 * PAD);
  const height = Math.round((maxN - minN) * scale + 2 * PAD);
  const px = (e: number, n: number): [number, number] => [PAD + (e - minE) * scale, PAD + (maxN - n) * scale];

  const areas = map.shapes.map((shape) => {
    const parts: Array<Array<Array<[number, number]>>> = shape.polygons.map((rings: PolygonRings) => rings.map((ring) => ring.map(([e, n]) => px(e, n))));
    let d = "";
    for (const part of parts) {
      for (const ring of part) {
        const kept: string[] = [];
        let last = "";
        for (const [x, y] of ring) {
          const pos = `${fmt(x)} ${fmt(y)}`;
          if (pos !== last) kept.push(pos);
          last = pos;
        }
        if (kept.length > 1 && kept[0] === kept.at(-1)) kept.pop();
        if (kept.length >= 3) d += `M${kept.join(" ")}Z`;
      }
    }
    const largest = parts.reduce((best, part) => (partArea(part) > partArea(best) ? part : best), at(parts, 0)); // a shape has a polygon (geo/validate-area-features.ts)
    const pole = polylabel(largest, 1);
    return { id: shape.id, d, label: [Math.round(pole[0] * 10) / 10, Math.round(pole[1] * 10) / 10] satisfies [number, number] };
  });
  return { width, height, areas };
}

function partArea(rings: Array<Array<[number, number]>>): number {
  return rings.reduce((sum, ring, i) => sum + (i === 0 ? 1 : -1) * Math.abs(polygonArea(ring)), 0);
}
