// @ts-check
import { fileURLToPath } from "node:url";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

// Security headers on every response. Scripts allow 'unsafe-inline' because Next's cached (ISR) pages carry
// inline bootstrap scripts and a per-request nonce would make every catalog page dynamic; the JS-SDK host
// res.wx.qq.com is allowed for WeChat pages. WeChat avatars come from thirdwx.qlogo.cn.
// With MEDIA_STORAGE=s3 and S3_PUBLIC_URL, pictures load from that origin (a CDN or the bucket) too. Next computes
// these headers at `next build`, so S3_PUBLIC_URL must be set when building (`npm start` builds with the same env).
const mediaOrigin = publicMediaOrigin(process.env.S3_PUBLIC_URL);

/** @param {string | undefined} text */
function publicMediaOrigin(text) {
  if (!text?.trim()) return "";
  try {
    const url = new URL(text.trim());
    if (url.protocol === "http:" || url.protocol === "https:") return ` ${url.origin}`;
  } catch {
    // reported below
  }
  throw new Error(`S3_PUBLIC_URL 应为 http(s) 地址 / S3_PUBLIC_URL must be an http(s) URL, got "${text.slice(0, 100)}"`);
}

const CSP = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-inline' https://res.wx.qq.com",
  "style-src 'self' 'unsafe-inline'",
  `img-src 'self' data: blob: https://thirdwx.qlogo.cn https://wx.qlogo.cn${mediaOrigin}`,
  "font-src 'self'",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "object-src 'none'",
].join("; ");

const SECURITY_HEADERS = [
  { key: "Content-Security-Policy", value: CSP },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "geolocation=(self), camera=(self), microphone=()" },
  ...(process.env.COOKIE_SECURE === "true" ? [{ key: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains" }] : []),
];

// One id per `next build`, inlined into the server code: the catalog's data cache lives in <distDir>/cache, which
// `next build` keeps, so entries are keyed by build and a deploy never reads what the previous code cached.
const BUILD_ID = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

// Each server's in-memory copy of cached pages and data: Next keeps up to 50 MB by default (one LRU for rendered
// pages and unstable_cache data), so a fresh server's memory climbs as shoppers visit new pages until the
// cache is full (the soak, decision 026).
// NEXT_CACHE_MEMORY_MB sets it (0: read every cached entry from <distDir>/cache, as a shared cache handler would).
const cacheMemoryMb = process.env.NEXT_CACHE_MEMORY_MB;
if (cacheMemoryMb !== undefined && !/^\d+$/.test(cacheMemoryMb)) throw new Error(`NEXT_CACHE_MEMORY_MB must be a whole number of MB, got "${cacheMemoryMb}"`);

/** @type {import('next').NextConfig} */
const nextConfig = {
  generateBuildId: () => BUILD_ID,
  ...(cacheMemoryMb !== undefined ? { cacheMaxMemorySize: Number(cacheMemoryMb) * 1024 * 1024 } : {}),
  env: { CATALOG_CACHE_BUILD: BUILD_ID },
  // Cached pages and data as Next keeps them, with tag invalidations shared by every instance through the database
  // (several instances behind a proxy, decision 032).
  cacheHandler: fileURLToPath(new URL("./lib/cache/shared-tags-cache-handler.mjs", import.meta.url)),
  // better-sqlite3 is a native addon and pg has optional native parts: load them from node_modules at run time.
  serverExternalPackages: ["better-sqlite3", "pg", "@prisma/adapter-pg"],
  // Tests and benchmarks build into their own folder so they never collide with a developer's .next.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  reactStrictMode: true,
  // forbidden() / unauthorized() render forbidden.tsx with a real 403 (lib/auth/session.ts).
  // Server actions take uploaded pictures (lib/storage refuses more than 5 MB; the form adds a little).
  experimental: { authInterrupts: true, serverActions: { bodySizeLimit: "6mb" } },
  async headers() {
    return [{ source: "/:path*", headers: SECURITY_HEADERS }];
  },
};

export default withNextIntl(nextConfig);
