import { REFERENCE_DATE } from "./constants";
import type { SeedMemberBrand } from "./members";

// Demo customers of the demo guides (each brand's SH01 guide), so the guide's "my customers" page and the
// store manager's view have something to show on a fresh install. Deterministic like the rest of the seed.

export type SeedBinding = { id: string; brandId: string; memberId: string; guideId: string; source: "QR" | "SHARE_LINK"; boundAt: Date; lastTouchAt: Date };

const GUIDE_OF: Record<string, string> = { brand_lumi: "staff_lumi_sh01_guide", brand_nord: "staff_nord_sh01_guide" };
const PER_GUIDE = 6;
const DAY = 86_400_000;

export function generateBindings(memberBrands: SeedMemberBrand[]): SeedBinding[] {
  const out: SeedBinding[] = [];
  for (const [brandId, guideId] of Object.entries(GUIDE_OF)) {
    const members = memberBrands.filter((mb) => mb.brandId === brandId).map((mb) => mb.memberId).sort().slice(1, 1 + PER_GUIDE);
    members.forEach((memberId, i) => {
      const boundAt = new Date(REFERENCE_DATE.getTime() - (3 + i * 4) * DAY);
      out.push({ id: `bind_${memberId}_${brandId}`, brandId, memberId, guideId, source: i % 3 === 2 ? "SHARE_LINK" : "QR", boundAt, lastTouchAt: boundAt });
    });
  }
  return out;
}
