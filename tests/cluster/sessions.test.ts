// Issue 8: "a member signed in on one is signed in on the other". Sessions are next-auth JWT cookies signed with
// the shared APP_SECRET, and "sign out everywhere" is a column in the shared database: no instance keeps a session.
import crypto from "node:crypto";
import { describe, expect, inject, it } from "vitest";
import { maskedPhone, newPhone, request, signInByPhone, signInStaff } from "./http";
import { upstreamsFor } from "./nginx";

const cluster = inject("cluster");
const host = (base: string) => new URL(base).host;

describe("a session made on one instance", () => {
  it("a member signed in by phone on A is signed in on B and through nginx; signing out everywhere on A ends it on B", async () => {
    const phone = newPhone();
    const cookie = await signInByPhone(cluster.a, phone, "nord");
    const masked = maskedPhone(phone);

    // B never saw this sign-in: its member centre shows the member, a member-only page opens, the order API takes them.
    const me = await request(cluster.b, "/nord/me", { cookie });
    expect(me.status).toBe(200);
    expect(me.text).toContain(masked);
    expect((await request(cluster.b, "/nord/orders", { cookie })).status).toBe(200);
    const order = await request(cluster.b, "/api/shop/orders", { cookie, json: { brand: "nord" } });
    expect(order.status, order.text).toBe(400); // signed in, the (empty) order is what is refused
    // Without the cookie B answers as to anyone: to sign in first.
    const anonymous = await request(cluster.b, "/nord/orders");
    expect(anonymous.status).toBe(307);
    expect(anonymous.headers.get("location")).toContain("/nord/sign-in");
    expect((await request(cluster.b, "/api/shop/orders", { json: { brand: "nord" } })).status).toBe(401);

    // Through nginx, round robin: four requests, both instances answer, each one knows the member.
    const marker = crypto.randomUUID();
    for (let i = 0; i < 4; i++) {
      const viaProxy = await request(cluster.proxy, `/nord/me?probe=${marker}`, { cookie });
      expect(viaProxy.status).toBe(200);
      expect(viaProxy.text).toContain(masked);
    }
    expect(new Set(upstreamsFor(cluster.accessLog, marker))).toEqual(new Set([host(cluster.a), host(cluster.b)]));

    // Signed out everywhere on A: the same cookie is a stranger on B at once.
    const out = await request(cluster.a, "/api/auth/sign-out-everywhere", { cookie, method: "POST" });
    expect(out.status, out.text).toBe(200);
    const after = await request(cluster.b, "/nord/me", { cookie });
    expect(after.status).toBe(200);
    expect(after.text).not.toContain(masked);
    expect((await request(cluster.b, "/api/shop/orders", { cookie, json: { brand: "nord" } })).status).toBe(401);
  });

  it("a staff session made on B opens the admin console on A; without it A sends to the staff sign-in", async () => {
    const cookie = await signInStaff(cluster.b, "nord.admin");
    const products = await request(cluster.a, "/admin/products", { cookie });
    expect(products.status).toBe(200);
    expect(products.text).toContain('data-testid="styles-table"');
    const anonymous = await request(cluster.a, "/admin/products");
    expect(anonymous.status).toBe(307);
    expect(anonymous.headers.get("location")).toContain("/staff/sign-in");
  });
});
