import crypto from "node:crypto";
import { hashPassword } from "@/lib/auth/password";
import type { StaffRole } from "@/lib/generated/prisma/enums";
import { REFERENCE_DATE } from "./constants";
import { storeId } from "./stores";

/** Development only: every demo account shares this password (README). */
export const DEMO_STAFF_PASSWORD = "Demo-Staff-2026";

type DemoStaff = { username: string; name: string; phone: string; role: StaffRole; brand?: "lumi" | "nord"; store?: string };

const DEMO: DemoStaff[] = [
  { username: "admin", name: "集团管理员", phone: "13900000001", role: "ADMIN" },
  { username: "lumi.admin", name: "LUMI 品牌管理员", phone: "13900000002", role: "BRAND_ADMIN", brand: "lumi" },
  { username: "nord.admin", name: "NORD 品牌管理员", phone: "13900000003", role: "BRAND_ADMIN", brand: "nord" },
  { username: "lumi.sh01.manager", name: "王店长", phone: "13900000004", role: "STORE_MANAGER", brand: "lumi", store: "SH01" },
  { username: "lumi.sh01.guide", name: "李导购", phone: "13900000005", role: "GUIDE", brand: "lumi", store: "SH01" },
  { username: "lumi.bj01.guide", name: "张导购", phone: "13900000006", role: "GUIDE", brand: "lumi", store: "BJ01" },
  { username: "nord.sh01.guide", name: "陈导购", phone: "13900000007", role: "GUIDE", brand: "nord", store: "SH01" },
];

/** Demo staff for every role and scope; salts derived from the username so the seed stays deterministic. */
export async function generateDemoStaff() {
  return Promise.all(
    DEMO.map(async (s) => ({
      id: `staff_${s.username.replace(/\./g, "_")}`,
      username: s.username,
      name: s.name,
      phone: s.phone,
      role: s.role,
      brandId: s.brand ? `brand_${s.brand}` : null,
      storeId: s.brand && s.store ? storeId(s.brand, s.store) : null,
      passwordHash: await hashPassword(DEMO_STAFF_PASSWORD, crypto.createHash("sha256").update(`demo-salt:${s.username}`).digest().subarray(0, 16)),
      createdAt: REFERENCE_DATE,
      updatedAt: REFERENCE_DATE,
    })),
  );
}
