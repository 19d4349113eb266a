"use server";

import { z } from "zod";
import { asBrandAdmin, runConsoleAction } from "@/lib/admin/console-action";
import { addDmItem, createDmDraft, moveDmItem, publishDm, removeDmItem, setDmAudience, setDmCover, setDmItemNote, setDmWindow, unpublishDm, updateDmDetails, type DmAdmin } from "@/lib/dm/builder";
import { DmRefused } from "@/lib/dm/errors";
import { searchLookbookProducts, type PickableProduct } from "@/lib/lookbooks/service";
import type { AdminActionResult } from "@/components/admin/admin-action-result";

// The DM builder's forms: brand.manage for the brand named in the form (a brand admin only their own, the group
// admin any). Each parses its input, checks the policy, and calls one lib/dm/builder function.

const id = z.string().min(1).max(64);
const bad = "参数无效 / Invalid request";

async function dmAdmin(brandId: string): Promise<DmAdmin> {
  const { staffId } = await asBrandAdmin(brandId);
  return { staffId, brandId };
}

const run = <T extends object>(name: string, act: () => Promise<T>): Promise<AdminActionResult<T>> =>
  runConsoleAction(`dm ${name}`, async () => ({ ok: true as const, ...(await act()) }));

const target = z.object({ brandId: id, id });

export async function createDmAction(raw: unknown): Promise<AdminActionResult<{ id: string }>> {
  return run("create", async () => {
    const input = z.object({ brandId: id, title: z.string().max(200), note: z.string().max(2000) }).parse(raw);
    return createDmDraft(await dmAdmin(input.brandId), input);
  });
}

export async function saveDmDetailsAction(raw: unknown): Promise<AdminActionResult> {
  return run("details", async () => {
    const input = target.extend({ title: z.string().max(200), note: z.string().max(2000) }).parse(raw);
    await updateDmDetails(await dmAdmin(input.brandId), input.id, input);
    return {};
  });
}

export async function uploadDmCoverAction(form: FormData): Promise<AdminActionResult<{ coverUrl: string }>> {
  return run("cover", async () => {
    const input = target.parse({ brandId: form.get("brandId"), id: form.get("id") });
    const file = form.get("cover");
    if (!(file instanceof File) || file.size === 0) throw new DmRefused("bad_request", "请选择图片 / Choose a picture");
    const admin = await dmAdmin(input.brandId);
    return setDmCover(admin, input.id, Buffer.from(await file.arrayBuffer()));
  });
}

export async function searchDmProductsAction(raw: unknown): Promise<AdminActionResult<{ products: PickableProduct[] }>> {
  return run("search", async () => {
    const input = z.object({ brandId: id, q: z.string().max(40) }).parse(raw);
    await dmAdmin(input.brandId);
    return { products: await searchLookbookProducts(input.brandId, input.q) };
  });
}

export async function addDmItemAction(raw: unknown): Promise<AdminActionResult> {
  return run("add item", async () => {
    const input = target.extend({ productId: id }).parse(raw);
    await addDmItem(await dmAdmin(input.brandId), input.id, input.productId);
    return {};
  });
}

export async function changeDmItemAction(raw: unknown): Promise<AdminActionResult> {
  return run("item", async () => {
    const input = target.extend({ itemId: id, op: z.enum(["up", "down", "remove", "note"]), note: z.string().max(1000).optional() }).parse(raw);
    const admin = await dmAdmin(input.brandId);
    if (input.op === "remove") await removeDmItem(admin, input.id, input.itemId);
    else if (input.op === "note") await setDmItemNote(admin, input.id, input.itemId, input.note ?? "");
    else await moveDmItem(admin, input.id, input.itemId, input.op);
    return {};
  });
}

/** Free text as the form has it: "a, b；c" or one a line → the list. */
const words = z.string().max(10_000).transform((s) => s.split(/[,，;；、\n\r]+/).map((w) => w.trim()).filter(Boolean));

export async function saveDmAudienceAction(raw: unknown): Promise<AdminActionResult<{ rules: number }>> {
  return run("audience", async () => {
    const input = target.extend({ tiers: z.array(z.string().max(10)).max(3), tags: words, members: words, stores: words }).parse(raw);
    return setDmAudience(await dmAdmin(input.brandId), input.id, { tiers: input.tiers as ("NORMAL" | "VIP" | "SVIP")[], tags: input.tags, members: input.members, stores: input.stores });
  });
}

// <input type="datetime-local"> gives wall-clock time; the console speaks China time (UTC+8, no DST).
const chinaTime = z
  .string()
  .max(20)
  .refine((s) => s === "" || /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(s), "时间格式无效 / Invalid date and time")
  .transform((s) => (s === "" ? null : new Date(`${s}:00+08:00`)))
  .refine((d) => d === null || !Number.isNaN(d.getTime()), "时间格式无效 / Invalid date and time");

export async function saveDmWindowAction(raw: unknown): Promise<AdminActionResult> {
  return run("window", async () => {
    const input = target.extend({ startsAt: chinaTime, endsAt: chinaTime }).parse(raw);
    await setDmWindow(await dmAdmin(input.brandId), input.id, { startsAt: input.startsAt, endsAt: input.endsAt });
    return {};
  });
}

export async function publishDmAction(raw: unknown): Promise<AdminActionResult> {
  return run("publish", async () => {
    const input = target.extend({ publish: z.boolean() }).parse(raw);
    const admin = await dmAdmin(input.brandId);
    if (input.publish) await publishDm(admin, input.id);
    else await unpublishDm(admin, input.id);
    return {};
  });
}
