import { describe, expect, it } from "vitest";
import { memberAreaBrand } from "@/lib/auth/member-gate";

describe("member-only shop pages", () => {
  it.each([
    ["/lumi/checkout", "lumi"],
    ["/lumi/orders", "lumi"],
    ["/nord/orders/2611231234567", "nord"],
    ["/lumi/pay/2611231234567", "lumi"],
    ["/lumi/inbox", "lumi"],
    ["/nord/inbox/", "nord"],
    ["/lumi/inboxes", null],
    ["/lumi/p/LM26W0001", null],
    ["/lumi/cart", null],
    ["/guide/orders", null], // the store counter, gated as staff
    ["/lumi/lookbooks/abc", "lumi"],
    ["/lumi/me/referrals", "lumi"],
    ["/lumi/me", null],
    ["/r/orders", null],
    ["/admin/orders", null],
    ["/staff/orders", null],
  ])("%s → %s", (path, brand) => {
    expect(memberAreaBrand(path)).toBe(brand);
  });
});
