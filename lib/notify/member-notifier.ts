import "server-only";
import { z } from "zod";
import { postInboxMessage, type InboxMessageInput } from "@/lib/inbox/messages";
import { usableWechatOAuthConfig, type WechatOAuthConfig } from "@/lib/wechat/config";
import { forgetAccessToken, getAccessToken, type WechatApiOptions } from "@/lib/wechat/access-token";
import { wechatOpenIdOf } from "@/lib/members/wechat-identity";
import { publicBaseUrl } from "@/lib/site";

// Telling a member something (an order arrived, a guide sent a lookbook) behind one interface, as DESIGN.md
// asks of everything that talks to WeChat. The inbox row is always written: it is the record the member can
// open any time, and the only channel without credentials. The WeChat implementation also pushes a
// template message (模板消息) linking to the same page, when the member has an openid under this official
// account; a push that fails leaves the inbox row and is logged, never failing the caller (the business
// step before it, e.g. receiving a transfer, has already happened).
//
// Environment: WECHAT_TEMPLATE_ID (the template's id in the official account's back office) turns the push
// on, together with WECHAT_APP_ID / WECHAT_APP_SECRET (lib/wechat/config.ts). The template's fields are
// named by WECHAT_TEMPLATE_FIELDS (default "first,keyword1,keyword2,remark": title, body, time, hint).

export type MemberMessage = InboxMessageInput;
export type NotifyResult = { inboxId: string; wechat: "off" | "sent" | "no_openid" | "failed" };

export interface MemberNotifier {
  notify(memberId: string, brandId: string, message: MemberMessage): Promise<NotifyResult>;
}

/** The local implementation: the inbox row and nothing else. */
export const inboxNotifier: MemberNotifier = {
  async notify(memberId, brandId, message) {
    const { id } = await postInboxMessage(memberId, brandId, message);
    return { inboxId: id, wechat: "off" };
  },
};

export type WechatTemplateSettings = { templateId: string; fields: [string, string, string, string] };

const templateEnv = z.object({
  WECHAT_TEMPLATE_ID: z.string().trim().regex(/^[A-Za-z0-9_-]{8,64}$/, "WECHAT_TEMPLATE_ID 格式不对 / WECHAT_TEMPLATE_ID is malformed"),
  WECHAT_TEMPLATE_FIELDS: z
    .string()
    .trim()
    .default("first,keyword1,keyword2,remark")
    .transform((v) => v.split(",").map((f) => f.trim()))
    .pipe(z.tuple([z.string().regex(/^\w+$/), z.string().regex(/^\w+$/), z.string().regex(/^\w+$/), z.string().regex(/^\w+$/)])),
});

const sendAnswer = z.object({ errcode: z.number().int(), errmsg: z.string().optional(), msgid: z.number().optional() });
const TOKEN_REFUSED = new Set([40001, 40014, 42001]);

/** Sends one template message; resolves with WeChat's errcode (0 = sent). Retries once with a fresh token. */
export async function sendTemplateMessage(
  input: { openId: string; url: string; data: Record<string, string> },
  settings: WechatTemplateSettings,
  options: WechatApiOptions & { config: WechatOAuthConfig },
): Promise<number> {
  const body = JSON.stringify({
    touser: input.openId,
    template_id: settings.templateId,
    url: input.url,
    data: Object.fromEntries(Object.entries(input.data).map(([k, value]) => [k, { value }])),
  });
  for (let attempt = 0; ; attempt++) {
    const token = await getAccessToken(options);
    const response = await fetch(`${options.config.apiHost}/cgi-bin/message/template/send?access_token=${encodeURIComponent(token)}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body,
      signal: AbortSignal.timeout(options.timeoutMs ?? 5000),
      redirect: "error",
      cache: "no-store",
    });
    if (!response.ok) throw new Error(`WeChat template send: HTTP ${response.status}`);
    const answer = sendAnswer.parse(JSON.parse(await response.text()));
    if (attempt === 0 && TOKEN_REFUSED.has(answer.errcode)) {
      await forgetAccessToken(token, options);
      continue;
    }
    return answer.errcode;
  }
}

export function wechatTemplateNotifier(config: WechatOAuthConfig, settings: WechatTemplateSettings, options: WechatApiOptions = {}): MemberNotifier {
  return {
    async notify(memberId, brandId, message) {
      const { id: inboxId } = await postInboxMessage(memberId, brandId, message);
      const openId = await wechatOpenIdOf(memberId, config.appId);
      if (!openId) return { inboxId, wechat: "no_openid" };
      const [first, keyword1, keyword2, remark] = settings.fields;
      const time = new Intl.DateTimeFormat("zh-CN", { timeZone: "Asia/Shanghai", dateStyle: "short", timeStyle: "short" }).format(new Date());
      try {
        const errcode = await sendTemplateMessage(
          { openId, url: `${publicBaseUrl()}${message.link}`, data: { [first]: message.title, [keyword1]: message.body ?? "", [keyword2]: time, [remark]: "点击查看 / Tap to open" } },
          settings,
          { ...options, config },
        );
        if (errcode === 0) return { inboxId, wechat: "sent" };
        // 43004: the member unfollowed the account; 40003: the openid is not of this account. The inbox has it.
        console.error(`[notify] WeChat template message refused: errcode ${errcode} (inbox ${inboxId})`);
      } catch (error) {
        console.error(`[notify] WeChat template message failed (inbox ${inboxId}):`, error instanceof Error ? error.message : error);
      }
      return { inboxId, wechat: "failed" };
    },
  };
}

/** The notifier the environment asks for: WeChat template messages when configured, else the inbox only. */
export function memberNotifier(env: Record<string, string | undefined> = process.env): MemberNotifier {
  if (!env.WECHAT_TEMPLATE_ID?.trim()) return inboxNotifier;
  const config = usableWechatOAuthConfig(env);
  const parsed = templateEnv.safeParse({ WECHAT_TEMPLATE_ID: env.WECHAT_TEMPLATE_ID, WECHAT_TEMPLATE_FIELDS: env.WECHAT_TEMPLATE_FIELDS || undefined });
  if (!config || !parsed.success) {
    console.error("[notify] WECHAT_TEMPLATE_ID is set but WeChat is not configured (WECHAT_APP_ID/SECRET) or the template settings are malformed: inbox only");
    return inboxNotifier;
  }
  return wechatTemplateNotifier(config, { templateId: parsed.data.WECHAT_TEMPLATE_ID, fields: parsed.data.WECHAT_TEMPLATE_FIELDS as WechatTemplateSettings["fields"] });
}
