import { describe, expect, it } from "vitest";
import { maskPhone, normalizeChinaMobile } from "@/lib/auth/phone";

describe("normalizeChinaMobile", () => {
  it.each([
    ["13800138000", "13800138000"],
    ["138 0013 8000", "13800138000"],
    ["138-0013-8000", "13800138000"],
    ["+86 13800138000", "13800138000"],
    ["+86 138 0013 8000", "13800138000"],
    ["8613800138000", "13800138000"],
    ["0086 13800138000", "13800138000"],
    ["  19912345678 ", "19912345678"],
    ["１３８００１３８０００", "13800138000"], // full-width digits from a Chinese keyboard
  ])("accepts %j", (input, expected) => {
    expect(normalizeChinaMobile(input)).toBe(expected);
  });

  it.each([
    "",
    "12800138000", // second digit must be 3-9
    "1380013800", // 10 digits
    "138001380001", // 12 digits
    "+1 13800138000",
    "86 1380013800",
    "1380013800a",
    "021-12345678", // a landline
    "1".repeat(100),
  ])("refuses %j", (input) => {
    expect(normalizeChinaMobile(input)).toBeNull();
  });

  it("masks the middle digits for logs", () => {
    expect(maskPhone("13800138000")).toBe("138****8000");
  });
});
