import crypto from "node:crypto";
import { z } from "zod";
import { db } from "@/lib/db";
import { guardedUpdate, LOST_RACE_ERROR } from "@/lib/db/guard";
import type { BindingSource } from "@/lib/generated/prisma/enums";
import { Prisma } from "@/lib/generated/prisma/client";
import { creditedGuide, decideTouch, type BindingSettings, type OpenBinding } from "./rules";

// Binding a shopper to a guide (导购绑定). A touch is a scan of the guide's code, a link the guide shared, or an
// order the guide took at the counter. The rules are lib/attribution/rules.ts; here they meet the database:
// one open binding per member and brand (a partial unique index), every change one guarded batch.

export type TouchOutcome =
  | { outcome: "bound" | "refreshed" | "took_over"; bindingId: string }
  | { outcome: "kept"; reason: string; guideId: string }
  | { outcome: "refused"; reason: "unknown_guide" | "other_brand" | "inactive_guide" | "self" | "raced" };

export const touchInput = z.object({
  brandId: z.string().min(1),
  memberId: z.string().min(1),
  guideId: z.string().min(1),
  source: z.enum(["QR", "SHARE_LINK", "COUNTER", "REASSIGNED"]),
});

async function settingsOf(brandId: string): Promise<BindingSettings> {
  const b = await db.brand.findUniqueOrThrow({ where: { id: brandId }, select: { bindingMode: true, bindingWindowDays: true, bindingProtectionDays: true } });
  return { mode: b.bindingMode, windowDays: b.bindingWindowDays, protectionDays: b.bindingProtectionDays };
}

export async function openBinding(brandId: string, memberId: string) {
  return db.guideBinding.findFirst({
    where: { brandId, memberId, endedAt: null },
    select: { id: true, guideId: true, boundAt: true, lastTouchAt: true, source: true },
  });
}

/**
 * A guide's code touched a signed-in member. A guide of another brand, a guide who has left, or a guide
 * binding themselves (their staff phone is the member's phone) binds nobody: refused, and the caller logs it.
 */
export async function bindShopperToGuide(raw: z.input<typeof touchInput>, at = new Date()): Promise<TouchOutcome> {
  const input = touchInput.parse(raw);
  const [guide, member] = await Promise.all([
    db.staff.findUnique({ where: { id: input.guideId }, select: { id: true, brandId: true, storeId: true, active: true, phone: true, role: true } }),
    db.member.findUnique({ where: { id: input.memberId }, select: { phone: true } }),
  ]);
  if (!guide || !member || !guide.storeId) return { outcome: "refused", reason: "unknown_guide" };
  if (guide.brandId !== input.brandId) return { outcome: "refused", reason: "other_brand" };
  if (!guide.active) return { outcome: "refused", reason: "inactive_guide" };
  if (guide.phone && member.phone && guide.phone === member.phone) return { outcome: "refused", reason: "self" };

  const [settings, open] = await Promise.all([settingsOf(input.brandId), openBinding(input.brandId, input.memberId)]);
  // A binding to a guide who has left holds nobody: the next guide's touch takes the customer at once.
  const departed = open ? !(await db.staff.findUnique({ where: { id: open.guideId }, select: { active: true } }))?.active : false;
  const current = open && !departed ? open : null;
  const decision = departed ? ({ action: "takeover", reason: "lapsed" } as const) : decideTouch(current, { guideId: guide.id, at, source: input.source as BindingSource }, settings);
  if (decision.action === "keep") return { outcome: "kept", reason: decision.reason, guideId: current!.guideId };
  if (decision.action === "refresh") {
    // Never backwards: a touch remembered in a cookie and replayed later must not shorten the window.
    await db.$executeRaw`UPDATE "GuideBinding" SET "lastTouchAt" = ${at} WHERE "id" = ${current!.id} AND "lastTouchAt" < ${at}`;
    return { outcome: "refreshed", bindingId: current!.id };
  }
  const id = crypto.randomUUID();
  const create = db.guideBinding.create({ data: { id, brandId: input.brandId, memberId: input.memberId, guideId: guide.id, source: input.source as BindingSource, boundAt: at, lastTouchAt: at } });
  try {
    if (decision.action === "bind") {
      await db.$transaction([create]); // the partial unique index refuses a second open binding made meanwhile
    } else {
      await db.$transaction([
        ...guardedUpdate(Prisma.sql`UPDATE "GuideBinding" SET "endedAt" = ${at}, "endedReason" = ${departed ? "guide_left" : decision.reason} WHERE "id" = ${open!.id} AND "endedAt" IS NULL`, `binding ${open!.id}`),
        create,
      ]);
    }
  } catch (error) {
    const text = String((error as Error)?.message ?? error);
    if (/UNIQUE|GuideBinding_open_key/i.test(text) || LOST_RACE_ERROR.test(text)) return { outcome: "refused", reason: "raced" };
    throw error;
  }
  return { outcome: decision.action === "bind" ? "bound" : "took_over", bindingId: id };
}

/** The guide an order placed now credits (null: none, a guide who left, or a WINDOW binding that lapsed). One read: it runs for every order. */
export async function guideToCredit(brandId: string, memberId: string, at = new Date()): Promise<string | null> {
  const [row] = await db.$queryRaw<{ guideId: string; boundAt: string; lastTouchAt: string; mode: BindingSettings["mode"]; windowDays: number; protectionDays: number }[]>`
    SELECT g."guideId", g."boundAt", g."lastTouchAt", b."bindingMode" AS mode, b."bindingWindowDays" AS "windowDays", b."bindingProtectionDays" AS "protectionDays"
    FROM "GuideBinding" g JOIN "Brand" b ON b."id" = g."brandId" JOIN "Staff" s ON s."id" = g."guideId" AND s."active" = TRUE
    WHERE g."brandId" = ${brandId} AND g."memberId" = ${memberId} AND g."endedAt" IS NULL`;
  if (!row) return null;
  const binding: OpenBinding = { guideId: row.guideId, boundAt: new Date(row.boundAt), lastTouchAt: new Date(row.lastTouchAt) };
  return creditedGuide(binding, { mode: row.mode, windowDays: Number(row.windowDays), protectionDays: Number(row.protectionDays) }, at);
}

/**
 * A guide left (or moved): their open customers go to another guide of the same store, as REASSIGNED
 * bindings starting now. One batch: all of them move or none.
 */
export async function reassignCustomers(brandId: string, storeId: string, fromGuideId: string, toGuideId: string, at = new Date()): Promise<number> {
  if (fromGuideId === toGuideId) throw new Error("同一导购 / Same guide");
  const from = await db.staff.findUnique({ where: { id: fromGuideId }, select: { brandId: true, storeId: true } });
  if (!from || from.brandId !== brandId || from.storeId !== storeId) {
    throw new Error("只能转移本店导购的客户 / Only a guide of this store can hand over customers here");
  }
  const to = await db.staff.findUnique({ where: { id: toGuideId }, select: { brandId: true, storeId: true, active: true } });
  if (!to || to.brandId !== brandId || to.storeId !== storeId || !to.active) {
    throw new Error("接手导购须为本店在职员工 / The new guide must be active staff of this store");
  }
  const open = await db.guideBinding.findMany({ where: { brandId, guideId: fromGuideId, endedAt: null }, select: { id: true, memberId: true } });
  if (!open.length) return 0;
  await db.$transaction(
    open.flatMap((b) => [
      ...guardedUpdate(Prisma.sql`UPDATE "GuideBinding" SET "endedAt" = ${at}, "endedReason" = 'reassigned' WHERE "id" = ${b.id} AND "endedAt" IS NULL`, `binding ${b.id}`),
      db.guideBinding.create({ data: { brandId, memberId: b.memberId, guideId: toGuideId, source: "REASSIGNED", boundAt: at, lastTouchAt: at } }),
    ]),
  );
  return open.length;
}

/**
 * The shopper opened a guide's code (the guide's QR, or a link the guide shared). Signed in: bound now (by the
 * brand's rules). Either way, what to remember in the shopper's cookie for a later sign-in — nothing when the
 * guide cannot bind anyone (another brand's code, a guide who left): the page still opens, and the log says why.
 */
export async function guideCodeOpened(
  scene: { brandId: string; brandSlug: string; guideId: string },
  shopper: { memberId: string } | null,
  source: "QR" | "SHARE_LINK",
  at = new Date(),
): Promise<{ outcome: TouchOutcome | null; remember: boolean }> {
  const guide = await db.staff.findUnique({ where: { id: scene.guideId }, select: { brandId: true, active: true, storeId: true } });
  if (!guide || guide.brandId !== scene.brandId || !guide.active || !guide.storeId) {
    console.warn(`[attribution] guide code of ${scene.guideId} binds nobody: ${!guide ? "unknown guide" : guide.brandId !== scene.brandId ? "another brand's guide" : "guide no longer active"}`);
    return { outcome: null, remember: false };
  }
  if (!shopper) return { outcome: null, remember: true };
  const outcome = await bindShopperToGuide({ brandId: scene.brandId, memberId: shopper.memberId, guideId: scene.guideId, source }, at);
  if (outcome.outcome === "refused") console.warn(`[attribution] guide ${scene.guideId} did not bind member ${shopper.memberId}: ${outcome.reason}`);
  return { outcome, remember: false };
}

/** At member sign-in: the touch remembered in the cookie (if any, and of this brand) binds now. */
export async function applyRememberedTouch(memberId: string, cookieTouch: { b: string; g: string; s: "QR" | "SHARE_LINK"; t: number } | null, signInBrand: string | null): Promise<TouchOutcome | null> {
  // Only in the brand the shopper is signing in to (and so joining): never a binding in a brand they never joined.
  if (!cookieTouch || cookieTouch.b !== signInBrand) return null;
  const brand = await db.brand.findUnique({ where: { slug: cookieTouch.b }, select: { id: true } });
  if (!brand) return null;
  return bindShopperToGuide({ brandId: brand.id, memberId, guideId: cookieTouch.g, source: cookieTouch.s }, new Date(cookieTouch.t * 1000));
}
