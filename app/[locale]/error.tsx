"use client";

// Shown when a page fails to render (for example, the database is unreachable): a way to retry, never a stack.
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="mx-auto flex min-h-[70dvh] max-w-sm flex-col items-center justify-center px-8 text-center" role="alert">
      <h1 className="text-lg font-semibold">网络开小差了</h1>
      <p className="mt-1 text-sm text-gray-500">Something went wrong</p>
      <p className="mt-3 text-sm text-gray-600">页面暂时没有加载出来，请稍后重试。</p>
      <button type="button" onClick={() => reset()} className="mt-6 rounded-full bg-black px-6 py-2.5 text-sm text-white">
        重试 Retry
      </button>
      <a href="/" className="mt-3 text-xs text-gray-500 underline">返回首页 Home</a>
    </main>
  );
}
