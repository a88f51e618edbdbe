/**
 * The shape of an `areas_geojson` file: a GeoJSON FeatureCollection (RFC 7946) of Polygon and
 * MultiPolygon features, each with a property `id`. Only the structure is checked here; what the
 * numbers mean (closed rings, self-intersections, overlaps, known ids) is validate-area-features.ts.
 * Objects are not strict: real exports carry `name`, `bbox` and other properties we leave alone.
 */
import { z } from "zod";

// Any number here, Infinity included (JSON's 1e999): validate-area-features.ts names a non-finite one.
const position = z.array(z.custom<number>((v) => typeof v === "number", "förväntade ett tal")).min(2, "en position behöver minst två tal");
const ring = z.array(position);
const polygon = z.object({ type: z.literal("Polygon"), coordinates: z.array(ring).min(1, "polygonen saknar ringar") });
const multiPolygon = z.object({
  type: z.literal("MultiPolygon"),
  coordinates: z.array(z.array(ring).min(1, "polygonen saknar ringar")).min(1, "multipolygonen saknar polygoner"),
});

export const AreaFeatureSchema = z.object({
  type: z.literal("Feature"),
  properties: z.object({ id: z.union([z.string(), z.number()]).optional() }).nullable(),
  geometry: z.discriminatedUnion("type", [polygon, multiPolygon], {
    error: "geometrin måste vara Polygon eller MultiPolygon",
  }),
});
export type AreaFeature = z.infer<typeof AreaFeatureSchema>;

export const AreaCollectionSchema = z.object({
  type: z.literal("FeatureCollection"),
  crs: z.unknown().optional(),
  features: z.array(z.unknown()),
});

/** Position arrays of a feature as polygons (outer ring, holes), whatever its geometry type. */
export function featurePolygons(feature: AreaFeature): number[][][][] {
  return feature.geometry.type === "Polygon" ? [feature.geometry.coordinates] : feature.geometry.coordinates;
}
