import { randomUUID } from 'node:crypto';
import { isRecord } from '../fhir/json';
import type { StoredResource } from './stored-resource';

/** The patient a resource belongs to (its subject or patient reference), if any. */
export function patientIdOf(resource: StoredResource): string | undefined {
  if (resource.resourceType === 'Patient') return resource.id;
  for (const key of ['subject', 'patient', 'beneficiary', 'for']) {
    const ref: unknown = Reflect.get(resource, key);
    if (isRecord(ref) && typeof ref.reference === 'string') {
      const match = /(?:^|\/)Patient\/([^/]+)$/.exec(ref.reference);
      if (match?.[1]) return match[1];
    }
  }
  return undefined;
}

/**
 * The HIS database: resources by type and id, with an index by patient for the per-patient
 * searches the platform makes. In memory, reset at every start.
 */
export class ResourceStore {
  private readonly byType = new Map<string, Map<string, StoredResource>>();
  private readonly byPatient = new Map<string, Map<string, StoredResource[]>>();
  /** Earlier versions by `type/id`, oldest first, for vread. */
  private readonly history = new Map<string, StoredResource[]>();

  constructor(
    resources: readonly StoredResource[] = [],
    private readonly now: () => Date = () => new Date(),
  ) {
    for (const r of resources) this.put(r);
  }

  private put(resource: StoredResource): void {
    let ofType = this.byType.get(resource.resourceType);
    if (!ofType) this.byType.set(resource.resourceType, (ofType = new Map()));
    if (ofType.has(resource.id)) throw new Error(`duplicate ${resource.resourceType}/${resource.id}`);
    ofType.set(resource.id, resource);
    const patientId = patientIdOf(resource);
    if (patientId !== undefined) {
      let index = this.byPatient.get(resource.resourceType);
      if (!index) this.byPatient.set(resource.resourceType, (index = new Map()));
      const list = index.get(patientId);
      if (list) list.push(resource);
      else index.set(patientId, [resource]);
    }
  }

  read(type: string, id: string): StoredResource | undefined {
    return this.byType.get(type)?.get(id);
  }

  /** One version of a resource: the current one or an earlier one kept by update. */
  readVersion(type: string, id: string, versionId: string): StoredResource | undefined {
    const current = this.read(type, id);
    if (current && (current.meta?.versionId ?? '1') === versionId) return current;
    return this.history.get(`${type}/${id}`)?.find((r) => (r.meta?.versionId ?? '1') === versionId);
  }

  all(type: string): StoredResource[] {
    return [...(this.byType.get(type)?.values() ?? [])];
  }

  ofPatient(type: string, patientId: string): StoredResource[] {
    return [...(this.byPatient.get(type)?.get(patientId) ?? [])];
  }

  count(type: string): number {
    return this.byType.get(type)?.size ?? 0;
  }

  /** Stores a new resource under a fresh id, version 1 (a client's meta.tag is kept, the rest of meta is the server's). */
  create<T extends { resourceType: string }>(resource: T): T & StoredResource {
    const meta: unknown = Reflect.get(resource, 'meta');
    const tag = isRecord(meta) && Array.isArray(meta.tag) && meta.tag.length > 0 ? { tag: meta.tag } : {};
    const stored = { ...resource, id: randomUUID(), meta: { versionId: '1', lastUpdated: this.now().toISOString(), ...tag } };
    this.put(stored);
    return stored;
  }

  /**
   * Replaces a stored resource with a new version (FHIR update): the id and the patient stay, the
   * version number goes up by one, the previous version stays readable by vread.
   */
  update<T extends { resourceType: string }>(id: string, resource: T): (T & StoredResource) | undefined {
    const previous = this.read(resource.resourceType, id);
    if (!previous) return undefined;
    const meta: unknown = Reflect.get(resource, 'meta');
    const tag = isRecord(meta) && Array.isArray(meta.tag) && meta.tag.length > 0 ? { tag: meta.tag } : {};
    const versionId = String(Number(previous.meta?.versionId ?? '1') + 1);
    const stored = { ...resource, id, meta: { versionId, lastUpdated: this.now().toISOString(), ...tag } };
    const key = `${resource.resourceType}/${id}`;
    this.history.set(key, [...(this.history.get(key) ?? []), previous]);
    this.byType.get(resource.resourceType)?.set(id, stored);
    const patientId = patientIdOf(previous);
    const list = patientId === undefined ? undefined : this.byPatient.get(resource.resourceType)?.get(patientId);
    if (list) list.splice(list.indexOf(previous), 1, stored);
    return stored;
  }
}
