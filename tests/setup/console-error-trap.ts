// Setup file: a console.error during a test fails that test (STYLE.md habit 9; after Epic
// Stack's tests/setup/setup-test-env.ts). The message is still printed. Calls are checked after
// the test rather than thrown from console.error, so code that logs and carries on behaves as in
// production, and a log from an awaited callback is caught too. A test that expects the log
// calls expectConsoleError() from tests/setup/console-error.ts.
import { afterEach, beforeEach, vi } from "vitest";
import { currentTrap, setTrap } from "./console-error";

beforeEach(() => {
  const original = console.error;
  const spy = vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => original(...args));
  setTrap({ spy, allowed: false });
});

// Registered first, so with Vitest's default "stack" hook order it runs after the tests' own afterEach.
afterEach(() => {
  const trap = currentTrap();
  setTrap(undefined);
  if (!trap) return;
  const calls = trap.spy.mock.calls.slice();
  trap.spy.mockRestore();
  if (!trap.allowed && calls.length > 0) {
    const first = calls[0]!.map((arg) => (arg instanceof Error ? (arg.stack ?? arg.message) : String(arg))).join(" ");
    throw new Error(
      `console.error was called ${calls.length} time(s) during this test; first call: ${first}\n` +
        "If the test expects it, call expectConsoleError() from tests/setup/console-error.ts.",
    );
  }
});
