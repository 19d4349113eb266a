import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { MemoryCredentialCache } from "@/lib/wechat/access-token";
import { memberNotifier, wechatTemplateNotifier, type WechatTemplateSettings } from "@/lib/notify/member-notifier";
import { memberInbox } from "@/lib/inbox/messages";
import { approveTransfer, receiveTransfer, requestTransfer, shipTransfer } from "@/lib/transfers/service";
import { startFakeWechat, type FakeWechat } from "@/tests/fakes/wechat-server";
import { expectConsoleError } from "@/tests/setup/console-error";
import { newMember, newSku, stock } from "../orders/fixtures";
import { lumi, onHandFor, staff } from "../transfers/helpers";

// The WeChat template-message notifier over real HTTP against the fake WeChat on loopback: the inbox row is
// always written; the push reaches the member's openid with an absolute link to the same page.

const APP_ID = "wx0123456789abcdef";
const APP_SECRET = "0123456789abcdef0123456789abcdef";
const SETTINGS: WechatTemplateSettings = { templateId: "tmpl_arrival_0001", fields: ["first", "keyword1", "keyword2", "remark"] };

let fake: FakeWechat;
beforeAll(async () => {
  fake = await startFakeWechat({ appId: APP_ID, appSecret: APP_SECRET });
});
afterAll(async () => {
  await fake?.close();
});

const notifier = () => wechatTemplateNotifier({ appId: APP_ID, appSecret: APP_SECRET, openHost: fake.url, apiHost: fake.url }, SETTINGS, { cache: new MemoryCredentialCache() });

async function follower(openId: string) {
  const member = await newMember();
  await db.wechatIdentity.create({ data: { memberId: member.id, appId: APP_ID, openId } });
  fake.users.set(openId, { openId, nickname: "顾客", avatar: "" });
  return member;
}

describe("WeChat template messages", () => {
  it("a transfer's arrival reaches the member's WeChat and their inbox, with the same link", async () => {
    const { brand, sh01 } = await lumi();
    const member = await follower(`o-arrival-${Date.now()}`);
    await db.memberBrand.create({ data: { memberId: member.id, brandId: brand.id } });
    const sku = await newSku(brand.id);
    await stock(sh01.id, sku.id, onHandFor(sh01, 1));
    const guide = await staff("lumi.bj01.guide");
    // The guide's own customer: only they can be told of an arrival.
    await db.guideBinding.create({ data: { brandId: brand.id, memberId: member.id, guideId: guide.staffId, source: "QR", boundAt: new Date(), lastTouchAt: new Date() } });
    const { id } = await requestTransfer(guide, { skuId: sku.id, quantity: 1, fromStoreId: sh01.id, memberId: member.id });
    await approveTransfer(await staff("lumi.sh01.manager"), id);
    await shipTransfer(await staff("lumi.sh01.guide"), id);
    const since = fake.templateMessages.length;
    await receiveTransfer(guide, id, new Date(), notifier());

    const [inbox] = await memberInbox(member.id, brand.id);
    const sent = fake.templateMessages.slice(since);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ template_id: SETTINGS.templateId, data: { first: { value: inbox!.title }, keyword1: { value: inbox!.body }, remark: { value: expect.any(String) } } });
    expect(sent[0]!.url).toMatch(new RegExp(`^https?://[^/]+${inbox!.link.replace(/[?]/g, "\\?")}$`));
    const request = fake.requests.filter((r) => r.path === "/cgi-bin/message/template/send").at(-1)!;
    expect(request).toMatchObject({ method: "POST", query: { access_token: expect.any(String) } });
  });

  it("no openid: inbox only; unfollowed: WeChat refuses (43004), the inbox keeps it and the failure is logged", async () => {
    const { brand } = await lumi();
    const plain = await newMember();
    const since = fake.templateMessages.length;
    expect((await notifier().notify(plain.id, brand.id, { kind: "test", title: "你好 / Hello", link: "/lumi" })).wechat).toBe("no_openid");

    const gone = await follower(`o-gone-${Date.now()}`);
    fake.unfollowed.add((await db.wechatIdentity.findFirstOrThrow({ where: { memberId: gone.id } })).openId);
    const consoleError = expectConsoleError();
    const result = await notifier().notify(gone.id, brand.id, { kind: "test", title: "你好 / Hello", link: "/lumi" });
    expect(result.wechat).toBe("failed");
    expect(consoleError).toHaveBeenCalledWith(expect.stringContaining("errcode 43004"));
    expect((await memberInbox(gone.id, brand.id)).map((m) => m.id)).toEqual([result.inboxId]);
    expect(fake.templateMessages.length).toBe(since);
  });

  it("is chosen by WECHAT_TEMPLATE_ID with the WeChat app configured", () => {
    const chosen = memberNotifier({ WECHAT_TEMPLATE_ID: "tmpl_arrival_0001", WECHAT_APP_ID: APP_ID, WECHAT_APP_SECRET: APP_SECRET, WECHAT_API_HOST: fake.url });
    expect(chosen).not.toBe(memberNotifier({}));
  });
});
