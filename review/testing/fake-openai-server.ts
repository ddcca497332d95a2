import * as http from "node:http";
import { AddressInfo } from "node:net";

/** One request the fake endpoint received. */
export interface RecordedRequest {
  readonly path: string;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: string;
}

/** How the fake answers a request: a chat completion with this content, another HTTP status, or a delay first. */
export type FakeReply = { content: string } | { status: number; body?: string; headers?: Record<string, string> } | { delayMs: number; then: FakeReply };

/**
 * An OpenAI-compatible chat completions endpoint on 127.0.0.1 (loopback only), answering from a
 * script of replies and recording every request so tests can inspect what left the process.
 */
export class FakeOpenAiServer {
  readonly requests: RecordedRequest[] = [];
  private server?: http.Server;
  private readonly sockets = new Set<import("node:net").Socket>();

  constructor(private readonly reply: (request: RecordedRequest, index: number) => FakeReply) {}

  async start(): Promise<string> {
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        const recorded = { path: req.url ?? "", headers: req.headers, body: Buffer.concat(chunks).toString("utf8") };
        this.requests.push(recorded);
        this.answer(res, this.reply(recorded, this.requests.length - 1));
      });
    });
    this.server.on("connection", (socket) => {
      this.sockets.add(socket);
      socket.on("close", () => this.sockets.delete(socket));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/v1`;
  }

  private answer(res: http.ServerResponse, reply: FakeReply): void {
    if ("delayMs" in reply) {
      const timer = setTimeout(() => !res.destroyed && this.answer(res, reply.then), reply.delayMs);
      res.on("close", () => clearTimeout(timer));
      return;
    }
    if ("status" in reply) {
      res.writeHead(reply.status, { "content-type": "application/json", ...reply.headers });
      res.end(reply.body ?? JSON.stringify({ error: { message: `status ${reply.status}`, type: "server_error" } }));
      return;
    }
    res.writeHead(200, { "content-type": "application/json" });
    res.end(
      JSON.stringify({
        id: "chatcmpl-test",
        object: "chat.completion",
        created: 1_795_000_000,
        model: "test-model",
        choices: [{ index: 0, message: { role: "assistant", content: reply.content }, finish_reason: "stop" }],
        usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
      }),
    );
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

/** The user message (plan data) of a recorded chat request. */
export function userMessage(request: RecordedRequest): string {
  const body = JSON.parse(request.body) as { messages: { role: string; content: string }[] };
  return body.messages.find((m) => m.role === "user")?.content ?? "";
}
