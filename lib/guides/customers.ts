import "server-only";
import { db } from "@/lib/db";
import { maskPhone } from "@/lib/auth/phone";
import type { BindingSource, OrderStatus } from "@/lib/generated/prisma/enums";
import type { GuideActor } from "./access";

// My customers (我的顾客): members whose binding to this guide is open, in the guide's brand. A guide sees
// a masked phone, never the whole number: the customer is reached through the app (lookbook, inbox), and a
// guide who leaves takes no phone list along.

/** What "last visit" was taken from: nothing records a member's scans, so the latest of these three. */
export type LastVisitSource = "touch" | "order" | "favourite";

export type GuideCustomer = {
  memberId: string;
  /** "138****8000", or null for a member who signed in only through WeChat. */
  maskedPhone: string | null;
  nickname: string;
  boundAt: Date;
  source: BindingSource;
  lastVisit: { at: Date; source: LastVisitSource };
  favourites: { styleCode: string; name: string; at: Date }[];
  orders: { number: string; status: OrderStatus; totalFen: number; refundedFen: number; createdAt: Date }[];
  orderCount: number;
};

const SHOWN_ORDERS = 5;
const SHOWN_FAVOURITES = 10;
const MAX_CUSTOMERS = 200;

/** The guide's open bindings in their brand, most recently seen first (at most 200). */
export async function guideCustomers(guide: GuideActor): Promise<GuideCustomer[]> {
  const brandId = guide.brandId;
  const bindings = await db.guideBinding.findMany({
    where: { guideId: guide.staffId, brandId, endedAt: null },
    orderBy: { lastTouchAt: "desc" },
    take: MAX_CUSTOMERS,
    select: {
      memberId: true,
      source: true,
      boundAt: true,
      lastTouchAt: true,
      member: {
        select: {
          phone: true,
          nickname: true,
          orders: { where: { brandId }, orderBy: { createdAt: "desc" }, take: SHOWN_ORDERS, select: { number: true, status: true, totalFen: true, refundedFen: true, createdAt: true } },
          favourites: { where: { product: { brandId } }, orderBy: { createdAt: "desc" }, take: SHOWN_FAVOURITES, select: { createdAt: true, product: { select: { styleCode: true, name: true } } } },
          _count: { select: { orders: { where: { brandId } } } },
        },
      },
    },
  });

  const seen = new Set<string>();
  const customers: GuideCustomer[] = [];
  for (const b of bindings) {
    if (seen.has(b.memberId)) continue; // one open binding per member is the rule; show one row regardless
    seen.add(b.memberId);
    const { member } = b;
    const candidates: { at: Date; source: LastVisitSource }[] = [{ at: b.lastTouchAt, source: "touch" }];
    if (member.orders[0]) candidates.push({ at: member.orders[0].createdAt, source: "order" });
    if (member.favourites[0]) candidates.push({ at: member.favourites[0].createdAt, source: "favourite" });
    const lastVisit = candidates.reduce((a, c) => (c.at > a.at ? c : a));
    customers.push({
      memberId: b.memberId,
      maskedPhone: member.phone ? maskPhone(member.phone) : null,
      nickname: member.nickname,
      boundAt: b.boundAt,
      source: b.source,
      lastVisit,
      favourites: member.favourites.map((f) => ({ styleCode: f.product.styleCode, name: f.product.name, at: f.createdAt })),
      orders: member.orders,
      orderCount: member._count.orders,
    });
  }
  return customers.sort((a, b) => b.lastVisit.at.getTime() - a.lastVisit.at.getTime());
}
