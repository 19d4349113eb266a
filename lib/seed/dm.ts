import { daysBefore } from "./constants";
import type { SeedImage, SeedProduct } from "./catalog";

// Demo VIP DM catalogs of LUMI (issue 6), so the shop's home page and the admin console show the feature on a
// fresh install: one for the VIP and SVIP tiers, one for SVIPs plus the demo member by name. Deterministic:
// fixed ids, dates from the reference date, items picked by style code order.

export type SeedDmCatalog = { id: string; brandId: string; kind: "DM"; authorId: string; title: string; note: string; coverUrl: string; status: "PUBLISHED"; startsAt: Date; endsAt: null; publishedAt: Date; createdAt: Date };
export type SeedDmItem = { id: string; lookbookId: string; productId: string; note: string; sort: number };
export type SeedDmAudience = { id: string; lookbookId: string; kind: "TIER" | "MEMBER"; value: string };

const AUTHOR = "staff_lumi_admin";
const NOTES = ["本季主推，VIP 专享尺码优先 / This season's lead piece", "搭配针织衫更暖 / Warmer with a knit", "门店可试穿 / Try it on in store", "", "限量色 / Limited colour", ""];

export function generateDmCatalogs(products: SeedProduct[], images: SeedImage[]): { catalogs: SeedDmCatalog[]; items: SeedDmItem[]; audience: SeedDmAudience[] } {
  const lumi = products.filter((p) => p.brandId === "brand_lumi" && p.active).sort((a, b) => a.styleCode.localeCompare(b.styleCode));
  const coverOf = (productId: string) => images.filter((i) => i.productId === productId).sort((a, b) => a.sort - b.sort)[0]?.url ?? "";
  const specs = [
    { id: "dm_lumi_winter_vip", title: "冬日 VIP 专享 · Winter VIP picks", note: "为 VIP 会员挑选的冬季单品，到店出示会员码可试穿。 / Winter pieces picked for our VIP members.", days: 2, picks: [0, 7, 14, 21, 28, 35], rules: [{ kind: "TIER" as const, value: "VIP" }, { kind: "TIER" as const, value: "SVIP" }] },
    { id: "dm_lumi_svip_preview", title: "SVIP 新年预览 · SVIP New Year preview", note: "新年系列抢先看。 / A first look at the New Year collection.", days: 1, picks: [3, 10, 17, 24], rules: [{ kind: "TIER" as const, value: "SVIP" }, { kind: "MEMBER" as const, value: "member_001" }] },
  ];
  const catalogs: SeedDmCatalog[] = [];
  const items: SeedDmItem[] = [];
  const audience: SeedDmAudience[] = [];
  for (const s of specs) {
    const picked = s.picks.map((i) => lumi[i % lumi.length]!);
    const at = daysBefore(s.days);
    catalogs.push({ id: s.id, brandId: "brand_lumi", kind: "DM", authorId: AUTHOR, title: s.title, note: s.note, coverUrl: coverOf(picked[0]!.id), status: "PUBLISHED", startsAt: at, endsAt: null, publishedAt: at, createdAt: at });
    picked.forEach((p, sort) => items.push({ id: `${s.id}_item_${sort}`, lookbookId: s.id, productId: p.id, note: NOTES[sort % NOTES.length]!, sort }));
    s.rules.forEach((r, i) => audience.push({ id: `${s.id}_rule_${i}`, lookbookId: s.id, ...r }));
  }
  return { catalogs, items, audience };
}
