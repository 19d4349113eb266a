import { describe, expect, it } from "vitest";
import { memberSearchKeys, searchKeysCreate, searchText } from "@/lib/members/search-keys";

// The keys a member is found by: every suffix, so "contains q" becomes "some key starts with q".

describe("memberSearchKeys", () => {
  it("gives every suffix of the phone and of the nickname", () => {
    expect(memberSearchKeys({ phone: "13812", nickname: "李娜" }).sort()).toEqual(["13812", "3812", "812", "12", "2", "李娜", "娜"].sort());
  });

  it("finds any substring as the start of some key", () => {
    const keys = memberSearchKeys({ phone: "13812345678", nickname: "" });
    for (const part of ["1381", "2345", "5678", "8"]) expect(keys.some((k) => k.startsWith(part))).toBe(true);
    expect(keys.some((k) => k.startsWith("9"))).toBe(false);
  });

  it("lower-cases ASCII letters only, as SQL lower() does in the backfill, and keeps spaces", () => {
    expect(searchText("Ann LEE 李")).toBe("ann lee 李");
    expect(searchText("ÄBC")).toBe("Äbc");
    expect(memberSearchKeys({ nickname: "Ab" }).sort()).toEqual(["ab", "b"]);
  });

  it("cuts by characters, never inside an emoji's surrogate pair", () => {
    const keys = memberSearchKeys({ nickname: "猫😺a" });
    expect(keys.sort()).toEqual(["a", "猫😺a", "😺a"].sort());
    expect(keys.every((k) => !/[\uD800-\uDFFF]/u.test(k))).toBe(true);
  });

  it("holds each key once (a phone suffix equal to a nickname suffix) and none for a member without phone or nickname", () => {
    const keys = memberSearchKeys({ phone: "138", nickname: "x38" });
    expect(keys.filter((k) => k === "38")).toHaveLength(1);
    expect(memberSearchKeys({ phone: null, nickname: "" })).toEqual([]);
    expect(searchKeysCreate({ phone: null, nickname: "" })).toEqual({});
    expect(searchKeysCreate({ phone: "12" })).toEqual({ searchKeys: { createMany: { data: [{ key: "12" }, { key: "2" }] } } });
  });
});
