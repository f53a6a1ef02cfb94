/**
 * The control plane's object store (what etcd behind the API server holds for this node's
 * world): typed collections with resourceVersions and watches. The kubelet and the
 * controllers talk to it as API clients do; nothing here reaches into the node.
 */
import type { KubeObject, Resource } from "./types";

export type WatchEvent = { type: "ADDED" | "MODIFIED" | "DELETED"; resource: Resource; object: KubeObject };

const keyOf = (o: KubeObject) =>
  o.metadata.namespace ? `${o.metadata.namespace}/${o.metadata.name}` : o.metadata.name;

/** The order `list` returns, as `localeCompare` gave it; one collator instead of one per comparison. */
const byKey = new Intl.Collator().compare;

export class ObjectStore {
  private readonly collections = new Map<Resource, Map<string, KubeObject>>();
  private resourceVersion = 1000;
  private readonly watchers = new Set<(e: WatchEvent) => void>();

  /** The kinds of object stored (every collection ever written). */
  resources(): Resource[] {
    return [...this.collections.keys()];
  }

  private collection(resource: Resource): Map<string, KubeObject> {
    let c = this.collections.get(resource);
    if (!c) {
      c = new Map();
      this.collections.set(resource, c);
    }
    return c;
  }

  get<T extends KubeObject>(resource: Resource, name: string, namespace?: string): T | undefined {
    return this.collection(resource).get(namespace ? `${namespace}/${name}` : name) as T | undefined;
  }

  list<T extends KubeObject>(resource: Resource, namespace?: string): T[] {
    const all = this.sorted(resource) as T[];
    return namespace ? all.filter((o) => o.metadata.namespace === namespace) : [...all];
  }

  /**
   * Each collection's objects in key order, kept until the collection changes: the kubelet,
   * the controllers and the eviction manager list pods many times per simulated minute.
   */
  private readonly sortedCache = new Map<Resource, KubeObject[]>();

  private sorted(resource: Resource): KubeObject[] {
    let sorted = this.sortedCache.get(resource);
    if (!sorted) {
      const keyed = [...this.collection(resource)].sort(([a], [b]) => byKey(a, b));
      sorted = keyed.map(([, o]) => o);
      this.sortedCache.set(resource, sorted);
    }
    return sorted;
  }

  /** Create or replace; returns the stored object with a fresh resourceVersion. */
  put<T extends KubeObject>(resource: Resource, object: T): T {
    const c = this.collection(resource);
    const key = keyOf(object);
    const existed = c.has(key);
    object.metadata.resourceVersion = String(++this.resourceVersion);
    this.written.set(resource, ++this.writes);
    if (c.get(key) !== object) this.sortedCache.delete(resource);
    c.set(key, object);
    this.emit({ type: existed ? "MODIFIED" : "ADDED", resource, object });
    return object;
  }

  delete(resource: Resource, name: string, namespace?: string): boolean {
    const c = this.collection(resource);
    const key = namespace ? `${namespace}/${name}` : name;
    const object = c.get(key);
    if (!object) return false;
    c.delete(key);
    this.sortedCache.delete(resource);
    this.written.set(resource, ++this.writes);
    this.emit({ type: "DELETED", resource, object });
    return true;
  }

  /** Per collection, a count of writes at its last write (controllers skip work on it). */
  private readonly written = new Map<Resource, number>();
  private writes = 0;

  /** Moves whenever an object of `resource` is written or deleted: equal values mean none was. */
  collectionVersion(resource: Resource): number {
    return this.written.get(resource) ?? 0;
  }

  /** The store's last resourceVersion: it moves on every write, so equal revisions mean nothing was written. */
  revision(): number {
    return this.resourceVersion;
  }

  watch(fn: (e: WatchEvent) => void): () => void {
    this.watchers.add(fn);
    return () => this.watchers.delete(fn);
  }

  private emit(e: WatchEvent): void {
    for (const fn of this.watchers) fn(e);
  }

  export(): string {
    return JSON.stringify({ rv: this.resourceVersion, c: [...this.collections].map(([r, m]) => [r, [...m.values()]]) });
  }

  import(data: string): void {
    const parsed = JSON.parse(data) as { rv: number; c: [Resource, KubeObject[]][] };
    this.resourceVersion = parsed.rv;
    this.collections.clear();
    this.sortedCache.clear();
    // Everything may differ from what a controller saw: mark every collection written, those
    // the import replaces and those it empties.
    for (const r of new Set([...this.written.keys(), ...parsed.c.map(([resource]) => resource)]))
      this.written.set(r, ++this.writes);
    for (const [r, objects] of parsed.c) this.collections.set(r, new Map(objects.map((o) => [keyOf(o), o])));
  }
}
