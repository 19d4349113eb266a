// Step 1 (continued): `next start` on the bench build, in its own process group so it can always be killed.
import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { createRequire } from "node:module";
import { BenchError, childEnv, type Cleanup, log, ROOT, SERVER_LOG, sleep } from "./env";

const require = createRequire(import.meta.url);
// Clients use the IPv4 loopback. The server is not bound with -H: the app's proxy rewrites go through
// `localhost`, which may resolve to ::1, and a server bound to 127.0.0.1 would loop on them (e2e found the same).
const HOST = "127.0.0.1";
const READY_TIMEOUT_MS = 90_000;

export interface RunningServer {
  baseUrl: string;
  pid: number;
  /** Null while it runs; "exit code 1" / "signal SIGKILL" when it ended before we stopped it. */
  unexpectedExit(): string | null;
  stop(): Promise<void>;
}

function portIsOpen(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    socket.setTimeout(1000);
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("timeout", () => {
      socket.destroy();
      resolve(false);
    });
    socket.once("error", () => resolve(false));
  });
}

function tail(file: string, lines: number): string {
  try {
    return fs.readFileSync(file, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
  } catch {
    return "(no server output)";
  }
}

/** A port nothing listens on right now, on 127.0.0.1 (asked of the OS). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, HOST, () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address !== null ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

/** Checked before anything else: a busy port may be another bench run using bench-results/bench.db. */
export async function assertPortFree(port: number): Promise<void> {
  const open = await Promise.all([portIsOpen("127.0.0.1", port), portIsOpen("::1", port)]);
  if (open.some(Boolean)) {
    throw new BenchError(`port ${port} is already in use: stop whatever listens there or pass --port <n>`);
  }
}

export async function startServer(
  port: number,
  healthPath: string,
  cleanup: Cleanup,
  extraEnv: Record<string, string> = {},
  /** The soak writes its own log and passes Node flags (--trace-gc) to the server process. */
  options: { logFile?: string; nodeArgs?: string[] } = {},
): Promise<RunningServer> {
  const logFile = options.logFile ?? SERVER_LOG;
  await assertPortFree(port);
  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  const logFd = fs.openSync(logFile, "w");
  const child = spawn(
    process.execPath,
    [...(options.nodeArgs ?? []), require.resolve("next/dist/bin/next"), "start", "-p", String(port)],
    {
      cwd: ROOT,
      env: childEnv({ NODE_ENV: "production", PORT: String(port), ...extraEnv }),
      stdio: ["ignore", logFd, logFd],
      // Its own process group: we kill the group (the server and anything it forks), and only that.
      detached: true,
    },
  );
  fs.closeSync(logFd);
  const pid = child.pid;
  if (pid === undefined) throw new BenchError("could not start next start");

  let exited = false;
  let stopping = false;
  let exitDescription: string | null = null;
  const exitedPromise = new Promise<void>((resolve) => {
    child.once("exit", (code, signal) => {
      exited = true;
      if (!stopping) exitDescription = signal ? `signal ${signal}` : `exit code ${code}`;
      resolve();
    });
  });
  const killGroup = (signal: NodeJS.Signals): void => {
    try {
      process.kill(-pid, signal);
    } catch {
      // Already gone.
    }
  };
  // Last resort if the process ends without running the cleanup (e.g. process.exit elsewhere).
  const onExit = (): void => {
    if (!exited) killGroup("SIGKILL");
  };
  process.on("exit", onExit);

  const stop = async (): Promise<void> => {
    stopping = true;
    if (!exited) {
      killGroup("SIGTERM");
      const timedOut = await Promise.race([exitedPromise.then(() => false), sleep(5000).then(() => true)]);
      if (timedOut) {
        killGroup("SIGKILL");
        await exitedPromise;
      }
    }
    killGroup("SIGKILL"); // any straggler left in the group
    process.off("exit", onExit);
    log(`server stopped (pid ${pid})`);
  };
  cleanup.add("next start", stop);

  const baseUrl = `http://${HOST}:${port}`;
  log(`next start -p ${port} (pid ${pid}); output in ${path.relative(ROOT, logFile)}`);
  const deadline = Date.now() + READY_TIMEOUT_MS;
  let last = "no answer";
  while (Date.now() < deadline) {
    if (exited) {
      throw new BenchError(`next start exited before it was ready. Last output:\n${tail(logFile, 20)}`);
    }
    try {
      const response = await fetch(baseUrl + healthPath, { signal: AbortSignal.timeout(2000), redirect: "manual" });
      await response.arrayBuffer();
      if (response.status === 200) {
        log(`ready: ${healthPath} answered 200`);
        return { baseUrl, pid, stop, unexpectedExit: () => exitDescription };
      }
      last = `HTTP ${response.status}`;
    } catch (error) {
      last = (error as Error).message;
    }
    await sleep(250);
  }
  throw new BenchError(
    `the server did not answer 200 on ${healthPath} within ${READY_TIMEOUT_MS / 1000} s (last: ${last}).\n` +
      `  Does the route exist yet? Pass --health <path> to wait on another URL. Last server output:\n${tail(logFile, 20)}`,
  );
}
