import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { appSecret } from "@/lib/security/app-secret";
import { clientIp as ipFromForwardedFor } from "@/lib/http/client-ip";
import { authenticateStaff } from "./staff";
import { verifyLoginCode } from "./otp";
import { findOrCreateMemberByPhone } from "@/lib/members/identity";
import { redeemWechatTicket, WECHAT_TICKET_COOKIE, WechatSignInError } from "@/lib/members/wechat-identity";
import { mergeAnonymousFavourites } from "@/lib/favourites/service";
import { FAVOURITES_COOKIE } from "@/lib/favourites/anonymous";
import { CART_COOKIE } from "@/lib/cart/anonymous";
import { moveAnonymousCartToMember } from "@/lib/cart/sign-in";
import { applyRememberedTouch } from "@/lib/attribution/binding";
import { decodeGuideTouch, GUIDE_TOUCH_COOKIE } from "@/lib/attribution/guide-cookie";
import { REFERRAL_COOKIE } from "@/lib/referral/cookie";
import { applyReferral } from "@/lib/referral/service";
import { audit } from "@/lib/audit/log";
import { claimsOf, type SessionClaims } from "./principal";
import { isSessionExpired, LIFETIME, nowSeconds } from "./session-lifetime";

function clientIp(headers: Record<string, string | string[] | undefined> | undefined): string {
  return ipFromForwardedFor(headers?.["x-forwarded-for"]);
}

/** Messages written for people pass through; anything else is logged and becomes a generic message. */
function safeSignInError(error: unknown): Error {
  if (error instanceof ShownToUser || error instanceof WechatSignInError) return error;
  console.error("[sign-in]", error);
  return new Error("登录失败，请稍后重试 / Sign-in failed, please try again later");
}

class ShownToUser extends Error {}

/** Every authorize body: only messages meant for people reach the sign-in form (next-auth shows `error`). */
function guarded<A extends unknown[], R>(authorize: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
  return async (...args: A) => {
    try {
      return await authorize(...args);
    } catch (error) {
      throw safeSignInError(error);
    }
  };
}

function cookieValue(headers: Record<string, string | string[] | undefined> | undefined, name: string): string | undefined {
  const raw = headers?.cookie;
  const header = Array.isArray(raw) ? raw.join("; ") : raw ?? "";
  const found = header.split(/;\s*/).find((c) => c.startsWith(`${name}=`));
  return found ? decodeURIComponent(found.slice(name.length + 1)) : undefined;
}

// next-auth 4 with JWT sessions. The cookie lives as long as the longest session (a shopper's); the
// per-kind absolute and idle limits are enforced on every read (principal.ts, proxy.ts).
export function authOptions(): NextAuthOptions {
  return {
    secret: appSecret(),
    session: { strategy: "jwt", maxAge: LIFETIME.member.absoluteSeconds },
    // Behind HTTPS the session cookie is __Secure- and never sent over plain http.
    useSecureCookies: process.env.COOKIE_SECURE === "true",
    pages: { signIn: "/staff/sign-in", error: "/staff/sign-in" },
    providers: [
      CredentialsProvider({
        id: "staff",
        name: "Staff",
        credentials: { login: { type: "text" }, password: { type: "password" } },
        authorize: guarded(async (credentials, req) => {
          const result = await authenticateStaff(credentials, clientIp(req?.headers));
          // next-auth hands the message to the sign-in form as `error`: it is written to be shown.
          if (!result.ok) throw new ShownToUser(result.message);
          const s = result.staff;
          return { id: s.id, name: s.name, kind: "staff", role: s.role, brandId: s.brandId, storeId: s.storeId };
        }),
      }),
      CredentialsProvider({
        id: "phone",
        name: "Phone",
        credentials: { phone: { type: "tel" }, code: { type: "text" }, brand: { type: "text" } },
        authorize: guarded(async (credentials, req) => {
          const ip = clientIp(req?.headers);
          const result = await verifyLoginCode(credentials?.phone ?? "", credentials?.code ?? "", ip);
          if (!result.ok) throw new ShownToUser(result.message);
          const brand = /^[a-z0-9-]{1,32}$/.test(credentials?.brand ?? "") ? credentials!.brand : null;
          // A friend's link (/r/<code>) opened before signing up: recorded only if this sign-in joins the brand.
          const member = await findOrCreateMemberByPhone(result.phone, brand, cookieValue(req?.headers, REFERRAL_COOKIE));
          // Favourites saved before signing in move into the member (the page then clears the cookie).
          const merged = await mergeAnonymousFavourites(member.id, cookieValue(req?.headers, FAVOURITES_COOKIE));
          const mergedCart = await moveAnonymousCartToMember(member.id, cookieValue(req?.headers, CART_COOKIE));
          // A guide's code opened before signing in binds now (lib/attribution).
          const guide = await applyRememberedTouch(member.id, decodeGuideTouch(cookieValue(req?.headers, GUIDE_TOUCH_COOKIE)), brand);
          await audit({ actor: `member:${member.id}`, action: "member.sign_in", ip, detail: { method: "phone", created: member.created, merged, mergedCart, guide: guide?.outcome ?? null } });
          return { id: member.id, name: null, kind: "member" };
        }),
      }),
      // WeChat web OAuth runs in our own routes (app/api/auth/wechat/{authorize,callback}, decision 007):
      // the callback links the member and sets a signed, single-use, 2-minute ticket cookie; this provider
      // only redeems that ticket. No openid or member id is ever accepted from the client.
      CredentialsProvider({
        id: "wechat",
        name: "WeChat",
        credentials: { brand: { type: "text" } },
        authorize: guarded(async (credentials, req) => {
          const { memberId, created } = await redeemWechatTicket(cookieValue(req?.headers, WECHAT_TICKET_COOKIE));
          // The ticket says only whether the member is new to the group: a new member is new to the brand too.
          const brand = /^[a-z0-9-]{1,32}$/.test(credentials?.brand ?? "") ? credentials!.brand : null;
          if (created && brand) await applyReferral(memberId, brand, cookieValue(req?.headers, REFERRAL_COOKIE));
          const merged = await mergeAnonymousFavourites(memberId, cookieValue(req?.headers, FAVOURITES_COOKIE));
          const mergedCart = await moveAnonymousCartToMember(memberId, cookieValue(req?.headers, CART_COOKIE));
          const guide = await applyRememberedTouch(memberId, decodeGuideTouch(cookieValue(req?.headers, GUIDE_TOUCH_COOKIE)), brand);
          await audit({ actor: `member:${memberId}`, action: "member.sign_in", ip: clientIp(req?.headers), detail: { method: "wechat", created, merged, mergedCart, guide: guide?.outcome ?? null } });
          return { id: memberId, name: null, kind: "member" };
        }),
      }),
    ],
    callbacks: {
      async jwt({ token, user }) {
        if (user) {
          const u = user as unknown as { id: string; kind: "staff" | "member"; role?: SessionClaims["role"]; brandId?: string | null; storeId?: string | null };
          const now = nowSeconds();
          const claims: SessionClaims =
            u.kind === "staff"
              ? { kind: "staff", principalId: u.id, role: u.role, brandId: u.brandId ?? null, storeId: u.storeId ?? null, signedInAt: now, lastSeenAt: now }
              : { kind: "member", principalId: u.id, signedInAt: now, lastSeenAt: now };
          return { ...token, ...claims };
        }
        const c = claimsOf(token);
        // An expired or foreign-shaped token carries nobody.
        if (!c || isSessionExpired(c, nowSeconds())) return { expired: true };
        return token;
      },
      async session({ session, token }) {
        const c = claimsOf(token);
        return { ...session, user: c ? { name: session.user?.name ?? null, kind: c.kind, role: c.role ?? null } : undefined } as typeof session;
      },
    },
  };
}
