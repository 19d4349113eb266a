import { db } from "@/lib/db";
import type { Principal } from "@/lib/auth/policy";
import { parseListParams } from "@/lib/admin/list-params";

export async function staffPrincipal(username: string): Promise<Extract<Principal, { kind: "staff" }>> {
  const s = await db.staff.findUniqueOrThrow({ where: { username } });
  return { kind: "staff", staffId: s.id, role: s.role, brandId: s.brandId, storeId: s.storeId };
}

export const brandOf = (slug: string) => db.brand.findUniqueOrThrow({ where: { slug }, select: { id: true } }).then((b) => b.id);

export function listParams<S extends string>(sorts: readonly [S, ...S[]], raw: Record<string, string> = {}, defaultSort: S = sorts[0], pageSize = 20) {
  return parseListParams(raw, { sorts, defaultSort, pageSize });
}

/** A signed-in session that began just now (seconds, as the JWT counts them), a little in the past so a later revocation ends it. */
export const sessionStartedSecondsAgo = (s: number) => Math.floor(Date.now() / 1000) - s;
