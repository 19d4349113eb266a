import { describe, expect, it } from "vitest";
import { assertAcceptablePassword, hashPassword, verifyPassword, WeakPasswordError } from "@/lib/auth/password";

describe("staff passwords", () => {
  it("hashes with scrypt and a random salt, and verifies only the right password", async () => {
    const a = await hashPassword("correct horse 42");
    const b = await hashPassword("correct horse 42");
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$[\w-]+\$[\w-]+$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword("correct horse 42", a)).toBe(true);
    expect(await verifyPassword("correct horse 43", a)).toBe(false);
    expect(a).not.toContain("correct");
  });

  it("refuses malformed stored hashes instead of throwing", async () => {
    expect(await verifyPassword("x", "plaintext")).toBe(false);
    expect(await verifyPassword("x", "bcrypt$1$2$3$4$5")).toBe(false);
  });

  it("accepts reasonable passwords and refuses weak ones", () => {
    expect(() => assertAcceptablePassword("Store-Guide-2026")).not.toThrow();
    for (const weak of ["short1A", "1234567890", "aaaaaaaaaaaa", "abababababab1"]) {
      expect(() => assertAcceptablePassword(weak), weak).toThrow(WeakPasswordError);
    }
  });
});
