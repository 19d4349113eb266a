// Lets a test expect a console.error instead of failing (see console-error-trap.ts):
//   const consoleError = expectConsoleError();
//   ...;
//   expect(consoleError).toHaveBeenCalledWith(expect.stringContaining("boom"));
import type { MockInstance } from "vitest";

export type ConsoleErrorSpy = MockInstance<(...args: unknown[]) => void>;
export interface ConsoleErrorTrap {
  spy: ConsoleErrorSpy;
  allowed: boolean;
}

// On globalThis, so the trap and the tests agree even if this module is loaded twice.
const holder = globalThis as unknown as { __consoleErrorTrap?: ConsoleErrorTrap };

export function currentTrap(): ConsoleErrorTrap | undefined {
  return holder.__consoleErrorTrap;
}

export function setTrap(trap: ConsoleErrorTrap | undefined): void {
  holder.__consoleErrorTrap = trap;
}

/** Marks console.error as expected for the current test, silences it, and returns the spy. */
export function expectConsoleError(): ConsoleErrorSpy {
  const trap = currentTrap();
  if (!trap) throw new Error("expectConsoleError() must be called inside a test (is tests/setup/console-error-trap.ts a setup file?)");
  trap.allowed = true;
  trap.spy.mockImplementation(() => {});
  return trap.spy;
}
