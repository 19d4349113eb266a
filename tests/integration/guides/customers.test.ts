import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { guideCustomers } from "@/lib/guides/customers";
import { guideActor, newMember, newStyle } from "./fixtures";

// Only my open bindings in my brand: not another guide's, not ended ones, not another brand's.

const DAY = 86_400_000;
const now = Date.now();
let guide: Awaited<ReturnType<typeof guideActor>>;
const members: Record<string, { id: string; phone: string | null }> = {};
let orderId: string;

beforeAll(async () => {
  guide = await guideActor("lumi.sh01.guide");
  const other = await guideActor("lumi.bj01.guide");
  const nord = await db.brand.findUniqueOrThrow({ where: { slug: "nord" } });
  for (const name of ["mine", "mineQuiet", "ended", "otherGuide", "otherBrand"]) members[name] = await newMember(name === "mineQuiet" ? "" : `测试${name}`);
  const bind = (memberId: string, data: Partial<{ guideId: string; brandId: string; source: "QR" | "SHARE_LINK" | "COUNTER" | "REASSIGNED"; endedAt: Date; daysAgo: number }>) =>
    db.guideBinding.create({
      data: {
        brandId: data.brandId ?? guide.brandId,
        memberId,
        guideId: data.guideId ?? guide.staffId,
        source: data.source ?? "QR",
        boundAt: new Date(now - (data.daysAgo ?? 1) * DAY),
        lastTouchAt: new Date(now - (data.daysAgo ?? 1) * DAY),
        endedAt: data.endedAt ?? null,
        endedReason: data.endedAt ? "taken over" : "",
      },
    });
  await bind(members.mine!.id, { source: "SHARE_LINK", daysAgo: 10 });
  await bind(members.mineQuiet!.id, { source: "QR", daysAgo: 3 });
  await bind(members.ended!.id, { endedAt: new Date(now - DAY), daysAgo: 5 });
  await bind(members.otherGuide!.id, { guideId: other.staffId });
  await bind(members.otherBrand!.id, { brandId: nord.id });

  // "mine" favourited a style 2 days ago and ordered 1 day ago: the order is the last visit.
  const { product } = await newStyle(guide.brandId);
  await db.favourite.create({ data: { memberId: members.mine!.id, productId: product.id, createdAt: new Date(now - 2 * DAY) } });
  const order = await db.order.create({
    data: {
      number: `9${crypto.randomInt(10 ** 10, 10 ** 11)}`,
      brandId: guide.brandId,
      memberId: members.mine!.id,
      fulfilment: "PICKUP",
      status: "PAID",
      paymentMethod: "MALL_CASHIER",
      storeId: guide.storeId,
      guideId: guide.staffId,
      itemsFen: 19900,
      totalFen: 19900,
      idempotencyKey: crypto.randomUUID(),
      requestHash: "test",
      createdAt: new Date(now - DAY),
    },
  });
  orderId = order.id;
});

afterAll(async () => {
  await db.order.delete({ where: { id: orderId } });
  await db.member.deleteMany({ where: { id: { in: Object.values(members).map((m) => m.id) } } });
});

describe("my customers", () => {
  it("lists only members with an open binding to me in my brand, last seen first", async () => {
    const list = (await guideCustomers(guide)).filter((c) => Object.values(members).some((m) => m.id === c.memberId));
    expect(list.map((c) => c.memberId)).toEqual([members.mine!.id, members.mineQuiet!.id]);
  });

  it("shows a masked phone, how and when they were bound, last visit and its source, favourites and orders", async () => {
    const [mine, quiet] = (await guideCustomers(guide)).filter((c) => c.memberId === members.mine!.id || c.memberId === members.mineQuiet!.id);
    const phone = members.mine!.phone!;
    expect(mine).toMatchObject({ maskedPhone: `${phone.slice(0, 3)}****${phone.slice(7)}`, nickname: "测试mine", source: "SHARE_LINK", orderCount: 1 });
    expect(JSON.stringify(mine)).not.toContain(phone);
    expect(mine!.lastVisit).toEqual({ at: new Date(now - DAY), source: "order" });
    expect(mine!.favourites).toHaveLength(1);
    expect(mine!.orders).toEqual([expect.objectContaining({ status: "PAID", totalFen: 19900 })]);
    expect(quiet).toMatchObject({ nickname: "", source: "QR", favourites: [], orders: [], orderCount: 0 });
    expect(quiet!.lastVisit.source).toBe("touch");
  });

  it("another guide sees their own, not mine", async () => {
    const other = await guideActor("lumi.bj01.guide");
    const ids = (await guideCustomers(other)).map((c) => c.memberId);
    expect(ids).toContain(members.otherGuide!.id);
    expect(ids).not.toContain(members.mine!.id);
  });
});
