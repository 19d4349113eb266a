import crypto from "node:crypto";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import { joinBrand } from "./identity";
import { searchKeysCreate } from "@/lib/members/search-keys";
import { rewriteMemberSearchKeys } from "@/lib/members/search";
import { sign } from "@/lib/security/app-secret";

// Shoppers who sign in with WeChat (docs/decisions/007-wechat-oauth.md).
//
// Linking rules, in order:
//   1. unionid: any WechatIdentity (or Member) with that unionid → that member. The unionid is the same
//      person across every official account bound to the group's Open Platform account (our brands).
//   2. (appId, openId): this official account has seen this shopper before.
//   3. otherwise a new Member, with its WechatIdentity.
// The (appId, openId) identity is always recorded for the member, the unionid filled in when WeChat
// starts sending it, nickname/avatar stored when the shopper granted snsapi_userinfo, and the member
// joined to the brand signed in from. A "snapshot page" visitor has a virtual openid: never linked.
//
// The WeChat callback route links the member, then hands the browser a short-lived, signed, single-use
// ticket (an httpOnly cookie) that the next-auth credentials provider "wechat" redeems for a session.
// The client never presents an openid: only this ticket, which names a member the server chose.

export class WechatSignInError extends Error {
  constructor(
    readonly code: "snapshot_user" | "ticket_invalid",
    message: string,
  ) {
    super(message);
    this.name = "WechatSignInError";
  }
}

export const SNAPSHOT_USER_MESSAGE =
  "请点击页面底部的“使用完整服务”后再登录 / You are viewing a WeChat snapshot page: tap “use full service” at the bottom, then sign in";
export const TICKET_INVALID_MESSAGE = "微信登录已失效，请重新登录 / The WeChat sign-in has expired or was already used; please sign in again";

export interface WechatIdentityInput {
  appId: string;
  openId: string;
  unionId?: string;
  isSnapshotUser: boolean;
  /** Only with snsapi_userinfo. */
  profile?: { nickname: string; avatarUrl: string | null };
}

const BRAND_SLUG = /^[a-z0-9-]{1,32}$/;

/** The member behind a WeChat identity, linked or created by the rules above, and joined to the brand. */
export async function findOrCreateMemberByWechat(input: WechatIdentityInput, brandSlug: string | null): Promise<{ id: string; created: boolean }> {
  if (input.isSnapshotUser) throw new WechatSignInError("snapshot_user", SNAPSHOT_USER_MESSAGE);
  if (!input.appId || !input.openId) throw new TypeError("appId and openId are required");
  const brand = brandSlug && BRAND_SLUG.test(brandSlug) ? await db.brand.findUnique({ where: { slug: brandSlug }, select: { id: true } }) : null;
  try {
    return await link(input, brand?.id ?? null);
  } catch (error) {
    // Two first sign-ins of the same person at once: the loser of the unique insert links to the winner.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return link(input, brand?.id ?? null);
    throw error;
  }
}

async function link(input: WechatIdentityInput, brandId: string | null): Promise<{ id: string; created: boolean }> {
  const { appId, openId, unionId, profile } = input;
  return db.$transaction(async (tx) => {
    let memberId: string | null = null;
    if (unionId) {
      const byUnion = await tx.wechatIdentity.findFirst({ where: { unionId }, select: { memberId: true }, orderBy: { createdAt: "asc" } });
      memberId = byUnion?.memberId ?? (await tx.member.findUnique({ where: { unionId }, select: { id: true } }))?.id ?? null;
    }
    const identity = await tx.wechatIdentity.findUnique({ where: { appId_openId: { appId, openId } }, select: { id: true, memberId: true, unionId: true } });
    memberId ??= identity?.memberId ?? null;

    const profileData = profile ? { nickname: Array.from(profile.nickname).slice(0, 64).join(""), avatarUrl: profile.avatarUrl ?? "" } : {};
    let created = false;
    if (!memberId) {
      const member = await tx.member.create({ data: { ...(unionId ? { unionId } : {}), ...profileData, ...searchKeysCreate(profileData) }, select: { id: true } });
      memberId = member.id;
      created = true;
    } else {
      const member = await tx.member.findUniqueOrThrow({ where: { id: memberId }, select: { unionId: true, nickname: true } });
      const setUnion = unionId && !member.unionId ? { unionId } : {};
      if (profile || Object.keys(setUnion).length) {
        const updated = await tx.member.update({ where: { id: memberId }, data: { ...setUnion, ...profileData }, select: { phone: true, nickname: true } });
        if (updated.nickname !== member.nickname) await rewriteMemberSearchKeys(tx, memberId, updated);
      }
    }

    if (!identity) {
      await tx.wechatIdentity.create({ data: { memberId, appId, openId, ...(unionId ? { unionId } : {}) } });
    } else if (unionId && identity.unionId !== unionId) {
      await tx.wechatIdentity.update({ where: { id: identity.id }, data: { unionId } });
    }

    if (brandId) await joinBrand(tx, memberId, brandId);
    return { id: memberId, created };
  });
}

// ---- The one-time ticket between the WeChat callback and next-auth --------------------------------
//   ticket = <memberId>.<created 0|1>.<nonce 32 hex>.<expiry unix s>.<HMAC(app secret)>
// Valid 2 minutes, single use: redeeming inserts `wechat-ticket:<nonce>` into RateLimitBucket (the same
// primary-key trick as lib/wechat/oauth-state.ts), so a second redemption fails.

export const WECHAT_TICKET_COOKIE = "wechat_ticket";
export const WECHAT_TICKET_TTL_SECONDS = 120;
const TICKET_PATTERN = /^([a-z0-9]{1,64})\.([01])\.([0-9a-f]{32})\.(\d{10})\.([A-Za-z0-9_-]{43})$/;

const ticketMac = (body: string) => sign(`wechat-ticket|${body}`);

export function mintWechatTicket(member: { id: string; created: boolean }, now: Date = new Date()): string {
  if (!/^[a-z0-9]{1,64}$/.test(member.id)) throw new TypeError("unexpected member id");
  const expiry = String(Math.floor(now.getTime() / 1000) + WECHAT_TICKET_TTL_SECONDS).padStart(10, "0");
  const body = `${member.id}.${member.created ? 1 : 0}.${crypto.randomBytes(16).toString("hex")}.${expiry}`;
  return `${body}.${ticketMac(body)}`;
}

/** The member a ticket names, exactly once, within its lifetime; otherwise WechatSignInError("ticket_invalid"). */
export async function redeemWechatTicket(ticket: string | undefined, now: Date = new Date()): Promise<{ memberId: string; created: boolean }> {
  const invalid = () => new WechatSignInError("ticket_invalid", TICKET_INVALID_MESSAGE);
  const match = typeof ticket === "string" ? TICKET_PATTERN.exec(ticket) : null;
  if (!match) throw invalid();
  const [, memberId, created, nonce, expiry, mac] = match as unknown as [string, string, string, string, string, string];
  const expected = Buffer.from(ticketMac(`${memberId}.${created}.${nonce}.${expiry}`));
  if (expected.length !== mac.length || !crypto.timingSafeEqual(expected, Buffer.from(mac))) throw invalid();
  const expiresAt = new Date(Number(expiry) * 1000);
  if (expiresAt.getTime() <= now.getTime()) throw invalid();
  try {
    await db.rateLimitBucket.create({ data: { key: `wechat-ticket:${nonce}`, windowStart: now, count: 1, expiresAt } });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw invalid();
    throw error;
  }
  const member = await db.member.findUnique({ where: { id: memberId }, select: { id: true } });
  if (!member) throw invalid();
  return { memberId, created: created === "1" };
}

/**
 * The member's openid under one official account (WeChat Pay JSAPI needs the payer's openid for the
 * account its appid names); null when they never signed in through that account.
 */
export async function wechatOpenIdOf(memberId: string, appId: string): Promise<string | null> {
  const identity = await db.wechatIdentity.findFirst({ where: { memberId, appId }, orderBy: { createdAt: "desc" }, select: { openId: true } });
  return identity?.openId ?? null;
}
