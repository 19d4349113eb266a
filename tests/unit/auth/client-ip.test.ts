import { describe, expect, it } from "vitest";
import { clientIp } from "@/lib/http/client-ip";

describe("client IP for rate limits", () => {
  it("takes the address our proxy appended, not what the client wrote", () => {
    expect(clientIp("6.6.6.6, 203.0.113.9")).toBe("203.0.113.9");
    expect(clientIp("203.0.113.9")).toBe("203.0.113.9");
    expect(clientIp("1.1.1.1, 2.2.2.2, 203.0.113.9", { TRUSTED_PROXY_HOPS: "2" })).toBe("2.2.2.2");
  });
  it("never lets junk become a rate-limit key", () => {
    expect(clientIp("x".repeat(5000))).toBe("unknown");
    expect(clientIp(undefined)).toBe("unknown");
    expect(clientIp("::1")).toBe("::1");
  });
});
