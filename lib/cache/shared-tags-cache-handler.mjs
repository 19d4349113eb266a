// Next's cache handler (next.config.js `cacheHandler`) for several app instances on one database (issue 8,
// decision 032). It is Next's own file-system/memory cache, with the tag state shared: a revalidateTag() on any
// instance is also written to the CacheTag table, and before answering a cache read each instance takes in the rows
// changed since it last looked, at most once per CACHE_TAG_POLL_MS (1 s). So a price changed through one instance
// is fresh on every instance within about a second (plus their clock difference: keep them on NTP).
// Loaded by Next outside the app bundle, hence plain JavaScript and drivers (tag-store.mjs).
import fileSystemCacheModule from "next/dist/server/lib/incremental-cache/file-system-cache.js";
import tagsManifestModule from "next/dist/server/lib/incremental-cache/tags-manifest.external.js";
import { openTagStore } from "./tag-store.mjs";

const FileSystemCache = fileSystemCacheModule.default ?? fileSystemCacheModule;
const { tagsManifest } = tagsManifestModule;

const POLL_MS = Number(process.env.CACHE_TAG_POLL_MS) >= 0 && process.env.CACHE_TAG_POLL_MS ? Number(process.env.CACHE_TAG_POLL_MS) : 1000;
// Rows are found by the writer's clock: look back this far so a writer whose clock is behind is not missed
// (taking a row in twice changes nothing), and never past this instance's own now, so one writer whose clock is
// ahead cannot hide the others' rows.
const CLOCK_SLACK_MS = 5000;
// A cache read waits at most this long for the tag look-up; a slow database must not stall every cached page.
const SYNC_WAIT_MS = 500;

// Next makes a handler per request: the shared state lives in the module. `applied`: per tag, the updatedAt of the
// newest row (or own revalidation) taken in.
const state = { store: undefined, lastSync: 0, seenUpTo: 0, syncing: undefined, warned: false, applied: new Map() };

function store() {
  state.store ??= openTagStore(process.env.DATABASE_URL || "file:./data/app.db");
  return state.store;
}

function warnOnce(what, error) {
  if (state.warned) return;
  state.warned = true;
  console.error(`[cache] ${what}; other instances' invalidations arrive only when this works again:`, error instanceof Error ? error.message : error);
}

/**
 * Takes a row into this process's tag state when it is newer than what was taken in for its tag: the newest
 * revalidation decides, as in Next's own handler (an "expire now" after a "max" must expire, not just mark stale).
 * Applying a row twice, or an older one, changes nothing.
 */
export function applyTagRow(row) {
  if (row.updatedAt <= (state.applied.get(row.tag) ?? -Infinity)) return;
  state.applied.set(row.tag, row.updatedAt);
  const entry = { ...(tagsManifest.get(row.tag) ?? {}) };
  entry.stale = row.staleAt;
  if (row.expiredAt != null) entry.expired = row.expiredAt;
  else delete entry.expired;
  tagsManifest.set(row.tag, entry);
}

/** Takes in the tag rows other instances wrote since the last look (at most once per POLL_MS). */
export async function syncSharedTags(now = Date.now()) {
  if (now - state.lastSync < POLL_MS) return state.syncing;
  state.lastSync = now;
  state.syncing ??= (async () => {
    try {
      const rows = await store().changedSince(state.seenUpTo - CLOCK_SLACK_MS);
      for (const row of rows.sort((a, b) => a.updatedAt - b.updatedAt)) {
        applyTagRow(row);
        state.seenUpTo = Math.min(Math.max(state.seenUpTo, row.updatedAt), Date.now());
      }
      state.warned = false;
    } catch (error) {
      warnOnce("reading shared cache tags failed", error);
    } finally {
      state.syncing = undefined;
    }
  })();
  return state.syncing;
}

export default class SharedTagsCacheHandler extends FileSystemCache {
  async get(...args) {
    const syncing = syncSharedTags();
    if (syncing) await Promise.race([syncing, new Promise((resolve) => setTimeout(resolve, SYNC_WAIT_MS).unref())]);
    return super.get(...args);
  }

  async revalidateTag(tags, durations) {
    await super.revalidateTag(tags, durations);
    const list = (typeof tags === "string" ? [tags] : tags) ?? [];
    if (!list.length) return;
    const updatedAt = Date.now();
    const rows = list.map((tag) => {
      const entry = tagsManifest.get(tag) ?? {};
      state.applied.set(tag, updatedAt); // an older row of another instance must not undo this revalidation
      return { tag, staleAt: entry.stale ?? updatedAt, expiredAt: entry.expired ?? null, updatedAt };
    });
    try {
      await store().publish(rows);
    } catch (error) {
      // This instance is already fresh; the others keep their entries until their revalidate time runs out.
      warnOnce("publishing cache tags failed", error);
    }
  }
}
