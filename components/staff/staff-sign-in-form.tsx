"use client";

import { useState } from "react";
import { signIn } from "next-auth/react";

/** Staff sign-in: username or phone + password; the server's message is shown as it is (it says what to do). */
export function StaffSignInForm({ next }: { next: string }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(form: FormData) {
    setPending(true);
    setError(null);
    const result = await signIn("staff", { login: form.get("login"), password: form.get("password"), redirect: false });
    setPending(false);
    if (result?.ok && !result.error) window.location.assign(next);
    else setError(result?.error && result.error !== "CredentialsSignin" ? result.error : "登录失败，请重试 / Sign-in failed, please retry");
  }

  return (
    <form action={submit} className="mt-6 space-y-4">
      <label className="block text-sm">
        用户名或手机号 <span className="text-gray-500">Username or phone</span>
        <input name="login" required autoComplete="username" autoCapitalize="none" className="mt-1 h-11 w-full rounded-lg border border-gray-300 px-3 text-base" />
      </label>
      <label className="block text-sm">
        密码 <span className="text-gray-500">Password</span>
        <input name="password" type="password" required autoComplete="current-password" className="mt-1 h-11 w-full rounded-lg border border-gray-300 px-3 text-base" />
      </label>
      {error ? <p role="alert" data-testid="sign-in-error" className="rounded bg-red-50 px-3 py-2 text-sm text-red-700">{error}</p> : null}
      <button type="submit" disabled={pending} className="h-11 w-full rounded-full bg-black text-sm font-medium text-white disabled:opacity-60">
        {pending ? "登录中… Signing in…" : "登录 Sign in"}
      </button>
    </form>
  );
}
