// Types of the cache handler Next loads as plain JavaScript (shared-tags-cache-handler.mjs), for its tests.
export type TagRow = { tag: string; staleAt: number; expiredAt: number | null; updatedAt: number };
export function applyTagRow(row: TagRow): void;
export function syncSharedTags(now?: number): Promise<void> | undefined;
export default class SharedTagsCacheHandler {
  constructor(ctx: { flushToDisk: boolean; serverDistDir: string; maxMemoryCacheSize?: number; revalidatedTags: string[] });
  get(key: string, ctx: { kind: string; tags: string[]; softTags: string[] }): Promise<unknown>;
  set(key: string, data: unknown, ctx: { fetchCache: boolean; tags: string[] }): Promise<void>;
  revalidateTag(tags: string | string[], durations?: { expire?: number }): Promise<void>;
}
