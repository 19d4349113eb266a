"use server";

import { consoleAction } from "@/lib/admin/console-action";
import { changeBrandStaffAssignment, createBrandStaff, deactivateBrandStaff, resetBrandStaffPassword } from "@/lib/staff/admin";
import type { ActionAnswer } from "@/components/admin/people/action-form";

// Staff forms of the console: brand.manage of the brand the form names (lib/admin/console-action.ts); the rules
// (brand roles only, own brand's stores, never oneself) are lib/staff/admin.ts's.

const initialPassword = (p: string | null) => (p ? `初始密码（只显示这一次）/ Initial password (shown once): ${p}` : undefined);

export async function createStaffAction(form: FormData): Promise<ActionAnswer> {
  return consoleAction("staff create", form, async (who, brandId, fields) => {
    const { generatedPassword } = await createBrandStaff(who, brandId, fields);
    return { ok: true, notice: initialPassword(generatedPassword) };
  });
}

export async function changeStaffAssignmentAction(form: FormData): Promise<ActionAnswer> {
  return consoleAction("staff assignment", form, async (who, brandId, fields) => {
    await changeBrandStaffAssignment(who, brandId, fields.staffId ?? "", fields);
    return { ok: true };
  });
}

export async function deactivateStaffAction(form: FormData): Promise<ActionAnswer> {
  return consoleAction("staff deactivate", form, async (who, brandId, fields) => {
    await deactivateBrandStaff(who, brandId, fields.staffId ?? "");
    return { ok: true };
  });
}

export async function resetStaffPasswordAction(form: FormData): Promise<ActionAnswer> {
  return consoleAction("staff password", form, async (who, brandId, fields) => {
    const { generatedPassword } = await resetBrandStaffPassword(who, brandId, fields.staffId ?? "", fields);
    return { ok: true, notice: initialPassword(generatedPassword) };
  });
}
