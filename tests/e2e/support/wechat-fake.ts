// The fake WeChat (tests/fakes/wechat-server.ts) for the e2e run, started by serve.mjs with tsx:
//   WECHAT_FAKE_PORT (3190), WECHAT_APP_ID, WECHAT_APP_SECRET from the environment.
// A fixed-port front on 127.0.0.1 proxies WeChat's paths to the fake and adds a test-only control API:
//   POST /__test/sign-in-as   body: FakeWechatUser JSON   the user "holding the phone"
//   POST /__test/advance?ms=N                             moves the fake's clock (expire codes/tokens)
import http from "node:http";
import { startFakeWechat, type FakeWechatUser } from "../../fakes/wechat-server";

const port = Number(process.env.WECHAT_FAKE_PORT ?? 3190);
const fake = await startFakeWechat({ appId: process.env.WECHAT_APP_ID!, appSecret: process.env.WECHAT_APP_SECRET! });
const upstream = new URL(fake.url);

const front = http.createServer((req, res) => {
  const url = new URL(req.url ?? "/", "http://front");
  if (url.pathname.startsWith("/__test/")) {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      try {
        if (req.method === "POST" && url.pathname === "/__test/sign-in-as") fake.signInAs(JSON.parse(body) as FakeWechatUser);
        else if (req.method === "POST" && url.pathname === "/__test/advance") fake.advance(Number(url.searchParams.get("ms") ?? 0));
        else return void res.writeHead(404).end();
        res.writeHead(204).end();
      } catch (error) {
        res.writeHead(400, { "content-type": "text/plain" }).end(String(error));
      }
    });
    return;
  }
  const forward = http.request(
    { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    },
  );
  forward.on("error", () => res.writeHead(502).end());
  req.pipe(forward);
});

front.listen(port, "127.0.0.1", () => console.log(`[fake wechat] listening on http://127.0.0.1:${port}`));
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    front.close();
    front.closeAllConnections();
    void fake.close().then(() => process.exit(0));
  });
}
