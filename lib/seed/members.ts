import { fakerZH_CN as faker } from "@faker-js/faker";
import type { BrandSlug } from "./brands";
import { REFERENCE_DATE, SEED, daysBefore } from "./constants";

export type SeedMember = { id: string; phone: string; unionId: null; nickname: string; avatarUrl: string; createdAt: Date; updatedAt: Date };
export type SeedMemberBrand = { id: string; memberId: string; brandId: string; tier: "NORMAL" | "VIP" | "SVIP"; points: number; joinedAt: Date };

const MOBILE_PREFIXES = ["138", "139", "136", "137", "135", "150", "158", "186", "188", "177"];
const LATIN_NICKNAMES = ["Cici", "Momo", "Yoyo", "Kiki", "Coco", "Ada", "Vivian", "Lily", "Jason", "Leo", "Kevin", "Ivy", "Nina", "Sean"];
const SUFFIXES = ["", "", "酱", "呀", "_sh", "同学"];

/** The first member is the demo account: a phone that is easy to type. */
export const DEMO_MEMBER_PHONE = "13800138000";

/** About 30 members with their per-brand tier and points. Pure: same output on every call. */
export function generateMembers(count = 30): { members: SeedMember[]; memberBrands: SeedMemberBrand[] } {
  faker.seed([SEED, 4]);
  const members: SeedMember[] = [];
  const memberBrands: SeedMemberBrand[] = [];
  const phones = new Set<string>();
  for (let i = 1; i <= count; i++) {
    const id = `member_${String(i).padStart(3, "0")}`;
    let phone = i === 1 ? DEMO_MEMBER_PHONE : "";
    while (!phone || phones.has(phone)) phone = faker.helpers.arrayElement(MOBILE_PREFIXES) + faker.string.numeric(8);
    phones.add(phone);
    const given = faker.person.firstName();
    const nickname =
      i === 1
        ? "小露"
        : faker.helpers.weightedArrayElement([
            { weight: 3, value: () => given },
            { weight: 3, value: () => `小${given.slice(-1)}` },
            { weight: 2, value: () => `阿${given.slice(0, 1)}` },
            { weight: 3, value: () => faker.helpers.arrayElement(LATIN_NICKNAMES) },
          ])() + faker.helpers.arrayElement(SUFFIXES);

    const brands: BrandSlug[] =
      i === 1 ? ["lumi", "nord"] : faker.helpers.weightedArrayElement<BrandSlug[]>([
        { weight: 55, value: ["lumi"] },
        { weight: 20, value: ["nord"] },
        { weight: 25, value: ["lumi", "nord"] },
      ]);
    let firstJoin = REFERENCE_DATE;
    for (const brand of brands) {
      const tier = i === 1 ? "VIP" : faker.helpers.weightedArrayElement([
        { weight: 60, value: "NORMAL" as const },
        { weight: 30, value: "VIP" as const },
        { weight: 10, value: "SVIP" as const },
      ]);
      const points =
        tier === "NORMAL" ? faker.number.int({ min: 0, max: 800 }) : tier === "VIP" ? faker.number.int({ min: 800, max: 5000 }) : faker.number.int({ min: 5000, max: 20000 });
      const joinedAt = daysBefore(faker.number.int({ min: 20, max: 720 }));
      if (joinedAt < firstJoin) firstJoin = joinedAt;
      memberBrands.push({ id: `mb_${id.slice(7)}_${brand}`, memberId: id, brandId: `brand_${brand}`, tier, points, joinedAt });
    }
    members.push({ id, phone, unionId: null, nickname, avatarUrl: "", createdAt: firstJoin, updatedAt: REFERENCE_DATE });
  }
  return { members, memberBrands };
}
