import { membersContaining } from "@/lib/members/search";
import { db } from "@/lib/db";
const brand = (await db.brand.findFirstOrThrow({ where: { slug: "chain" } })).id;
const time = async (label: string, f: () => Promise<unknown>) => { for (let i = 0; i < 3; i++) await f(); const s = performance.now(); for (let i = 0; i < 10; i++) await f(); console.log(label, ((performance.now() - s) / 10).toFixed(1), "ms"); };
const ids = await membersContaining(brand, "00000", 501);
await time("containing", () => membersContaining(brand, "00000", 501));
await time("IN 500 memberBrand", () => db.memberBrand.findMany({ where: { brandId: brand, memberId: { in: ids.slice(0, 500) } }, select: { id: true, points: true, joinedAt: true } }));
await time("IN 500 raw-ish count", () => db.memberBrand.count({ where: { brandId: brand, memberId: { in: ids.slice(0, 500) } } }));
