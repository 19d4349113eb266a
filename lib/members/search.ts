import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { memberSearchKeys, searchText } from "./search-keys";

// The console's partial member search at chain scale: "phone or nickname contains q" as a range scan. Every suffix
// of a member's phone and lower-cased nickname is a MemberSearchKey row, so the members whose text contains q are
// those with a key in [q, q + U+10FFFF). A LIKE '%q%' over 200,000 members read every row (≈ 30 ms a search, and
// the one-threaded server queues everything behind it); this reads about as many keys as it returns.

const HIGHEST_CHARACTER = "\u{10FFFF}";

/** Replace a member's keys after their phone or nickname changed; call inside the transaction that changed it. */
export async function rewriteMemberSearchKeys(client: Prisma.TransactionClient, memberId: string, member: { phone: string | null; nickname: string }) {
  await client.memberSearchKey.deleteMany({ where: { memberId } });
  const keys = memberSearchKeys(member);
  if (keys.length) await client.memberSearchKey.createMany({ data: keys.map((key) => ({ key, memberId })) });
}

const KEYS_PER_READ = 1_000;
const MAX_READS = 10;

/**
 * Ids of the brand's members whose phone or nickname contains `q`, in key order, at most `limit` (more exist when
 * `limit` come back). Keys are read in pages: one member can own several keys that start with q ("8" in
 * 13888888888), so a page of keys can hold fewer members than keys; after MAX_READS pages the answer is treated
 * as full (a one-character search matches most members anyway).
 */
export async function membersContaining(brandId: string, q: string, limit: number): Promise<string[]> {
  const start = searchText(q.trim());
  if (!start) return [];
  const found = new Set<string>();
  let after: { key: string; memberId: string } | null = null;
  for (let read = 0; read < MAX_READS && found.size < limit; read++) {
    const keys: { key: string; memberId: string }[] = await db.memberSearchKey.findMany({
      where: { key: { gte: start, lt: start + HIGHEST_CHARACTER }, member: { brands: { some: { brandId } } } },
      orderBy: [{ key: "asc" }, { memberId: "asc" }],
      ...(after ? { cursor: { key_memberId: after }, skip: 1 } : {}),
      take: KEYS_PER_READ,
      select: { key: true, memberId: true },
    });
    for (const k of keys) if (found.size < limit) found.add(k.memberId);
    if (keys.length < KEYS_PER_READ) break;
    after = keys[keys.length - 1]!;
  }
  return [...found];
}
