/**
 * The bundle's stamp of src/ (bin/bundle.js sets `globalThis.lagesbildBuildStamp` before it loads the
 * program); null when the sources run through tsx, in tests or as a library. The config's remembered
 * YAML values and the up-to-date record are tied to it.
 */
declare global {
  // `var`: a global the bundle assigns on globalThis (a `let` would not be a property of it).
  // eslint-disable-next-line no-var
  var lagesbildBuildStamp: unknown;
}

export function buildStamp(): string | null {
  const stamp = globalThis.lagesbildBuildStamp;
  return typeof stamp === "string" ? stamp : null;
}
