"use server";

import { consoleAction } from "@/lib/admin/console-action";
import { addMemberTag, adjustMemberPoints, removeMemberTag, setMemberTier } from "@/lib/members/admin";
import type { ActionAnswer } from "@/components/admin/people/action-form";

// Member forms of the console: brand.manage of the brand the form names; the member must be that brand's
// (lib/members/admin.ts), points never go below zero and every change is audited.

export async function setMemberTierAction(form: FormData): Promise<ActionAnswer> {
  return consoleAction("member tier", form, async (who, brandId, fields) => {
    await setMemberTier(who, brandId, fields.memberBrandId ?? "", fields.tier);
    return { ok: true };
  });
}

export async function addMemberTagAction(form: FormData): Promise<ActionAnswer> {
  return consoleAction("member tag add", form, async (who, brandId, fields) => {
    await addMemberTag(who, brandId, fields.memberBrandId ?? "", fields.tag);
    return { ok: true };
  });
}

export async function removeMemberTagAction(form: FormData): Promise<ActionAnswer> {
  return consoleAction("member tag remove", form, async (who, brandId, fields) => {
    await removeMemberTag(who, brandId, fields.memberBrandId ?? "", fields.tag);
    return { ok: true };
  });
}

export async function adjustMemberPointsAction(form: FormData): Promise<ActionAnswer> {
  return consoleAction("member points", form, async (who, brandId, fields) => {
    await adjustMemberPoints(who, brandId, fields.memberBrandId ?? "", { delta: fields.delta, reason: fields.reason });
    return { ok: true };
  });
}
