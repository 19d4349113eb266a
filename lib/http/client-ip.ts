import { isIP } from "node:net";

// The client's address for rate limits. Behind our reverse proxy (nginx appends to X-Forwarded-For) the
// trustworthy entry is the one the proxy added: counted from the right, TRUSTED_PROXY_HOPS deep (default 1).
// Entries further left are whatever the client sent. Without a proxy, per-IP limits are only as good as the
// header: deploy behind one (README "Deployment").
export function clientIp(forwardedFor: string | string[] | null | undefined, env: Record<string, string | undefined> = process.env): string {
  const header = Array.isArray(forwardedFor) ? forwardedFor.join(",") : forwardedFor ?? "";
  const hops = Math.max(1, Number(env.TRUSTED_PROXY_HOPS ?? 1) || 1);
  const entries = header.split(",").map((s) => s.trim()).filter(Boolean);
  const candidate = entries[entries.length - hops] ?? "";
  return isIP(candidate) ? candidate : "unknown";
}
