"use server";

import { z } from "zod";
import { AccessDenied, authorize } from "@/lib/auth/policy";
import { currentPrincipal } from "@/lib/auth/session";
import { createApiKey, revokeApiKey } from "@/lib/erp/keys";
import type { AdminActionResult } from "@/components/admin/admin-action-result";

// The API keys page's forms: brand.manage for the brand named in the form (a brand admin only their own, the
// group admin any). The new key's secret is answered once, to this call, and never again.

const brandId = z.string().min(1).max(64);

async function asBrandAdmin(id: string) {
  const principal = await currentPrincipal();
  authorize(principal, "brand.manage", { brandId: id });
  if (principal.kind !== "staff") throw new AccessDenied("forbidden", "brand.manage");
  return `staff:${principal.staffId}` as const;
}

async function run<T extends object>(name: string, act: () => Promise<AdminActionResult<T>>): Promise<AdminActionResult<T>> {
  try {
    return await act();
  } catch (error) {
    if (error instanceof AccessDenied) return { ok: false, message: error.message };
    if (error instanceof z.ZodError) return { ok: false, message: error.issues[0]!.message };
    console.error(`[admin api keys] ${name}`, error);
    return { ok: false, message: "操作失败，请重试 / Something went wrong, please retry" };
  }
}

export async function createApiKeyAction(raw: unknown): Promise<AdminActionResult<{ secret: string; prefix: string }>> {
  return run("create", async () => {
    const input = z.object({ brandId, name: z.string().max(200), rateLimit: z.string().max(10) }).parse(raw);
    const actor = await asBrandAdmin(input.brandId);
    const key = await createApiKey(input.brandId, { name: input.name, rateLimit: input.rateLimit.trim() === "" ? undefined : input.rateLimit }, actor);
    return { ok: true, secret: key.secret, prefix: key.prefix };
  });
}

export async function revokeApiKeyAction(raw: unknown): Promise<AdminActionResult> {
  return run("revoke", async () => {
    const input = z.object({ brandId, id: z.string().min(1).max(64) }).parse(raw);
    const actor = await asBrandAdmin(input.brandId);
    return (await revokeApiKey(input.brandId, input.id, actor)) ? { ok: true } : { ok: false, message: "密钥不存在或已吊销 / No such live key" };
  });
}
