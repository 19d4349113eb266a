import "server-only";
import { z } from "zod";
import { AccessDenied, authorize, type Principal } from "@/lib/auth/policy";
import { currentPrincipal } from "@/lib/auth/session";
import { StaffAdminRefused } from "@/lib/staff/admin";
import { MemberAdminRefused } from "@/lib/members/admin";
import { StockAdjustRefused } from "@/lib/inventory/adjustments";
import { OrderRefused } from "@/lib/orders/errors";
import { TransferRefused } from "@/lib/transfers/errors";

// The console's server actions (staff, members, stock, transfers, returns) all start the same way: the form names
// its brand; the caller must hold brand.manage of it; a domain refusal comes back as its message with nothing
// changed, anything unexpected as a polite retry (logged, never a stack trace).

export type ConsoleActionResult<T extends object = object> = ({ ok: true } & T) | { ok: false; message: string };

const brandId = z.string().min(1).max(64);

/** The form's fields as strings (files and repeated names are not used by console forms). */
export function formFields(form: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of form.entries()) if (typeof v === "string") out[k] = v;
  return out;
}

export async function consoleAction<T extends object>(
  name: string,
  form: FormData,
  act: (who: Extract<Principal, { kind: "staff" }>, brandId: string, fields: Record<string, string>) => Promise<ConsoleActionResult<T>>,
): Promise<ConsoleActionResult<T>> {
  try {
    const fields = formFields(form);
    const brand = brandId.safeParse(fields.brandId);
    if (!brand.success) return { ok: false, message: "缺少品牌 / The form names no brand" };
    const principal = await currentPrincipal();
    authorize(principal, "brand.manage", { brandId: brand.data });
    if (principal.kind !== "staff") throw new AccessDenied("forbidden", "brand.manage");
    return await act(principal, brand.data, fields);
  } catch (error) {
    if (error instanceof AccessDenied) return { ok: false, message: error.message };
    if (error instanceof StaffAdminRefused || error instanceof MemberAdminRefused || error instanceof StockAdjustRefused || error instanceof OrderRefused || error instanceof TransferRefused) {
      return { ok: false, message: error.message };
    }
    if (error instanceof z.ZodError) return { ok: false, message: error.issues[0]!.message };
    console.error(`[admin console] ${name}`, error);
    return { ok: false, message: "操作失败，请重试 / Something went wrong, please retry" };
  }
}
