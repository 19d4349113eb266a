import "server-only";
import { z } from "zod";
import { asBrandAdmin, consoleErrorMessage } from "@/lib/admin/console-action";
import type { AuditActor } from "@/lib/audit/log";

// What the catalog and store console forms share: who may post (brand.manage of the brand named in the form,
// through the policy module), the form's answer, and reading FormData without trusting its types.

/** The answer shown under a console form: saved, or the refusal in the server's words ("中文 / English"). */
export type FormState = { ok: boolean; message: string } | null;

/** A console form's server action, as useActionState calls it. */
export type FormAction = (state: FormState, form: FormData) => Promise<FormState>;

export const SAVED: FormState = { ok: true, message: "已保存 / Saved" };

export const brandIdField = z.string().min(1).max(64);
/** ?brand=slug for the group admin's links; empty for a brand admin. */
export const brandQueryField = z.string().regex(/^(\?brand=[a-z0-9-]{1,40})?$/).catch("");

/** The actor for the audit log, after brand.manage of `brandId` is checked (another brand's admin: refused). */
export async function brandAdminActor(brandId: string): Promise<AuditActor> {
  return (await asBrandAdmin(brandId)).actor;
}

/** Runs a form's work; refusals, access and input errors become the form's message, anything else a polite retry. */
export async function answerForm(name: string, act: () => Promise<FormState>): Promise<FormState> {
  try {
    return await act();
  } catch (error) {
    return { ok: false, message: consoleErrorMessage(`catalog ${name}`, error) };
  }
}

export const text = (form: FormData, key: string): string => {
  const v = form.get(key);
  return typeof v === "string" ? v : "";
};
export const checked = (form: FormData, key: string): boolean => form.get(key) === "on";
