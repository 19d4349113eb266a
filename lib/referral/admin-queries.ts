import { db } from "@/lib/db";
import { pageOf, type ListParams, type Page } from "@/lib/admin/list-params";
import { promoterResults, type PromoterRow } from "./service";

// The console's promoters list: every member of the brand who brought at least one other, paged on the server by
// their number of level-1 referrals; search by phone or nickname. One grouped count, one grouped page, then the
// page's figures in a fixed number of queries (lib/referral/service.ts promoterResults).

export const PROMOTER_SORTS = ["level1"] as const;
export type PromoterSort = (typeof PROMOTER_SORTS)[number];

export async function listBrandPromoters(brandId: string, params: ListParams<PromoterSort>): Promise<Page<PromoterRow>> {
  const matching = params.q
    ? (await db.memberBrand.findMany({ where: { brandId, member: { OR: [{ phone: { contains: params.q } }, { nickname: { contains: params.q } }] } }, select: { memberId: true }, take: 500 })).map((m) => m.memberId)
    : null;
  const where = { brandId, referrerId: matching ? { in: matching } : { not: null } };
  const [all, page] = await Promise.all([
    db.memberBrand.groupBy({ by: ["referrerId"], where, _count: { _all: true } }),
    db.memberBrand.groupBy({ by: ["referrerId"], where, _count: { _all: true }, orderBy: [{ _count: { referrerId: params.dir } }, { referrerId: "asc" }], skip: params.skip, take: params.take }),
  ]);
  const rows = await promoterResults(brandId, page.map((t) => ({ referrerId: t.referrerId, level1: t._count._all })));
  return pageOf(rows, all.length, params);
}
