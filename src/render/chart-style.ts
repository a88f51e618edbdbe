/**
 * What every chart of the report shares: a still image (no animation, no events, fixed pixel ratio, so
 * the PNG is the same on every run) and one legend style, so the incident and survey charts read alike.
 */
/** No event listeners at all (chart.js's type names the DOM's events, which a Node canvas has none of). */
const NO_EVENTS: [] = [];

export const STILL_IMAGE = {
  responsive: false as const,
  animation: false as const,
  devicePixelRatio: 1,
  events: NO_EVENTS,
};

export const LEGEND_LABELS = { usePointStyle: true, boxHeight: 8, padding: 16 } as const;

/** A hidden or unavailable point is a gap, never a line drawn through it (or down to zero). */
export const LINE_DEFAULTS = { spanGaps: false, tension: 0 } as const;

/**
 * The phone variant of every chart (issue 16): drawn 360 CSS px wide — a 390 px phone shows it at
 * 356 px, so text keeps ~99 % of its drawn size — in 16 colours. Base text 12 px (≥ 11 CSS px as
 * shown), panel titles 13 px bold. Drawn at 1.5 device pixels per CSS pixel: measured on the sample's
 * month page at 390 px and 2× pixels, 2× drawings made the page 497 KB (budget 500 KB, issue 16 item
 * 10) and 1.5× 419 KB; at 1.5× the text is a little soft on a 2× screen but as legible.
 */
export const PHONE = { width: 360, fontSize: 12, panelHeight: 190, legendHeight: 44, surveyHeight: 280, colours: 16 } as const;
export const PHONE_SCALE = 1.5;
/**
 * An area page's chart (its phone drawing at every width, issue 20) is drawn at 1.25 device pixels per
 * CSS pixel: 450 px wide for its 360 CSS px. At 312 areas these 313 files were the month folder's largest
 * share after indicators.json; measured on the 312-area kommun, against 1.5: 19 % fewer bytes (14.0 kB
 * against 17.3 kB a chart) and ~20 % less drawing time. Looked at as a 2× phone shows it (720 device px),
 * the text is a little softer than at 1.5 and as legible; at 1× it was visibly blurred.
 */
export const AREA_SCALE = 1.25;
export const PHONE_TITLE_FONT = 13;
/** The media query under which the page shows the phone variant (chart-figure.ts). */
export const PHONE_MEDIA = "(max-width: 599px)";
