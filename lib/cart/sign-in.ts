import { cookies } from "next/headers";
import { CART_COOKIE } from "./anonymous";
import { mergeAnonymousCart } from "./service";

/**
 * Member sign-in (lib/auth/options.ts): this device's bag moves into the member and the cookie is cleared on
 * the sign-in response, so the same lines can never be added twice by a later sign-in. A failed merge must
 * not block signing in: the bag then simply stays on the device.
 */
export async function moveAnonymousCartToMember(memberId: string, cookie: string | undefined): Promise<number> {
  if (!cookie) return 0;
  let merged: number;
  try {
    merged = await mergeAnonymousCart(memberId, cookie);
  } catch (error) {
    console.error("[cart merge]", error);
    return 0;
  }
  try {
    // Route handlers merge cookies set here into their response (next-auth's callback is one).
    (await cookies()).set(CART_COOKIE, "", { path: "/", maxAge: 0 });
  } catch {
    // Outside a request (scripts, tests): there is no response to clear it on.
  }
  return merged;
}
