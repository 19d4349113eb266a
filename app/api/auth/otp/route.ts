import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { requestLoginCode } from "@/lib/auth/otp";
import { lastDevCode, SmsNotConfiguredError } from "@/lib/sms";
import { apiError, withErrors } from "@/lib/http/errors";
import { isSameOrigin } from "@/lib/http/origin";
import { clientIp } from "@/lib/http/client-ip";

const body = z.object({ phone: z.string().max(32) });

// Sends a sign-in code by SMS. Same-origin only; the limits (cooldown, per phone, per IP) live in lib/auth/otp.
export async function POST(request: NextRequest) {
  return withErrors(async () => {
    if (!isSameOrigin(request)) return apiError("forbidden", "来源不被允许 / Cross-site request refused");
    const parsed = body.safeParse(await request.json().catch(() => null));
    if (!parsed.success) return apiError("bad_request", "请输入手机号 / Enter your mobile number");
    const ip = clientIp(request.headers.get("x-forwarded-for"));
    try {
      const result = await requestLoginCode(parsed.data.phone, ip);
      if (!result.ok) {
        return NextResponse.json({ error: { code: result.code, message: result.message, retryAfterSeconds: result.retryAfterSeconds ?? null } }, { status: result.code === "invalid_phone" ? 400 : 429 });
      }
      // Development sender only: the code for the dev banner (always null in production).
      const devCode = lastDevCode(parsed.data.phone.replace(/\D/g, "").slice(-11));
      return NextResponse.json({ ok: true, cooldownSeconds: result.cooldownSeconds, devCode });
    } catch (error) {
      if (error instanceof SmsNotConfiguredError) return apiError("unavailable", "短信登录暂未开通，请在微信内打开 / SMS sign-in is not available; open the link in WeChat");
      throw error;
    }
  });
}
