/** Walking FHIR JSON without type casts. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** All values at a dotted path, flattening arrays on the way (`category.coding` → every Coding). */
export function valuesAt(node: unknown, path: string): unknown[] {
  let current: unknown[] = [node];
  for (const key of path.split('.')) {
    const next: unknown[] = [];
    for (const item of current) {
      if (!isRecord(item)) continue;
      const value = item[key];
      if (Array.isArray(value)) next.push(...value);
      else if (value !== undefined) next.push(value);
    }
    current = next;
  }
  return current;
}

/** Values of the extensions with this URL (the value[x] of each). */
export function extensionValues(resource: unknown, url: string): unknown[] {
  return valuesAt(resource, 'extension')
    .filter((ext) => isRecord(ext) && ext.url === url)
    .flatMap((ext) => (isRecord(ext) ? Object.entries(ext).filter(([k]) => k.startsWith('value')).map(([, v]) => v) : []));
}
