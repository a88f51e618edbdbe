/**
 * Which area a point lies in, by the areas' polygons (SWEREF 99 TM metres).
 *
 * Boundary rule (documented in config/lagesbild.yaml and the README): polygons are closed, so a point
 * exactly on a boundary is inside every area that boundary belongs to, and the FIRST of them in the
 * config's `areas` order gets it. A point in a hole (a lake) is not in that polygon; a point exactly on
 * a hole's edge is on the polygon's boundary and so in it. Deterministic, whatever the file's order.
 *
 * The per-point cost is a bounding-box test per polygon part and @turf/boolean-point-in-polygon only
 * for the few parts whose box holds the point.
 */
import { booleanPointInPolygon } from "@turf/boolean-point-in-polygon";
import type { Polygon } from "geojson";
import { bboxOf, type AreaMap } from "./area-shapes.ts";
import type { Metres } from "./crs.ts";

/** An area id, or null when the point is outside every area ("okänt område"). */
export type PointAssigner = (point: Metres) => string | null;

export function buildPointAssigner(map: AreaMap): PointAssigner {
  // Shapes are in config order and parts keep that order: the first hit is the boundary rule's winner.
  const parts = map.shapes.flatMap((shape) =>
    shape.polygons.map((rings) => ({
      id: shape.id,
      bbox: bboxOf([rings]),
      geometry: { type: "Polygon", coordinates: rings } satisfies Polygon,
    })),
  );
  return (point) => {
    const [e, n] = point;
    for (const part of parts) {
      const b = part.bbox;
      if (e < b[0] || e > b[2] || n < b[1] || n > b[3]) continue;
      if (booleanPointInPolygon(point, part.geometry, { ignoreBoundary: false })) return part.id;
    }
    return null;
  };
}
