// Shared vocabulary of the access matrix (../access-matrix.spec.ts). Each area of the app lists its own rows in
// a file of this folder, so work on one area never edits another's rows.

export type Who = "anonymous" | "member" | "otherBrandMember" | "guide" | "otherStoreGuide" | "manager" | "otherBrandAdmin" | "brandAdmin" | "admin";
export type Outcome = "ok" | "signin" | "forbidden" | "redirect" | `status ${number}`;
export type Route = { file: string; url: string; method?: "GET" | "POST" | "PATCH" | "DELETE"; expect: Partial<Record<Who, Outcome>> & { default: Outcome } };
/** Server action files ("use server") → who may call them, in words. */
export type ActionRows = Record<string, string>;

export const PUBLIC = { default: "ok" } as const;
/** How the matrix reports a JSON 404. */
export const NOT_FOUND: Outcome = "status 404";
/** Brand console pages naming the LUMI brand (or none): its brand admin and the group admin; staff of a store are refused. */
export const BRAND_CONSOLE = { default: "forbidden", anonymous: "signin", member: "signin", otherBrandMember: "signin", brandAdmin: "ok", admin: "ok" } as const;
/** A brand console page of a brand-wide kind with no brand named: every brand admin sees their own brand. */
export const ANY_BRAND_CONSOLE = { ...BRAND_CONSOLE, otherBrandAdmin: "ok" } as const;
