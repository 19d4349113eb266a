import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { LOCALE_COOKIE } from "@/lib/i18n/locales";
import { apiError } from "@/lib/http/errors";
import { isSameOrigin } from "@/lib/http/origin";

const form = z.object({
  locale: z.enum(["zh-CN", "en"]),
  back: z.string().regex(/^\/[a-z0-9-]{1,32}(\/[A-Za-z0-9-]*)*$/),
});

// A plain form post and a full page load: every cached page is re-read in the new language.
export async function POST(request: NextRequest) {
  if (!isSameOrigin(request)) return apiError("forbidden", "来源不被允许 / Cross-site request refused");
  const data = await request.formData().catch(() => null);
  const parsed = form.safeParse(data ? Object.fromEntries(data) : null);
  if (!parsed.success) return apiError("bad_request", "语言参数无效 / Invalid language");
  const response = NextResponse.redirect(new URL(parsed.data.back, request.nextUrl.origin), 303);
  response.cookies.set(LOCALE_COOKIE, parsed.data.locale, { path: "/", sameSite: "lax", maxAge: 365 * 24 * 3600 });
  return response;
}
