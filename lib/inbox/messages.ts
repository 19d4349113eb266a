import { z } from "zod";
import { db } from "@/lib/db";

// The member's in-app inbox (站内信): arrival notices, a guide's lookbooks, later anything the brand tells a
// member. It is the channel that always works (no WeChat credentials, no subscription); WeChat messages
// (lib/notify) point back here. A member reaches only their own messages: another member's id reads as
// not found, never as "forbidden" (that would confirm the id exists).

export const inboxMessageInput = z.object({
  kind: z.string().min(1).max(40),
  title: z.string().min(1).max(120),
  body: z.string().max(500).default(""),
  // One tap takes the member here: a path of this shop, never another site (no open redirect from a message).
  link: z.string().regex(/^\/[a-z0-9-]{1,32}(\/[^\s]*)?$/, "链接须为本店页面 / The link must be a page of this shop").max(500),
});
export type InboxMessageInput = z.input<typeof inboxMessageInput>;

export class InboxMessageNotFound extends Error {
  readonly code = "not_found";
  readonly status = 404;
  constructor() {
    super("消息不存在 / Message not found");
  }
}

export async function postInboxMessage(memberId: string, brandId: string, raw: InboxMessageInput, now = new Date()): Promise<{ id: string }> {
  const message = inboxMessageInput.parse(raw);
  return db.inboxMessage.create({ data: { memberId, brandId, ...message, createdAt: now }, select: { id: true } });
}

/** The member's messages of one brand, newest first. */
export async function memberInbox(memberId: string, brandId: string, take = 50) {
  return db.inboxMessage.findMany({
    where: { memberId, brandId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    select: { id: true, kind: true, title: true, body: true, link: true, readAt: true, createdAt: true },
  });
}

export async function unreadCount(memberId: string, brandId: string): Promise<number> {
  return db.inboxMessage.count({ where: { memberId, brandId, readAt: null } });
}

/** Marks one of the member's own messages read (again: no change); returns where its link goes. */
export async function markRead(memberId: string, messageId: string, now = new Date()): Promise<{ link: string }> {
  const message = await db.inboxMessage.findFirst({ where: { id: messageId, memberId }, select: { link: true, readAt: true } });
  if (!message) throw new InboxMessageNotFound();
  if (!message.readAt) await db.inboxMessage.updateMany({ where: { id: messageId, memberId, readAt: null }, data: { readAt: now } });
  return { link: message.link };
}

/** An arrival notice's second button: the same checkout link, asking for delivery instead of pickup. */
export function deliveryLinkOf(link: string): string {
  const [path, query = ""] = link.split("?", 2) as [string, string?];
  const params = new URLSearchParams(query);
  params.set("fulfilment", "DELIVERY");
  return `${path}?${params.toString()}`;
}
