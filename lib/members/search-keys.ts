// What a member is found by in the console's partial search (lib/members/search.ts): every suffix of the phone and
// of the lower-cased nickname. Pure, so the seeds (and the chain-scale seed, outside Prisma) write the same keys.

/** ASCII letters lower-cased, as SQL's lower() does in the migration's backfill (Chinese has no case). */
export function searchText(text: string): string {
  return text.replace(/[A-Z]/g, (c) => c.toLowerCase());
}

/** The keys of one member: each suffix (in characters, not UTF-16 units) of the phone and of the nickname. */
export function memberSearchKeys(member: { phone?: string | null; nickname?: string | null }): string[] {
  const keys = new Set<string>();
  for (const text of [member.phone ?? "", searchText(member.nickname ?? "")]) {
    const chars = Array.from(text);
    for (let i = 0; i < chars.length; i++) keys.add(chars.slice(i).join(""));
  }
  return [...keys];
}

/** The nested write that gives a member being created its keys (same statement, same transaction). */
export function searchKeysCreate(member: { phone?: string | null; nickname?: string | null }) {
  const keys = memberSearchKeys(member);
  return keys.length ? { searchKeys: { createMany: { data: keys.map((key) => ({ key })) } } } : {};
}
