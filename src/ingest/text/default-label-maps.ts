/**
 * The labels field-report roles and action statuses are known by without any config (spec/inputs.md:
 * the ids themselves, and the Swedish words a coordinator would type). A source's own `roles` /
 * `statuses` map is laid over these, so a kommun only lists its deviating labels.
 */
import { buildLabelMap, type LabelMap } from "./label-map.ts";

import { ROLE_IDS, STATUS_IDS } from "../../config/fixed-keys.ts";

// One list of each, in config/fixed-keys.ts, which the config checks `roles`/`statuses` values against.
export { ROLE_IDS, STATUS_IDS };

const DEFAULT_ROLES: Record<string, string> = {
  Fältassistent: "faltassistent",
  Fältassistenter: "faltassistent",
  Nattvandrare: "nattvandrare",
  Nattvandring: "nattvandrare",
  Trygghetsvärd: "trygghetsvard",
  Trygghetsvärdar: "trygghetsvard",
  Ordningsvakt: "ordningsvakt",
  Ordningsvakter: "ordningsvakt",
  Polis: "polis",
  Polisen: "polis",
  Övrig: "ovrig",
  Övriga: "ovrig",
};

const DEFAULT_STATUSES: Record<string, string> = {
  "Ej påbörjad": "ej_paborjad",
  "Inte påbörjad": "ej_paborjad",
  Pågår: "pagar",
  Pågående: "pagar",
  Genomförd: "genomford",
  Klar: "genomford",
  Stoppad: "stoppad",
  Avbruten: "stoppad",
};

function withIds(ids: readonly string[], defaults: Record<string, string>, own: Readonly<Record<string, string>> | undefined) {
  return { ...Object.fromEntries(ids.map((id) => [id, id])), ...defaults, ...(own ?? {}) };
}

export function roleMap(own: Readonly<Record<string, string>> | undefined): LabelMap {
  return buildLabelMap(withIds(ROLE_IDS, DEFAULT_ROLES, own), []);
}

export function statusMap(own: Readonly<Record<string, string>> | undefined): LabelMap {
  return buildLabelMap(withIds(STATUS_IDS, DEFAULT_STATUSES, own), []);
}

/**
 * Activities: where the source maps activities, only mapped labels (and the ids they map to) are
 * known; elsewhere any label is taken as it is, as an id (`Riktad insats` → `riktad-insats`).
 */
export function activityResolver(own: Readonly<Record<string, string>> | undefined): (label: string) => string | null {
  if (own === undefined) {
    return (label) => label.normalize("NFC").trim().toLowerCase().replace(/\s+/gu, "-");
  }
  const map = buildLabelMap({ ...Object.fromEntries(Object.values(own).map((id) => [id, id])), ...own }, []);
  return (label) => {
    const hit = map.lookup(label);
    return hit.kind === "mapped" ? hit.id : null;
  };
}
