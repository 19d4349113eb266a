"use server";

import { cookies } from "next/headers";
import { FAVOURITES_COOKIE } from "@/lib/favourites/anonymous";
import { FavouriteError, favouriteInput, toggleShopperFavourite } from "@/lib/favourites/service";
import { currentPrincipal } from "@/lib/auth/session";

export type FavouriteResult = { ok: true; favourited: boolean } | { ok: false; message: string };

const HALF_YEAR = 180 * 24 * 3600;

/**
 * Toggles a favourite. The signed cookie is this device's copy (it draws the heart on cached pages); a signed-in
 * member's own favourites follow it, so they show on every device.
 */
export async function toggleFavouriteAction(raw: unknown): Promise<FavouriteResult> {
  const parsed = favouriteInput.safeParse(raw);
  if (!parsed.success) return { ok: false, message: "参数无效 / Invalid request" };
  const jar = await cookies();
  try {
    const principal = await currentPrincipal();
    const memberId = principal.kind === "member" ? principal.memberId : null;
    const result = await toggleShopperFavourite(jar.get(FAVOURITES_COOKIE)?.value, parsed.data, memberId);
    // Readable by the page's script (to draw the heart) and lax, so it survives WeChat's redirects.
    jar.set(FAVOURITES_COOKIE, result.cookie, { path: "/", sameSite: "lax", httpOnly: false, maxAge: HALF_YEAR, secure: process.env.COOKIE_SECURE === "true" });
    return { ok: true, favourited: result.favourited };
  } catch (error) {
    if (error instanceof FavouriteError) return { ok: false, message: error.message };
    console.error("[favourite]", error);
    return { ok: false, message: "收藏失败，请重试 / Could not save, please retry" };
  }
}
