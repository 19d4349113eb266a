import { z } from "zod";

// What the console's store form posts: opening hours as HH:MM (stored as minutes after local midnight; a close
// at or before the opening means the next day, stored past 1440), GCJ-02 coordinates inside China, the
// switches and the safety stock. Every refusal reads "中文 / English".

/** "09:30" → 570; "24:00" is not a time of day here (a late close is written as the next day's "00:30"). */
export function parseClock(text: string): number | null {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(text.trim());
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}

export type HoursResult = { ok: true; opensAt: number; closesAt: number } | { ok: false; message: string };

/** Open and close as typed; a close not after the opening passes midnight (e.g. 18:00–02:00 → 1080–1560). */
export function parseOpeningHours(open: string, close: string): HoursResult {
  const opensAt = parseClock(open);
  const closeMinute = parseClock(close);
  if (opensAt === null || closeMinute === null) return { ok: false, message: "营业时间须为 HH:MM（00:00–23:59） / Opening hours are HH:MM (00:00–23:59)" };
  if (opensAt === closeMinute) return { ok: false, message: "开门与关门时间不能相同 / Opening and closing times cannot be the same" };
  return { ok: true, opensAt, closesAt: closeMinute > opensAt ? closeMinute : closeMinute + 1440 };
}

// GCJ-02 is only defined inside China: a point outside this box is a typo (swapped lat/lng, a WGS-84 paste from
// abroad, a missing minus sign is impossible here), not a store.
export const CHINA_BOUNDS = { minLat: 3.8, maxLat: 53.6, minLng: 73.5, maxLng: 135.1 } as const;

export type CoordinatesResult = { ok: true; lat: number; lng: number } | { ok: false; message: string };

export function parseCoordinates(latText: string, lngText: string): CoordinatesResult {
  const num = /^-?\d{1,3}(\.\d{1,8})?$/;
  if (!num.test(latText.trim()) || !num.test(lngText.trim())) return { ok: false, message: "坐标须为小数（最多 8 位小数） / Coordinates are decimal numbers (at most 8 decimals)" };
  const lat = Number(latText);
  const lng = Number(lngText);
  if (lat < CHINA_BOUNDS.minLat || lat > CHINA_BOUNDS.maxLat) return { ok: false, message: "纬度须在 3.8–53.6 之间（GCJ-02，中国境内） / Latitude must be 3.8–53.6 (GCJ-02, inside China)" };
  if (lng < CHINA_BOUNDS.minLng || lng > CHINA_BOUNDS.maxLng) return { ok: false, message: "经度须在 73.5–135.1 之间（GCJ-02，中国境内） / Longitude must be 73.5–135.1 (GCJ-02, inside China)" };
  return { ok: true, lat, lng };
}

const text = (max: number, message: string) => z.string().trim().min(1, message).max(max, message);
const optionalText = (max: number, message: string) => z.string().trim().max(max, message);

export const STORE_KINDS = ["DIRECT", "FRANCHISE", "WAREHOUSE"] as const;

/** The store form's fields (strings and switches); hours and coordinates come out as stored. */
export const storeForm = z
  .object({
    name: text(60, "请填写门店名称（最多 60 字） / Enter the store name (at most 60 characters)"),
    kind: z.enum(STORE_KINDS, { message: "请选择门店类型 / Choose the store kind" }),
    city: text(20, "请填写城市 / Enter the city"),
    district: optionalText(20, "区县最多 20 字 / The district is at most 20 characters"),
    address: text(120, "请填写地址（最多 120 字） / Enter the address (at most 120 characters)"),
    mallName: optionalText(60, "商场名称最多 60 字 / The mall name is at most 60 characters"),
    phone: z.string().trim().regex(/^[0-9+\- ]{0,20}$/, "电话只能包含数字、+、- 和空格 / A phone number has digits, +, - and spaces only"),
    lat: z.string(),
    lng: z.string(),
    opens: z.string(),
    closes: z.string(),
    pickupEnabled: z.boolean(),
    deliveryEnabled: z.boolean(),
    safetyStock: z.string().trim().regex(/^\d{1,3}$/, "安全库存为 0–999 的整数 / Safety stock is a whole number 0–999").transform(Number),
    active: z.boolean(),
  })
  .transform((f, ctx) => {
    const hours = parseOpeningHours(f.opens, f.closes);
    if (!hours.ok) {
      ctx.addIssue({ code: "custom", message: hours.message, path: ["opens"] });
      return z.NEVER;
    }
    const at = parseCoordinates(f.lat, f.lng);
    if (!at.ok) {
      ctx.addIssue({ code: "custom", message: at.message, path: ["lat"] });
      return z.NEVER;
    }
    const { opens: _o, closes: _c, lat: _la, lng: _ln, ...rest } = f;
    return { ...rest, lat: at.lat, lng: at.lng, opensAt: hours.opensAt, closesAt: hours.closesAt };
  });
export type StoreFields = z.infer<typeof storeForm>;

export const STORE_CODE = /^[A-Z0-9]{2,10}$/;
export const newStoreForm = z.object({ code: z.string().trim().toUpperCase().regex(STORE_CODE, "门店编号为 2–10 位大写字母或数字 / A store code is 2–10 capital letters or digits") });
