/** Adds `value` to the list under `key`, creating it: in place, so building a map of lists stays linear. */
export function append<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}
