import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { deliveryLinkOf, InboxMessageNotFound, markRead, memberInbox, postInboxMessage, unreadCount } from "@/lib/inbox/messages";
import { inboxNotifier, memberNotifier } from "@/lib/notify/member-notifier";
import { expectConsoleError } from "@/tests/setup/console-error";
import { newMember } from "../orders/fixtures";

// The member's inbox: newest first, unread count per brand, read marks only by the member it belongs to.

const brandOf = (slug: string) => db.brand.findUniqueOrThrow({ where: { slug } });

describe("member inbox", () => {
  it("lists newest first, counts unread per brand, and marks read only the member's own messages", async () => {
    const [lumi, nord] = await Promise.all([brandOf("lumi"), brandOf("nord")]);
    const [me, other] = await Promise.all([newMember(), newMember()]);
    const t0 = new Date("2026-11-20T02:00:00Z");
    const first = await postInboxMessage(me.id, lumi.id, { kind: "test", title: "第一条 / First", link: "/lumi/orders" }, t0);
    const second = await postInboxMessage(me.id, lumi.id, { kind: "test", title: "第二条 / Second", link: "/lumi/checkout?sku=x&qty=1&store=BJ01" }, new Date(t0.getTime() + 60_000));
    await postInboxMessage(me.id, nord.id, { kind: "test", title: "NORD", link: "/nord" }, t0);

    expect((await memberInbox(me.id, lumi.id)).map((m) => m.id)).toEqual([second.id, first.id]);
    expect(await unreadCount(me.id, lumi.id)).toBe(2);
    expect(await unreadCount(me.id, nord.id)).toBe(1);

    // Another member's id is "not found", and nothing changes.
    await expect(markRead(other.id, second.id)).rejects.toBeInstanceOf(InboxMessageNotFound);
    expect(await unreadCount(me.id, lumi.id)).toBe(2);

    expect(await markRead(me.id, second.id)).toEqual({ link: "/lumi/checkout?sku=x&qty=1&store=BJ01" });
    const readAt = (await db.inboxMessage.findUniqueOrThrow({ where: { id: second.id } })).readAt;
    expect(readAt).toBeInstanceOf(Date);
    await markRead(me.id, second.id, new Date(Date.now() + 3_600_000)); // again: the first read time stays
    expect((await db.inboxMessage.findUniqueOrThrow({ where: { id: second.id } })).readAt).toEqual(readAt);
    expect(await unreadCount(me.id, lumi.id)).toBe(1);
    await expect(markRead(me.id, "no-such-message")).rejects.toBeInstanceOf(InboxMessageNotFound);
  });

  it("refuses a link that leaves the shop", async () => {
    const lumi = await brandOf("lumi");
    const me = await newMember();
    for (const link of ["https://evil.example/", "//evil.example/x", "javascript:alert(1)"]) {
      await expect(postInboxMessage(me.id, lumi.id, { kind: "test", title: "x", link })).rejects.toThrow(/本店页面/);
    }
    expect(await unreadCount(me.id, lumi.id)).toBe(0);
  });

  it("the delivery button is the pickup link asking for delivery", () => {
    expect(deliveryLinkOf("/lumi/checkout?sku=a&qty=2&store=BJ01")).toBe("/lumi/checkout?sku=a&qty=2&store=BJ01&fulfilment=DELIVERY");
  });

  it("notifies through the inbox by default; a half-configured WeChat push falls back to the inbox and says so", async () => {
    expect(memberNotifier({})).toBe(inboxNotifier);
    const consoleError = expectConsoleError();
    expect(memberNotifier({ WECHAT_TEMPLATE_ID: "tmpl_0123456789" })).toBe(inboxNotifier);
    expect(consoleError).toHaveBeenCalledWith(expect.stringContaining("inbox only"));
    const lumi = await brandOf("lumi");
    const me = await newMember();
    const result = await inboxNotifier.notify(me.id, lumi.id, { kind: "test", title: "你好 / Hello", link: "/lumi" });
    expect(result.wechat).toBe("off");
    expect((await memberInbox(me.id, lumi.id)).map((m) => m.id)).toEqual([result.inboxId]);
  });
});
