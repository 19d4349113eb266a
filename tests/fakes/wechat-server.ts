import crypto from "node:crypto";
import http from "node:http";
import { closeServer, listenOnLoopback } from "./loopback";

// A fake WeChat on loopback that speaks the real web OAuth (网页授权) protocol, so tests run the real
// client (lib/wechat/oauth.ts) over real HTTP. One origin serves both of WeChat's hosts:
//   GET /connect/oauth2/authorize   (open.weixin.qq.com) the consent step: 302 to redirect_uri?code&state
//   GET /sns/oauth2/access_token    (api.weixin.qq.com)  code → access token, openid, unionid
//   GET /sns/userinfo               (api.weixin.qq.com)  nickname, avatar; snsapi_userinfo only
// and the server-to-server credentials behind the JS-SDK (JS-SDK 说明文档, 附录1):
//   GET /cgi-bin/token              (api.weixin.qq.com)  client_credential → access token (7200 s)
//   GET /cgi-bin/ticket/getticket   (api.weixin.qq.com)  access token → jsapi_ticket (7200 s)
//   POST /cgi-bin/message/template/send (api.weixin.qq.com) a template message to a follower (模板消息)
// A new client_credential token leaves the previous ones usable for 5 more minutes, then they answer
// 40001 (WeChat's documented overlap; what several instances refreshing on their own run into).
// As WeChat does, API errors are HTTP 200 with {"errcode": N, "errmsg": "..., rid: ..."} and JSON is
// sent as text/plain. Codes live 5 minutes and are single use; access tokens live 7200 s. The fake's
// clock can be moved (advance()) to expire them.

export interface FakeWechatUser {
  openId: string;
  /** Only when the official account is bound to an Open Platform account. */
  unionId?: string;
  nickname: string;
  /** headimgurl; "" when the user has none. */
  avatar: string;
  sex?: 0 | 1 | 2;
  province?: string;
  city?: string;
  country?: string;
}

type Scope = "snsapi_base" | "snsapi_userinfo";

interface IssuedCode {
  openId: string;
  scope: Scope;
  issuedAt: number;
  used: boolean;
}

interface IssuedToken {
  openId: string;
  scope: Scope;
  expiresAt: number;
}

interface IssuedApiToken {
  expiresAt: number;
  /** Set when a newer token was issued: usable until then (5 minutes' overlap), 40001 after. */
  supersededUntil?: number;
}

export interface FakeRequest {
  method: string;
  path: string;
  query: Record<string, string>;
}

export interface FakeWechat {
  /** e.g. http://127.0.0.1:54321: use it as both WECHAT_OPEN_HOST and WECHAT_API_HOST. */
  url: string;
  appId: string;
  /** Users WeChat knows, by openid. signInAs() adds to it. */
  users: Map<string, FakeWechatUser>;
  /** Every request received, in order (query included, so tests can check what the client sent). */
  requests: FakeRequest[];
  /** The user who is "holding the phone": the one /connect/oauth2/authorize signs in. */
  signInAs(user: FakeWechatUser): void;
  /** A code as if the user had just consented (skips the browser step). */
  issueCode(openId: string, scope: Scope): string;
  /** The fake's clock, in ms since the epoch; starts at the real time. */
  now(): number;
  advance(ms: number): void;
  /** While true, /sns/* and /cgi-bin/* requests get no answer at all (a hung upstream, for timeout tests). */
  stall(on: boolean): void;
  /**
   * What WeChat checks at wx.config: the signature over an unexpired jsapi_ticket this fake issued, the
   * nonce, the timestamp and the page url (without #fragment). True when some such ticket matches.
   */
  verifyJssdkSignature(input: { nonceStr: string; timestamp: number | string; url: string; signature: string }): boolean;
  /** Template messages accepted by POST /cgi-bin/message/template/send, in order. */
  templateMessages: FakeTemplateMessage[];
  /** openids that unfollowed the account: sending to them answers 43004 (require subscribe). */
  unfollowed: Set<string>;
  close(): Promise<void>;
}

/** A template message as WeChat received it (模板消息, POST /cgi-bin/message/template/send). */
export interface FakeTemplateMessage {
  touser: string;
  template_id: string;
  url?: string;
  data: Record<string, { value: string; color?: string }>;
  msgid: number;
}

const CODE_TTL_MS = 5 * 60 * 1000;
const TOKEN_TTL_S = 7200;
const TOKEN_OVERLAP_MS = 5 * 60 * 1000;

export async function startFakeWechat(options: { appId: string; appSecret: string; authorizedDomains?: string[] }): Promise<FakeWechat> {
  const users = new Map<string, FakeWechatUser>();
  const codes = new Map<string, IssuedCode>();
  const tokens = new Map<string, IssuedToken>();
  const apiTokens = new Map<string, IssuedApiToken>();
  const tickets = new Map<string, { expiresAt: number }>();
  const requests: FakeRequest[] = [];
  const templateMessages: FakeTemplateMessage[] = [];
  const unfollowed = new Set<string>();
  let current: FakeWechatUser | undefined;
  let offset = 0;
  let stalled = false;
  const now = () => Date.now() + offset;
  const random = (bytes: number) => crypto.randomBytes(bytes).toString("base64url");

  function issueCode(openId: string, scope: Scope): string {
    const code = random(24);
    codes.set(code, { openId, scope, issuedAt: now(), used: false });
    return code;
  }

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://fake.wechat");
    const query = Object.fromEntries(url.searchParams);
    requests.push({ method: req.method ?? "GET", path: url.pathname, query });

    const json = (body: Record<string, unknown>) => {
      res.writeHead(200, { "content-type": "text/plain" }).end(JSON.stringify(body));
    };
    const fail = (errcode: number, errmsg: string) => json({ errcode, errmsg: `${errmsg}, rid: ${crypto.randomBytes(6).toString("hex")}` });
    // WeChat shows an error page inside its browser; here a 400 page with the same wording.
    const errorPage = (code: number, text: string) => {
      res.writeHead(400, { "content-type": "text/html; charset=utf-8" }).end(`<!doctype html><title>微信</title><p>${text}</p><p>错误码：${code}</p>`);
    };

    // The one POST: a template message to a follower, with the app's access token in the query.
    if (req.method === "POST" && url.pathname === "/cgi-bin/message/template/send") {
      if (stalled) return;
      let raw = "";
      req.setEncoding("utf8");
      req.on("data", (chunk: string) => (raw += chunk));
      req.on("end", () => {
        const token = apiTokens.get(query.access_token ?? "");
        if (!query.access_token) return fail(41001, "access_token missing");
        if (!token || (token.supersededUntil !== undefined && now() >= token.supersededUntil)) return fail(40001, "invalid credential, access_token is invalid or not latest");
        if (now() >= token.expiresAt) return fail(42001, "access_token expired");
        let body: Partial<FakeTemplateMessage>;
        try {
          body = JSON.parse(raw) as Partial<FakeTemplateMessage>;
        } catch {
          return fail(47001, "data format error");
        }
        if (!body.touser || !users.has(body.touser)) return fail(40003, "invalid openid");
        if (unfollowed.has(body.touser)) return fail(43004, "require subscribe");
        if (!body.template_id) return fail(40037, "invalid template_id");
        if (!body.data || typeof body.data !== "object" || Object.values(body.data).some((v) => typeof v?.value !== "string")) return fail(47001, "data format error");
        const msgid = 200000000 + templateMessages.length;
        templateMessages.push({ touser: body.touser, template_id: body.template_id, ...(body.url ? { url: body.url } : {}), data: body.data, msgid });
        json({ errcode: 0, errmsg: "ok", msgid });
      });
      return;
    }

    if (req.method !== "GET") {
      res.writeHead(405).end();
      return;
    }

    if (url.pathname === "/connect/oauth2/authorize") {
      if (query.appid !== options.appId) return errorPage(10002, "appid 参数错误");
      let redirect: URL;
      try {
        redirect = new URL(query.redirect_uri ?? "");
        if (redirect.protocol !== "http:" && redirect.protocol !== "https:") throw new Error("scheme");
      } catch {
        return errorPage(10003, "redirect_uri 参数错误");
      }
      if (options.authorizedDomains && !options.authorizedDomains.includes(redirect.host)) return errorPage(10003, "redirect_uri 域名与后台配置不一致");
      if (query.response_type !== "code") return errorPage(10004, "response_type 参数错误");
      if (!query.scope) return errorPage(10010, "scope 参数错误或没有 scope 权限");
      if (query.scope !== "snsapi_base" && query.scope !== "snsapi_userinfo") return errorPage(10005, "此公众号并没有这些 scope 的权限");
      const state = query.state ?? "";
      if (!/^[A-Za-z0-9]{0,128}$/.test(state)) return errorPage(10016, "state 参数错误");
      if (!current) return errorPage(10001, "请在微信客户端打开链接");
      // The user consents (snsapi_userinfo) or is signed in silently (snsapi_base).
      const code = issueCode(current.openId, query.scope);
      redirect.searchParams.set("code", code);
      redirect.searchParams.set("state", state);
      res.writeHead(302, { location: redirect.toString() }).end();
      return;
    }

    if ((url.pathname.startsWith("/sns/") || url.pathname.startsWith("/cgi-bin/")) && stalled) return; // never answers; closed by close()

    if (url.pathname === "/cgi-bin/token") {
      if (query.grant_type !== "client_credential") return fail(40002, "invalid grant_type");
      if (query.appid !== options.appId) return fail(40013, "invalid appid");
      if (query.secret !== options.appSecret) return fail(40125, "invalid appsecret");
      for (const older of apiTokens.values()) {
        if (older.supersededUntil === undefined) older.supersededUntil = now() + TOKEN_OVERLAP_MS;
      }
      const accessToken = random(96);
      apiTokens.set(accessToken, { expiresAt: now() + TOKEN_TTL_S * 1000 });
      return json({ access_token: accessToken, expires_in: TOKEN_TTL_S });
    }

    if (url.pathname === "/cgi-bin/ticket/getticket") {
      if (!query.access_token) return fail(41001, "access_token missing");
      const token = apiTokens.get(query.access_token);
      if (!token || (token.supersededUntil !== undefined && now() >= token.supersededUntil)) {
        return fail(40001, "invalid credential, access_token is invalid or not latest");
      }
      if (now() >= token.expiresAt) return fail(42001, "access_token expired");
      if (query.type !== "jsapi" && query.type !== "wx_card") return fail(40097, "invalid args");
      const ticket = random(64);
      tickets.set(ticket, { expiresAt: now() + TOKEN_TTL_S * 1000 });
      return json({ errcode: 0, errmsg: "ok", ticket, expires_in: TOKEN_TTL_S });
    }

    if (url.pathname === "/sns/oauth2/access_token") {
      if (query.appid !== options.appId) return fail(40013, "invalid appid");
      if (query.secret !== options.appSecret) return fail(40125, "invalid appsecret");
      if (query.grant_type !== "authorization_code") return fail(40002, "invalid grant_type");
      if (!query.code) return fail(41008, "missing code");
      const issued = codes.get(query.code);
      if (!issued) return fail(40029, "invalid code");
      if (issued.used) return fail(40163, "code been used");
      if (now() - issued.issuedAt > CODE_TTL_MS) return fail(40029, "invalid code");
      issued.used = true;
      const accessToken = random(48);
      tokens.set(accessToken, { openId: issued.openId, scope: issued.scope, expiresAt: now() + TOKEN_TTL_S * 1000 });
      const user = users.get(issued.openId);
      return json({
        access_token: accessToken,
        expires_in: TOKEN_TTL_S,
        refresh_token: random(48),
        openid: issued.openId,
        scope: issued.scope,
        ...(user?.unionId ? { unionid: user.unionId } : {}),
      });
    }

    if (url.pathname === "/sns/userinfo") {
      if (!query.access_token) return fail(41001, "access_token missing");
      const token = tokens.get(query.access_token);
      if (!token) return fail(40001, "invalid credential, access_token is invalid or not latest");
      if (now() >= token.expiresAt) return fail(42001, "access_token expired");
      if (!query.openid) return fail(41009, "missing openid");
      if (query.openid !== token.openId) return fail(40003, "invalid openid");
      if (token.scope !== "snsapi_userinfo") return fail(48001, "api unauthorized");
      const user = users.get(token.openId);
      if (!user) return fail(46004, "user not exist");
      return json({
        openid: user.openId,
        nickname: user.nickname,
        sex: user.sex ?? 0,
        province: user.province ?? "",
        city: user.city ?? "",
        country: user.country ?? "",
        headimgurl: user.avatar,
        privilege: [],
        ...(user.unionId ? { unionid: user.unionId } : {}),
      });
    }

    res.writeHead(404, { "content-type": "text/plain" }).end("404 Not Found");
  });

  const origin = await listenOnLoopback(server);

  return {
    url: origin,
    appId: options.appId,
    users,
    requests,
    templateMessages,
    unfollowed,
    signInAs(user) {
      users.set(user.openId, user);
      current = user;
    },
    issueCode,
    now,
    advance(ms) {
      offset += ms;
    },
    stall(on) {
      stalled = on;
    },
    verifyJssdkSignature({ nonceStr, timestamp, url, signature }) {
      const page = url.split("#")[0];
      return [...tickets].some(([ticket, { expiresAt }]) => {
        if (now() >= expiresAt) return false;
        const plain = `jsapi_ticket=${ticket}&noncestr=${nonceStr}&timestamp=${timestamp}&url=${page}`;
        return crypto.createHash("sha1").update(plain).digest("hex") === signature;
      });
    },
    close: () => closeServer(server),
  };
}
