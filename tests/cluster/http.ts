// Talking to one instance (or nginx) over HTTP the way a browser does: cookies by hand, our Origin on every
// state-changing request, no redirects followed (a redirect to sign-in is an answer the tests look at).
import crypto from "node:crypto";
import { DEMO_STAFF_PASSWORD } from "@/lib/seed/staff";

export interface Answer {
  status: number;
  text: string;
  headers: Headers;
}

export async function request(base: string, path: string, init: { cookie?: string; method?: string; form?: Record<string, string>; json?: unknown; headers?: Record<string, string> } = {}): Promise<Answer> {
  const headers: Record<string, string> = { ...init.headers };
  if (init.cookie) headers.cookie = init.cookie;
  let body: string | undefined;
  if (init.form) {
    headers["content-type"] = "application/x-www-form-urlencoded";
    body = new URLSearchParams(init.form).toString();
  } else if (init.json !== undefined) {
    headers["content-type"] = "application/json";
    body = JSON.stringify(init.json);
  }
  const method = init.method ?? (body === undefined ? "GET" : "POST");
  if (method !== "GET") headers.origin = new URL(base).origin;
  const response = await fetch(base + path, { method, headers, body, redirect: "manual", signal: AbortSignal.timeout(30_000) });
  return { status: response.status, text: await response.text(), headers: response.headers };
}

/** `name=value` of each cookie the answer sets (attributes dropped). */
function setCookies(answer: Answer): Map<string, string> {
  const jar = new Map<string, string>();
  for (const line of answer.headers.getSetCookie()) {
    const [pair = ""] = line.split(";");
    const at = pair.indexOf("=");
    if (at > 0) jar.set(pair.slice(0, at), pair.slice(at + 1));
  }
  return jar;
}

/** next-auth's credentials sign-in, as `signIn(provider, { redirect: false })` posts it; returns the session cookie. */
async function credentialsSignIn(base: string, provider: "phone" | "staff", fields: Record<string, string>): Promise<string> {
  const csrf = await request(base, "/api/auth/csrf");
  const csrfCookie = [...setCookies(csrf)].map(([k, v]) => `${k}=${v}`).join("; ");
  const { csrfToken } = JSON.parse(csrf.text) as { csrfToken: string };
  const answer = await request(base, `/api/auth/callback/${provider}`, { cookie: csrfCookie, form: { ...fields, csrfToken, json: "true", callbackUrl: base } });
  const session = setCookies(answer).get("next-auth.session-token");
  if (answer.status !== 200 || !session) throw new Error(`${provider} sign-in on ${base} failed: HTTP ${answer.status} ${answer.text.slice(0, 300)}`);
  return `next-auth.session-token=${session}`;
}

/** A shopper signs in by phone on `base`: asks for a code (the development sender answers it), then enters it. */
export async function signInByPhone(base: string, phone: string, brand: string): Promise<string> {
  const sent = await request(base, "/api/auth/otp", { json: { phone } });
  const { devCode } = JSON.parse(sent.text) as { devCode?: string | null };
  if (sent.status !== 200 || !devCode) throw new Error(`no code from ${base}/api/auth/otp (DEMO_MODE=true?): HTTP ${sent.status} ${sent.text}`);
  return credentialsSignIn(base, "phone", { phone, code: devCode, brand });
}

export function signInStaff(base: string, login: string): Promise<string> {
  return credentialsSignIn(base, "staff", { login, password: DEMO_STAFF_PASSWORD });
}

/** A mobile number no one in the seed has. */
export const newPhone = () => `139${crypto.randomInt(10_000_000, 99_999_999)}`;

/** How the member centre shows a member's number (lib/members/identity.ts loadMemberCard: 139****5678). */
export const maskedPhone = (phone: string) => `${phone.slice(0, 3)}****${phone.slice(-4)}`;
