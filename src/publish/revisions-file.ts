/**
 * `<YYYY-MM>/revisions.json`: the month's revision notes, kept across rebuilds. It lives in the month
 * folder, not in `indicators.json` (whose schema is fixed by spec/outputs.md) nor in the manifest, so
 * the notes are swapped in atomically together with the report that shows them, and travel with the
 * folder when it is published. The schema is src/model/revisions.ts (render shows the notes too).
 */
export const REVISIONS_FILE = "revisions.json";
