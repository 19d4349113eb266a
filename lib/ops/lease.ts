import crypto from "node:crypto";
import os from "node:os";
import { db } from "@/lib/db";

// Work that one app instance of several should do at a time (decision 032): the order sweeper's tick, a WeChat
// token fetch. A lease is a JobLease row naming its holder and the time it lapses; the holder renews it by
// claiming again before then, anybody else gets it only once it has lapsed. Times come from the claimer's clock
// (instances keep NTP time; a lease is seconds long, skew is milliseconds).

/** This process's name as a lease holder: host, pid and a random part (a restarted process is a new holder). */
export const PROCESS_HOLDER = `${os.hostname()}:${process.pid}:${crypto.randomBytes(4).toString("hex")}`;

/**
 * Takes or renews lease `name` for `holder` until now + ttlMs; true when `holder` holds it afterwards. ONE statement
 * on both databases: concurrent claimers are serialised on the row (SQLite's single writer, PostgreSQL's
 * ON CONFLICT row lock, whose WHERE sees the winner's row), so at most one of them gets it.
 */
export async function claimLease(name: string, holder: string, ttlMs: number, now: Date = new Date()): Promise<boolean> {
  const until = new Date(now.getTime() + ttlMs);
  const rows = await db.$queryRaw<{ holder: string }[]>`
    INSERT INTO "JobLease" ("name", "holder", "until") VALUES (${name}, ${holder}, ${until})
    ON CONFLICT ("name") DO UPDATE SET "holder" = excluded."holder", "until" = excluded."until"
    WHERE "JobLease"."until" < ${now} OR "JobLease"."holder" = ${holder}
    RETURNING "holder"`;
  return rows.length === 1 && rows[0]!.holder === holder;
}

/** Gives lease `name` up early (the work is done) if `holder` still holds it, so the next claimer need not wait. */
export async function releaseLease(name: string, holder: string): Promise<void> {
  await db.jobLease.deleteMany({ where: { name, holder } });
}
