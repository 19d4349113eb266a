// The replica fence (decision 033): a read replica answers a read only once it has replayed everything the primary
// had written when the read began. Without it, a catalog page refilled right after a tag invalidation could read a
// replica a few milliseconds (or, while a long dashboard query holds replay back, seconds) behind, and the cache would
// keep that old price until the next invalidation or CATALOG_REVALIDATE_SECONDS. No imports from lib/: it only
// needs two clients that can run raw SQL.

import { setTimeout as sleep } from "node:timers/promises";

type RawClient = { $queryRaw<T>(query: TemplateStringsArray, ...values: unknown[]): PromiseLike<T> };

/** How long a read waits for a replica to catch up before the primary answers it instead. */
export const REPLICA_WAIT_MS = 250;
/** How long a replica that failed is left alone. */
export const REPLICA_RETRY_MS = 5_000;
const POLL_MS = 10;

/** PostgreSQL's `X/Y` WAL position as one comparable number. */
export function lsnValue(lsn: string): bigint {
  const [high = "0", low = "0"] = lsn.split("/");
  return (BigInt(`0x${high}`) << 32n) + BigInt(`0x${low}`);
}

/**
 * The insert position of a primary that has not written on its current page yet points past the page's header (24
 * bytes, 40 on a segment's first page), where a standby's replay position is the end of the last record: the page's
 * start. Without this an idle primary at a page boundary (after every WAL segment switch) would keep every replica
 * "behind" forever.
 */
export function endOfLastRecord(insert: bigint, block: bigint, segment: bigint): bigint {
  if (insert % segment === LONG_PAGE_HEADER) return insert - LONG_PAGE_HEADER;
  if (insert % block === SHORT_PAGE_HEADER) return insert - SHORT_PAGE_HEADER;
  return insert;
}
const SHORT_PAGE_HEADER = 24n;
const LONG_PAGE_HEADER = 40n;

/**
 * Calls made before the next turn of the event loop share one run of `sample`, started after the last of them: each
 * caller gets a sample taken after it asked (what the fence needs), and a page's parallel reads cost one query.
 */
function shared<T>(sample: () => Promise<T>): () => Promise<T> {
  let next: Promise<T> | undefined;
  return () =>
    (next ??= new Promise<void>((resolve) => setImmediate(resolve)).then(() => {
      next = undefined;
      return sample();
    }));
}


/** `answer`, or a failure when it takes longer than `ms`. */
async function within<T>(answer: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const silence = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([answer, silence]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * A function that resolves true when `replica` has replayed the primary's WAL up to where it was at the call (waiting
 * up to `waitMs`), false when it is still behind then, failed or did not answer: the caller reads the primary.
 * A replica that is not in recovery has no replay position (a logical replica, the tests' second database) and is
 * trusted as it is.
 */
export function replicaFence(primary: RawClient, replica: RawClient, waitMs = REPLICA_WAIT_MS): () => Promise<boolean> {
  // The insert position, not the flushed one: with synchronous_commit=off a committed write may not be flushed yet.
  const written = shared(async () => {
    const [row] = await primary.$queryRaw<{ lsn: string; block: number; segment: bigint | number }[]>`
      SELECT pg_current_wal_insert_lsn()::text AS lsn, current_setting('wal_block_size')::int AS block,
        pg_size_bytes(current_setting('wal_segment_size')) AS segment`;
    return endOfLastRecord(lsnValue(row!.lsn), BigInt(row!.block), BigInt(row!.segment));
  });
  const replayed = shared(async () => {
    const [row] = await replica.$queryRaw<{ standby: boolean; lsn: string | null }[]>`
      SELECT pg_is_in_recovery() AS standby, pg_last_wal_replay_lsn()::text AS lsn`;
    if (!row!.standby) return null;
    return row!.lsn === null ? 0n : lsnValue(row!.lsn);
  });
  let downUntil = 0;
  return async () => {
    if (Date.now() < downUntil) return false;
    const target = await written(); // the primary failing fails the read, as it would without replicas
    try {
      const deadline = Date.now() + waitMs;
      for (;;) {
        // Silence counts as a failure (a server that is gone, or a pool still waiting to connect): see below.
        const at = await within(replayed(), waitMs);
        if (at === null || at >= target) return true;
        if (Date.now() >= deadline) return false;
        await sleep(POLL_MS);
      }
    } catch (error) {
      // Not asked again for a while: the primary answers meanwhile, without each read waiting for a dead server.
      downUntil = Date.now() + REPLICA_RETRY_MS;
      console.warn(`[db] read replica failed, the primary answers its reads for ${REPLICA_RETRY_MS / 1000} s:`, error instanceof Error ? error.message : error);
      return false;
    }
  };
}
