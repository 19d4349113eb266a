import type http from "node:http";
import type { AddressInfo } from "node:net";

// What every fake server does to start and stop on loopback.

/** Listens on 127.0.0.1 (port 0: any free one) and resolves to the server's origin, e.g. http://127.0.0.1:54321. */
export async function listenOnLoopback(server: http.Server, port = 0): Promise<string> {
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** Stops the server, ending keep-alive sockets and requests a fake left unanswered on purpose (stalls). */
export function closeServer(server: http.Server): Promise<void> {
  return new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
