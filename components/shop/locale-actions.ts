"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { LOCALE_COOKIE, toLocale } from "@/lib/i18n/locales";

const input = z.object({ locale: z.enum(["zh-CN", "en"]), back: z.string().regex(/^\/[a-z0-9-]{1,32}(\/[A-Za-z0-9-]*)*$/) });

/** Switches the interface language for this browser and returns to the page the shopper was on. */
export async function switchLocaleAction(form: FormData): Promise<void> {
  const parsed = input.safeParse({ locale: form.get("locale"), back: form.get("back") });
  const jar = await cookies();
  if (parsed.success) jar.set(LOCALE_COOKIE, toLocale(parsed.data.locale), { path: "/", sameSite: "lax", maxAge: 365 * 24 * 3600 });
  redirect(parsed.success ? parsed.data.back : "/");
}
