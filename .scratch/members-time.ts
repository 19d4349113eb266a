import { brandMemberTags, listBrandMembers, MEMBER_SORTS } from "@/lib/members/admin";
import { parseListParams } from "@/lib/admin/list-params";
import { db } from "@/lib/db";
const brand = (await db.brand.findFirstOrThrow({ where: { slug: "chain" } })).id;
for (const q of ["00000", "0778", "150000", "会员0001", ""]) {
  const list = parseListParams({ q }, { sorts: MEMBER_SORTS, defaultSort: "joinedAt", defaultDir: "desc" });
  for (let i = 0; i < 3; i++) await listBrandMembers(brand, list);
  let s = performance.now(); for (let i = 0; i < 10; i++) await listBrandMembers(brand, list); const a = (performance.now() - s) / 10;
  s = performance.now(); for (let i = 0; i < 10; i++) await brandMemberTags(brand); const b = (performance.now() - s) / 10;
  const p = await listBrandMembers(brand, list);
  console.log(JSON.stringify(q), "list", a.toFixed(1), "ms; tags", b.toFixed(1), "ms; total", p.total, p.capped);
}
