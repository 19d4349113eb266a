// Where the benchmark keeps its files, and the small process helpers every step shares.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The project root: scripts/bench/ is two levels below it. Everything resolves from here, never from the cwd. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
export const RESULTS_DIR = path.join(ROOT, "bench-results");
export const BENCH_DB = path.join(RESULTS_DIR, "bench.db");
export const SERVER_LOG = path.join(RESULTS_DIR, "server.log");
/** next.config.js reads NEXT_DIST_DIR; the bench build never touches .next or .next-e2e. */
export const DIST_DIR = ".next-bench";

/** An expected failure (missing seed, busy port, server not healthy…): printed as a message, without a stack. */
export class BenchError extends Error {
  override name = "BenchError";
}

/** Things to undo before the process ends, newest first: the server, a running child. Runs once. */
export class Cleanup {
  private readonly tasks: Array<{ label: string; run: () => Promise<void> | void }> = [];
  private running: Promise<void> | null = null;

  add(label: string, run: () => Promise<void> | void): () => void {
    const task = { label, run };
    this.tasks.push(task);
    return () => {
      const i = this.tasks.indexOf(task);
      if (i >= 0) this.tasks.splice(i, 1);
    };
  }

  run(): Promise<void> {
    this.running ??= (async () => {
      for (const task of this.tasks.splice(0).reverse()) {
        try {
          await task.run();
        } catch (error) {
          console.error(`[bench] cleanup "${task.label}" failed:`, error);
        }
      }
    })();
    return this.running;
  }
}

export function log(message: string): void {
  console.log(`[bench] ${message}`);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Environment for every child: the bench database (or the soak's), the bench dist folder, no telemetry. */
export function childEnv(extra: Record<string, string> = {}, dbFile: string = BENCH_DB): NodeJS.ProcessEnv {
  return {
    ...process.env,
    DATABASE_URL: `file:${dbFile}`,
    NEXT_DIST_DIR: DIST_DIR,
    NEXT_TELEMETRY_DISABLED: "1",
    ...extra,
  };
}

/**
 * Runs `node <script> <args>` in the project root with inherited output and resolves when it exits 0.
 * The child is registered with `cleanup` so Ctrl-C (or an error elsewhere) never leaves it behind.
 */
export function runNode(
  label: string,
  script: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  cleanup: Cleanup,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const child: ChildProcess = spawn(process.execPath, [script, ...args], { cwd: ROOT, env, stdio: "inherit" });
    const unregister = cleanup.add(label, () => {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
    });
    child.once("error", (error) => {
      unregister();
      reject(new BenchError(`${label}: could not start (${error.message})`));
    });
    child.once("exit", (code, signal) => {
      unregister();
      if (code === 0) resolve();
      else reject(new BenchError(`${label} failed (${signal ? `signal ${signal}` : `exit code ${code}`}); see its output above`));
    });
  });
}

/**
 * Runs a script's body with a Cleanup that also runs on Ctrl-C / SIGTERM, prints a BenchError as a message (other
 * errors with their stack), and exits with the body's code (1 on an error). Shared by `npm run bench` and `npm run soak`.
 */
export async function runScript(name: string, body: (cleanup: Cleanup) => Promise<number>): Promise<never> {
  const cleanup = new Cleanup();
  let interrupted = false;
  const onSignal = (signal: NodeJS.Signals): void => {
    if (interrupted) return;
    interrupted = true;
    log(`${signal}: stopping`);
    void cleanup.run().finally(() => process.exit(signal === "SIGINT" ? 130 : 143));
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);

  let code: number;
  try {
    code = await body(cleanup);
  } catch (error) {
    if (error instanceof BenchError) console.error(`\n[${name}] ${error.message}`);
    else console.error(`\n[${name}] unexpected error:`, error);
    code = 1;
  } finally {
    await cleanup.run();
  }
  process.exit(code);
}
