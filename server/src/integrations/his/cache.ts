interface Entry<V> {
  value: V;
  expiresAt: number;
}

export interface TtlCacheOptions {
  /** Default lifetime of an entry. */
  ttlMs: number;
  /** Oldest entries are dropped beyond this many. */
  maxEntries?: number;
  now?: () => number;
}

/**
 * A small per-key TTL cache, e.g. one HIS record per consultation (`${consultationId}:${patientId}`)
 * so the expert's screen does not refetch on every render. Concurrent loads of one key share a
 * single request; failed loads are not cached.
 */
export class TtlCache<K, V> {
  private readonly entries = new Map<K, Entry<V>>();
  private readonly loading = new Map<K, Promise<V>>();
  private readonly now: () => number;

  constructor(private readonly opts: TtlCacheOptions) {
    this.now = opts.now ?? Date.now;
  }

  get(key: K): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  set(key: K, value: V, ttlMs: number = this.opts.ttlMs): void {
    this.entries.delete(key);
    this.entries.set(key, { value, expiresAt: this.now() + ttlMs });
    const max = this.opts.maxEntries;
    if (max !== undefined) {
      for (const oldest of this.entries.keys()) {
        if (this.entries.size <= max) break;
        this.entries.delete(oldest);
      }
    }
  }

  /** The cached value, or the one `load` produces (then cached for `ttlMs`). */
  async getOrLoad(key: K, load: () => Promise<V>, ttlMs?: number): Promise<V> {
    const cached = this.get(key);
    if (cached !== undefined) return cached;
    const pending = this.loading.get(key);
    if (pending) return pending;
    const promise = load().then(
      (value) => {
        this.loading.delete(key);
        this.set(key, value, ttlMs);
        return value;
      },
      (err: unknown) => {
        this.loading.delete(key);
        throw err;
      },
    );
    this.loading.set(key, promise);
    return promise;
  }

  delete(key: K): void {
    this.entries.delete(key);
  }

  /** Drops every entry whose key matches, e.g. all of one consultation when it closes. */
  deleteWhere(match: (key: K) => boolean): void {
    for (const key of [...this.entries.keys()]) if (match(key)) this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}
