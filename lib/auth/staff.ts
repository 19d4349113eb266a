import { z } from "zod";
import { db } from "@/lib/db";
import { audit } from "@/lib/audit/log";
import { hitRateLimit } from "@/lib/security/rate-limit";
import { decoyPasswordHash, verifyPassword } from "./password";
import type { StaffRole } from "@/lib/generated/prisma/enums";

export const staffSignInInput = z.object({
  login: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(200),
});

export type StaffIdentity = { id: string; name: string; role: StaffRole; brandId: string | null; storeId: string | null };

export type StaffSignInResult = { ok: true; staff: StaffIdentity } | { ok: false; code: "invalid" | "rate_limited"; message: string };

// One message for unknown accounts, wrong passwords and disabled accounts: nothing leaks which it was.
const INVALID = "账号或密码不正确，请重试；忘记密码请联系店长或品牌管理员 / Wrong account or password; ask your manager to reset it";
const LIMITS = { perLogin: { limit: 10, windowSeconds: 15 * 60 }, perIp: { limit: 50, windowSeconds: 15 * 60 } };

/** Staff sign-in by username or phone + password, rate-limited per account and per IP, audited. */
export async function authenticateStaff(raw: unknown, ip: string): Promise<StaffSignInResult> {
  const parsed = staffSignInInput.safeParse(raw);
  if (!parsed.success) return { ok: false, code: "invalid", message: INVALID };
  const login = parsed.data.login.toLowerCase();
  const [byLogin, byIp] = await Promise.all([
    hitRateLimit(`staff-sign-in:login:${login}`, LIMITS.perLogin),
    hitRateLimit(`staff-sign-in:ip:${ip}`, LIMITS.perIp),
  ]);
  if (!byLogin.allowed || !byIp.allowed) {
    await audit({ actor: "anonymous", action: "staff.sign_in_failed", target: `login:${login}`, ip, detail: { reason: "rate_limited" } });
    const minutes = Math.ceil(Math.max(byLogin.retryAfterSeconds, byIp.retryAfterSeconds) / 60);
    return { ok: false, code: "rate_limited", message: `尝试次数过多，请 ${minutes} 分钟后再试 / Too many attempts, try again in ${minutes} min` };
  }
  const staff = await db.staff.findFirst({
    where: { OR: [{ username: login }, { phone: login }] },
    select: { id: true, name: true, role: true, brandId: true, storeId: true, active: true, passwordHash: true },
  });
  // Username and phone of one account share one counter, so switching between them buys no extra guesses.
  if (staff && !(await hitRateLimit(`staff-sign-in:account:${staff.id}`, LIMITS.perLogin)).allowed) {
    await audit({ actor: `staff:${staff.id}`, action: "staff.sign_in_failed", target: `login:${login}`, ip, detail: { reason: "rate_limited" }, brandId: staff.brandId ?? undefined });
    return { ok: false, code: "rate_limited", message: `尝试次数过多，请 15 分钟后再试 / Too many attempts, try again in 15 min` };
  }
  // Verify against a decoy when there is no account, so the answer takes as long either way.
  const valid = await verifyPassword(parsed.data.password, staff?.passwordHash ?? (await decoyPasswordHash()));
  if (!staff || !valid || !staff.active) {
    await audit({
      actor: staff ? `staff:${staff.id}` : "anonymous",
      action: "staff.sign_in_failed",
      target: `login:${login}`,
      ip,
      detail: { reason: !staff ? "unknown_account" : !valid ? "wrong_password" : "inactive" },
      brandId: staff?.brandId ?? undefined,
    });
    return { ok: false, code: "invalid", message: INVALID };
  }
  await audit({ actor: `staff:${staff.id}`, action: "staff.sign_in", target: `staff:${staff.id}`, ip, brandId: staff.brandId ?? undefined });
  const { id, name, role, brandId, storeId } = staff;
  return { ok: true, staff: { id, name, role, brandId, storeId } };
}
