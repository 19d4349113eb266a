// Text messages behind one interface (DESIGN.md: SMS sits behind lib/sms with a local implementation that
// needs no credentials and a real one chosen by environment):
//   SMS_PROVIDER=dev   the default outside production: prints the code to the server log and keeps the last
//                      code per phone in memory for a dev-only banner (lastDevCode). Refused in production.
//   SMS_PROVIDER=http  a generic webhook: POST JSON {"phone","code","purpose":"login"} to SMS_HTTP_URL with
//                      "Authorization: Bearer SMS_HTTP_TOKEN"; any 2xx is success; 5 s timeout.
// In production with no real provider configured smsSender() throws SmsNotConfiguredError, so one-time codes
// refuse to start instead of silently going nowhere.

export interface SmsSender {
  /** "dev" | "http": for logs and the dev banner, never shown to shoppers. */
  readonly name: string;
  /** Resolves once the provider accepted the message; rejects with SmsSendError otherwise. */
  sendLoginCode(phone: string, code: string): Promise<void>;
}

export class SmsNotConfiguredError extends Error {
  readonly code = "sms_not_configured";
  constructor(detail?: string) {
    super(`生产环境未配置短信服务 / No SMS sender configured in production${detail ? ` (${detail})` : ""}`);
    this.name = "SmsNotConfiguredError";
  }
}

/** The provider did not accept the message. The message never contains the code. */
export class SmsSendError extends Error {
  readonly code = "sms_send_failed";
  constructor(detail: string, options?: { cause?: unknown }) {
    super(`短信发送失败，请稍后再试 / The text message could not be sent, try again later (${detail})`, options);
    this.name = "SmsSendError";
  }
}

// DEMO_MODE=true (a local demo or the e2e run of the production build) opts back into the development sender;
// never set it where real shoppers sign in.
const isProduction = (env: NodeJS.ProcessEnv) => env.NODE_ENV === "production" && env.DEMO_MODE !== "true";

// Kept on globalThis so the dev server's module reloads do not lose the banner's code.
const MAX_DEV_CODES = 1000;
const devStore = globalThis as unknown as { __devSmsCodes?: Map<string, { code: string; sentAt: Date }> };
const devCodes = (devStore.__devSmsCodes ??= new Map());

export class DevSmsSender implements SmsSender {
  readonly name = "dev";
  async sendLoginCode(phone: string, code: string): Promise<void> {
    // console.log, not console.error: this is the expected path in development and tests.
    console.log(`[sms:dev] ${phone} code ${code}`);
    devCodes.delete(phone); // re-insert so the Map's order is oldest-first
    devCodes.set(phone, { code, sentAt: new Date() });
    while (devCodes.size > MAX_DEV_CODES) devCodes.delete(devCodes.keys().next().value!);
  }
}

/** The last code the development sender "sent" to this phone, for the dev-only banner; always null in production. */
export function lastDevCode(phone: string, env: NodeJS.ProcessEnv = process.env): string | null {
  if (isProduction(env)) return null;
  return devCodes.get(phone)?.code ?? null;
}

export interface HttpSmsSenderOptions {
  url: string;
  token: string;
  timeoutMs?: number;
}

export class HttpSmsSender implements SmsSender {
  readonly name = "http";
  private readonly url: URL;
  constructor(private readonly options: HttpSmsSenderOptions) {
    this.url = new URL(options.url);
    if (this.url.protocol !== "https:" && this.url.protocol !== "http:") throw new SmsNotConfiguredError("SMS_HTTP_URL must be http(s)");
  }

  async sendLoginCode(phone: string, code: string): Promise<void> {
    let response: Response;
    try {
      response = await fetch(this.url, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${this.options.token}` },
        body: JSON.stringify({ phone, code, purpose: "login" }),
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 5000),
        redirect: "error",
      });
    } catch (error) {
      const timedOut = error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
      throw new SmsSendError(timedOut ? "timeout" : "network error", { cause: error });
    }
    // Drain the body so the connection can be reused; its content is not needed.
    await response.arrayBuffer().catch(() => undefined);
    if (!response.ok) throw new SmsSendError(`HTTP ${response.status}`);
  }
}

/** The sender the environment asks for; throws SmsNotConfiguredError when none usable is configured. */
export function smsSender(env: NodeJS.ProcessEnv = process.env): SmsSender {
  const provider = (env.SMS_PROVIDER ?? "").trim().toLowerCase() || (isProduction(env) ? "" : "dev");
  switch (provider) {
    case "dev":
      if (isProduction(env)) throw new SmsNotConfiguredError("SMS_PROVIDER=dev is for development only");
      return new DevSmsSender();
    case "http": {
      const url = env.SMS_HTTP_URL?.trim();
      const token = env.SMS_HTTP_TOKEN?.trim();
      if (!url || !token) throw new SmsNotConfiguredError("SMS_PROVIDER=http needs SMS_HTTP_URL and SMS_HTTP_TOKEN");
      try {
        return new HttpSmsSender({ url, token });
      } catch (error) {
        if (error instanceof SmsNotConfiguredError) throw error;
        throw new SmsNotConfiguredError("SMS_HTTP_URL is not a valid URL");
      }
    }
    case "":
      throw new SmsNotConfiguredError("set SMS_PROVIDER");
    default:
      throw new SmsNotConfiguredError(`unknown SMS_PROVIDER "${provider}"`);
  }
}

/** Whether one-time codes can be offered at all (for pages that choose which sign-in options to show). */
export function smsConfigured(env: NodeJS.ProcessEnv = process.env): boolean {
  try {
    smsSender(env);
    return true;
  } catch {
    return false;
  }
}
