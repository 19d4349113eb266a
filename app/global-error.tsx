"use client";

// Last resort when even the root layout fails: plain HTML, no stack trace.
export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="zh-CN">
      <body style={{ fontFamily: "system-ui, sans-serif", textAlign: "center", padding: "20vh 2rem" }}>
        <h1 style={{ fontSize: "1.1rem" }}>网络开小差了 · Something went wrong</h1>
        <p style={{ color: "#555", fontSize: ".9rem" }}>请稍后重试 · Please try again.</p>
        <button type="button" onClick={() => reset()} style={{ marginTop: "1.5rem", padding: ".6rem 1.5rem", borderRadius: 999, border: 0, background: "#111", color: "#fff" }}>
          重试 Retry
        </button>
      </body>
    </html>
  );
}
