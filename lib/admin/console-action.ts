import "server-only";
import { z } from "zod";
import { AccessDenied, authorize, type Principal } from "@/lib/auth/policy";
import { currentPrincipal } from "@/lib/auth/session";
import { refusedAnswer } from "@/lib/action-answer";
import type { AdminActionResult } from "@/components/admin/admin-action-result";

// Every console server action starts the same way: the form names its brand; the caller must hold brand.manage of
// it (through the policy module); a refusal (any domain's Refusal, access, bad input) comes back as its message with
// nothing changed; anything unexpected as a polite retry, logged, never a stack trace.

export type ConsoleActionResult<T extends object = object> = AdminActionResult<T>;
export type BrandAdmin = { staffId: string; brandId: string; actor: `staff:${string}` };

const brandIdField = z.string().min(1).max(64);

/** The signed-in staff member, if they may manage `brandId` (a brand admin their own brand, the group admin any). */
export async function asBrandAdmin(brandId: string): Promise<BrandAdmin> {
  const principal = await currentPrincipal();
  authorize(principal, "brand.manage", { brandId });
  if (principal.kind !== "staff") throw new AccessDenied("forbidden", "brand.manage");
  return { staffId: principal.staffId, brandId, actor: `staff:${principal.staffId}` };
}

/** What a console form shows for an error thrown by its work (lib/action-answer.ts). */
export function consoleErrorMessage(name: string, error: unknown): string {
  return refusedAnswer("admin console", name, error).message;
}

/** Runs a console action's work, turning any error into the form's message. */
export async function runConsoleAction<T extends object>(name: string, act: () => Promise<ConsoleActionResult<T>>): Promise<ConsoleActionResult<T>> {
  try {
    return await act();
  } catch (error) {
    return { ok: false, message: consoleErrorMessage(name, error) };
  }
}

/** The form's fields as strings (files and repeated names are not used by these forms). */
export function formFields(form: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of form.entries()) if (typeof v === "string") out[k] = v;
  return out;
}

/** A FormData console action: brand from the form's brandId field, checked, then the work. */
export async function consoleAction<T extends object>(
  name: string,
  form: FormData,
  act: (who: Extract<Principal, { kind: "staff" }>, brandId: string, fields: Record<string, string>) => Promise<ConsoleActionResult<T>>,
): Promise<ConsoleActionResult<T>> {
  return runConsoleAction(name, async () => {
    const fields = formFields(form);
    const brand = brandIdField.safeParse(fields.brandId);
    if (!brand.success) return { ok: false, message: "缺少品牌 / The form names no brand" };
    await asBrandAdmin(brand.data);
    const principal = await currentPrincipal();
    if (principal.kind !== "staff") throw new AccessDenied("forbidden", "brand.manage");
    return act(principal, brand.data, fields);
  });
}
