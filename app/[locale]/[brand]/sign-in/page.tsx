import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { getBrand } from "@/lib/catalog/cached";
import { toLocale } from "@/lib/i18n/locales";
import { headers } from "next/headers";
import { PhoneSignIn } from "@/components/shop/phone-sign-in";
import { WechatSignIn } from "@/components/shop/wechat-sign-in";
import { usableWechatOAuthConfig } from "@/lib/wechat/config";
import { WechatOAuthError, type WechatOAuthErrorCode } from "@/lib/wechat/oauth";
import { SNAPSHOT_USER_MESSAGE } from "@/lib/members/wechat-identity";
import { memberReturnPath } from "@/lib/http/return-path";

type Params = Promise<{ locale: string; brand: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

// WeChat sign-in texts (both languages in one line, like the protocol layer's messages).
const WECHAT_LABELS = {
  button: "微信一键登录 / Sign in with WeChat",
  useProfile: "使用我的微信昵称和头像 / Use my WeChat nickname and avatar",
  completing: "正在登录… / Signing in…",
  failed: "微信登录失败，请重试 / WeChat sign-in failed; please try again",
};
const FLOW_ERRORS: Record<string, string> = {
  state_invalid: "登录请求已失效或已被使用，请重新登录 / This sign-in request has expired or was already used; please sign in again",
  denied: "你未同意微信授权 / WeChat authorisation was not granted",
  snapshot_user: SNAPSHOT_USER_MESSAGE,
  not_configured: "微信登录暂未开放 / WeChat sign-in is not available",
  failed: WECHAT_LABELS.failed,
};
const OAUTH_CODES: readonly WechatOAuthErrorCode[] = [
  "invalid_code",
  "code_used",
  "invalid_credential",
  "invalid_openid",
  "access_token_expired",
  "scope_unauthorized",
  "wechat_error",
  "wechat_unreachable",
];

function wechatErrorMessage(code: string | undefined): string | null {
  if (!code) return null;
  if ((OAUTH_CODES as readonly string[]).includes(code)) return new WechatOAuthError(code as WechatOAuthErrorCode).message;
  return FLOW_ERRORS[code] ?? FLOW_ERRORS.failed!;
}

/** WeChat sign-in is on when both WECHAT_APP_ID and WECHAT_APP_SECRET are set (a half config is logged and treated as off). */
function wechatEnabled(): boolean {
  return usableWechatOAuthConfig() !== null;
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: toLocale(locale), namespace: "me" });
  return { title: t("signInTitle"), robots: { index: false } };
}

// Outside WeChat: phone + one-time code. Inside WeChat (the UA carries MicroMessenger) and with WeChat
// sign-in configured: the WeChat button first, the phone form below it as the alternative.
export default async function MemberSignInPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const { locale, brand: slug } = await params;
  const query = await searchParams;
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const inWechat = /MicroMessenger/i.test((await headers()).get("user-agent") ?? "");
  const showWechat = inWechat && wechatEnabled();
  setRequestLocale(toLocale(locale));
  const brand = await getBrand(slug);
  if (!brand) notFound();
  const t = await getTranslations("me");
  const returnTo = memberReturnPath(slug, first(query.next));
  const keys = ["phone", "code", "sendCode", "resendIn", "signIn", "signingIn", "devBanner", "failed"] as const;
  return (
    <div className="px-5 py-6">
      <h1 className="text-lg font-semibold">{t("signInTitle")}</h1>
      <p className="mt-1 pb-5 text-xs text-muted">{t("signInHint")}</p>
      {showWechat ? (
        <>
          <WechatSignIn brand={slug} returnTo={returnTo} labels={WECHAT_LABELS} complete={first(query.wechat) === "complete"} error={wechatErrorMessage(first(query.wechat_error))} />
          <p className="my-6 text-center text-xs text-muted">或使用手机号登录 / Or sign in with your phone number</p>
        </>
      ) : null}
      <PhoneSignIn brand={slug} returnTo={returnTo} labels={Object.fromEntries(keys.map((k) => [k, t.raw(k) as string])) as Record<(typeof keys)[number], string>} />
    </div>
  );
}
