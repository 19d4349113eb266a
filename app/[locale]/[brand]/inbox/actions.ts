"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { currentPrincipal } from "@/lib/auth/session";
import { decide } from "@/lib/auth/policy";
import { deliveryLinkOf, InboxMessageNotFound, markRead } from "@/lib/inbox/messages";

// One tap on a message's button: it is marked read and the member goes where it points (the pick-up or the
// delivery checkout of an arrival notice). Only the session's own messages: another member's id is not found.

export type InboxActionResult = { message: string } | null;

const form = z.object({ brand: z.string().regex(/^[a-z0-9-]{1,32}$/), id: z.string().min(1).max(64), go: z.enum(["link", "delivery"]).default("link") });

export async function openInboxMessageAction(_previous: InboxActionResult, data: FormData): Promise<InboxActionResult> {
  const parsed = form.safeParse(Object.fromEntries(data.entries()));
  if (!parsed.success) return { message: "参数无效 / Invalid request" };
  const principal = await currentPrincipal();
  if (decide(principal, "member.self") !== "allow" || principal.kind !== "member") return { message: "请先登录 / Please sign in" };
  let target: string;
  try {
    const { link } = await markRead(principal.memberId, parsed.data.id);
    target = parsed.data.go === "delivery" ? deliveryLinkOf(link) : link;
  } catch (error) {
    if (error instanceof InboxMessageNotFound) return { message: error.message };
    throw error;
  }
  // Links are checked when written (a path of the shop); here they must also be this brand's.
  redirect(target.startsWith(`/${parsed.data.brand}/`) || target === `/${parsed.data.brand}` ? target : `/${parsed.data.brand}/inbox`);
}
