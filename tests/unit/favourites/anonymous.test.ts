import { beforeAll, describe, expect, it } from "vitest";

beforeAll(() => {
  process.env.APP_SECRET = "unit-test-secret-unit-test-secret-0123456789";
});

describe("anonymous favourites cookie", async () => {
  const { decodeFavourites, encodeFavourites, MAX_ANONYMOUS_FAVOURITES, toggleFavourite } = await import("@/lib/favourites/anonymous");
  const entry = (p: string, t = 1) => ({ b: "lumi", p, t });

  it("round-trips through a signed cookie", () => {
    const cookie = encodeFavourites([{ ...entry("LM1"), c: "01", z: "M", s: "SH01" }]);
    expect(decodeFavourites(cookie)).toEqual([{ b: "lumi", p: "LM1", c: "01", z: "M", s: "SH01", t: 1 }]);
  });

  it("reads a tampered, forged or garbage cookie as empty", () => {
    const cookie = encodeFavourites([entry("LM1")]);
    const [payload, sig] = cookie.split(".");
    const forged = Buffer.from(JSON.stringify([entry("LM2")])).toString("base64url");
    expect(decodeFavourites(`${forged}.${sig}`)).toEqual([]);
    expect(decodeFavourites(`${payload}.${sig}x`)).toEqual([]);
    expect(decodeFavourites("garbage")).toEqual([]);
    expect(decodeFavourites(undefined)).toEqual([]);
  });

  it("toggles on and off, newest first, and drops the oldest past the cap", () => {
    let state = toggleFavourite([], entry("A"));
    expect(state.favourited).toBe(true);
    state = toggleFavourite(state.entries, entry("B"));
    expect(state.entries.map((e) => e.p)).toEqual(["B", "A"]);
    state = toggleFavourite(state.entries, entry("A"));
    expect(state).toEqual({ entries: [entry("B")], favourited: false });
    let many = [] as ReturnType<typeof entry>[];
    for (let i = 0; i <= MAX_ANONYMOUS_FAVOURITES; i++) many = toggleFavourite(many, entry(`P${i}`)).entries;
    expect(many).toHaveLength(MAX_ANONYMOUS_FAVOURITES);
    expect(many.some((e) => e.p === "P0")).toBe(false);
  });
});
