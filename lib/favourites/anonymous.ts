import { z } from "zod";
import { sign, verify } from "@/lib/security/app-secret";

// Anonymous favourites (未登录收藏) live in a signed cookie until sign-in merges them into the member.
// The payload is readable by the page's script (it shows the heart state without a request); the
// signature stops anyone from planting entries the server would trust.

export const FAVOURITES_COOKIE = "mc_fav";
/** Keeps the cookie well under the 4 KB browser limit. */
export const MAX_ANONYMOUS_FAVOURITES = 40;

const entrySchema = z.object({
  b: z.string().regex(/^[a-z0-9-]{1,32}$/), // brand slug
  p: z.string().regex(/^[A-Za-z0-9-]{1,24}$/), // style code
  c: z.string().regex(/^[A-Za-z0-9]{1,8}$/).optional(), // colour code
  z: z.string().regex(/^[A-Za-z0-9/.]{1,8}$/).optional(), // size
  s: z.string().regex(/^[A-Za-z0-9-]{1,16}$/).optional(), // store code where the shopper was
  t: z.number().int().nonnegative(), // unix seconds
});
export type AnonymousFavourite = z.infer<typeof entrySchema>;
const listSchema = z.array(entrySchema).max(MAX_ANONYMOUS_FAVOURITES);

export function encodeFavourites(entries: AnonymousFavourite[]): string {
  const payload = Buffer.from(JSON.stringify(entries)).toString("base64url");
  return `${payload}.${sign(payload)}`;
}

/** A tampered, malformed or absent cookie reads as no favourites. */
export function decodeFavourites(cookie: string | undefined): AnonymousFavourite[] {
  if (!cookie) return [];
  const [payload, signature] = cookie.split(".");
  if (!payload || !signature || !verify(payload, signature)) return [];
  try {
    const parsed = listSchema.safeParse(JSON.parse(Buffer.from(payload, "base64url").toString("utf8")));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

/** Adds the style (newest first) or removes it when already there; the oldest entry drops off at the cap. */
export function toggleFavourite(
  entries: AnonymousFavourite[],
  entry: AnonymousFavourite,
): { entries: AnonymousFavourite[]; favourited: boolean } {
  const exists = entries.some((e) => e.b === entry.b && e.p === entry.p);
  if (exists) return { entries: entries.filter((e) => !(e.b === entry.b && e.p === entry.p)), favourited: false };
  return { entries: [entry, ...entries].slice(0, MAX_ANONYMOUS_FAVOURITES), favourited: true };
}
