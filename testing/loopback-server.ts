import * as http from "node:http";
import type { AddressInfo } from "node:net";

/** An HTTP server on 127.0.0.1 at a free port, standing in for a real service in a test. */
export interface LoopbackServer {
  readonly url: string;
  /** Requests received so far. */
  requests(): number;
  /** Closes the server and every connection still open (a hung request included). */
  close(): Promise<void>;
}

/** Starts `handler` on 127.0.0.1 at a port the system picks. */
export async function startLoopbackServer(handler: http.RequestListener): Promise<LoopbackServer> {
  let requests = 0;
  const server = http.createServer((req, res) => {
    requests++;
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests: () => requests,
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
