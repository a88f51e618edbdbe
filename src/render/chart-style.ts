/**
 * What every chart of the report shares: a still image (no animation, no events, fixed pixel ratio, so
 * the PNG is the same on every run) and one legend style, so the incident and survey charts read alike.
 */
export const STILL_IMAGE = {
  responsive: false as const,
  animation: false as const,
  devicePixelRatio: 1,
  events: [] as [],
};

export const LEGEND_LABELS = { usePointStyle: true, boxHeight: 8, padding: 16 } as const;

/** A hidden or unavailable point is a gap, never a line drawn through it (or down to zero). */
export const LINE_DEFAULTS = { spanGaps: false, tension: 0 } as const;
