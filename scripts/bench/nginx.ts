// nginx (Debian's package) in front of the cluster's instances (tests/cluster) and of each cell of `npm run bench -- --matrix`,
// as a child process of the run: its own config,
// pid, logs and temp folders in a temp folder, loopback only, `daemon off` in its own process group, never the system
// service. The same proxy settings as README "Deployment": round robin, no sticky sessions, X-Forwarded-For.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { type Cleanup, log, sleep } from "./env";

export interface RunningNginx {
  baseUrl: string;
  /** One line per proxied request: `<method> <uri> <status> <upstream address>`. */
  accessLog: string;
}

/** The config the test runs: `upstreams` are host:port, `port` the proxy's own port on 127.0.0.1. */
export function nginxConfig(dir: string, port: number, upstreams: string[], asRoot: boolean): string {
  return `# Written by scripts/bench/nginx.ts for one run.
daemon off;
# One worker: its round robin alternates strictly between the instances (each worker keeps its own rotation).
worker_processes 1;
${asRoot ? "user nobody nogroup;\n" : ""}pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 1024; }
http {
  log_format upstreams '$request_method $request_uri $status $upstream_addr';
  access_log ${dir}/access.log upstreams;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  # Pictures are uploaded through server actions (up to 6 MB, next.config.js).
  client_max_body_size 8m;
  # Round robin, no stickiness: nothing may depend on which instance answers.
  upstream app {
${upstreams.map((u) => `    server ${u};`).join("\n")}
    keepalive 32;
  }
  server {
    listen 127.0.0.1:${port};
    location / {
      proxy_pass http://app;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      # $http_host keeps the port: the app compares it with the Origin of state-changing requests (CSRF).
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_buffering off;
    }
  }
}
`;
}

function nginxBinary(): string {
  for (const candidate of ["/usr/sbin/nginx", "/usr/local/sbin/nginx"]) if (fs.existsSync(candidate)) return candidate;
  const found = spawnSync("sh", ["-c", "command -v nginx"], { encoding: "utf8" }).stdout.trim();
  if (found) return found;
  throw new Error("nginx is not installed: apt-get install -y nginx (.ci/run installs it when missing)");
}

/** Starts nginx on `port` in front of `upstreams`; resolves once a request through it reaches an instance's /api/health. */
export async function startNginx(port: number, upstreams: string[], cleanup: Cleanup): Promise<RunningNginx> {
  const bin = nginxBinary();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mc-nginx-"));
  const asRoot = process.getuid?.() === 0;
  // As root the master hands requests to workers running as nobody, which must reach the temp folders.
  if (asRoot) fs.chmodSync(dir, 0o755);
  const conf = path.join(dir, "nginx.conf");
  fs.writeFileSync(conf, nginxConfig(dir, port, upstreams, asRoot));
  const accessLog = path.join(dir, "access.log");
  const errorLog = path.join(dir, "error.log");
  const tail = () => (fs.existsSync(errorLog) ? fs.readFileSync(errorLog, "utf8").trim().split("\n").slice(-10).join("\n") : "(no error.log)");

  // -e: the error log before the config is read (the package's default, /var/log/nginx, is not ours).
  const child = spawn(bin, ["-p", `${dir}/`, "-c", conf, "-e", errorLog], { stdio: ["ignore", "ignore", "pipe"], detached: true });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const pid = child.pid;
  if (pid === undefined) throw new Error("could not start nginx");
  let exited: string | null = null;
  const exitedPromise = new Promise<void>((resolve) => child.once("exit", (code, signal) => {
    exited = signal ? `signal ${signal}` : `exit code ${code}`;
    resolve();
  }));
  const killGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-pid, signal);
    } catch {
      // already gone
    }
  };
  const onExit = () => killGroup("SIGKILL");
  process.on("exit", onExit);
  cleanup.add("nginx", async () => {
    // SIGQUIT: graceful shutdown of master and workers; then the group, whatever is left.
    if (exited === null) {
      killGroup("SIGQUIT");
      if (await Promise.race([exitedPromise.then(() => false), sleep(5000).then(() => true)])) killGroup("SIGKILL");
    }
    killGroup("SIGKILL");
    process.off("exit", onExit);
    fs.rmSync(dir, { recursive: true, force: true });
    log(`nginx stopped (pid ${pid})`);
  });

  const baseUrl = `http://127.0.0.1:${port}`;
  log(`nginx on ${baseUrl} (pid ${pid}) → ${upstreams.join(", ")}; config ${conf}`);
  const deadline = Date.now() + 15_000;
  let last = "no answer";
  while (Date.now() < deadline) {
    if (exited !== null) throw new Error(`nginx ended (${exited}) before it was ready:\n${stderr}${tail()}`);
    try {
      const response = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(2000) });
      await response.arrayBuffer();
      if (response.status === 200) return { baseUrl, accessLog };
      last = `HTTP ${response.status}`;
    } catch (error) {
      last = (error as Error).message;
    }
    await sleep(100);
  }
  throw new Error(`nginx did not pass /api/health through within 15 s (last: ${last}):\n${stderr}${tail()}`);
}

/** The upstream addresses nginx chose for the requests whose URI contains `marker`, in order. */
export function upstreamsFor(accessLog: string, marker: string): string[] {
  return fs
    .readFileSync(accessLog, "utf8")
    .split("\n")
    .filter((line) => line.includes(marker))
    .map((line) => line.split(" ").at(-1) ?? "");
}
