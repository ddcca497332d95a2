import * as http from "node:http";
import { grafanaAnnotationsFor } from "../../cli/commands/cutover";
import { closedPortUrl } from "../../testing/closed-port";
import { parseRolloutConfig } from "./cutover-config";
import type { CutoverLogEntry } from "./cutover-log";
import { annotationOf, GrafanaAnnotations } from "./grafana-annotations";
import { startLoopbackServer } from "../../testing/loopback-server";

interface Received {
  readonly method?: string;
  readonly url?: string;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: unknown;
}

/** Grafana's annotations endpoint on loopback: records each request and answers as the API docs show (200 {"message":"Annotation added","id":n}), or with `status`. */
async function fakeGrafana(status = 200, delayMs = 0): Promise<{ url: string; received: Received[]; close: () => Promise<void> }> {
  const received: Received[] = [];
  const server = await startLoopbackServer((req, res) => {
    let text = "";
    req.on("data", (chunk: Buffer) => (text += chunk.toString("utf8")));
    req.on("end", () => {
      received.push({ method: req.method, url: req.url, headers: req.headers, body: JSON.parse(text) });
      setTimeout(() => {
        res.writeHead(status, { "content-type": "application/json" });
        res.end(status === 200 ? JSON.stringify({ message: "Annotation added", id: received.length }) : JSON.stringify({ message: "Unauthorized" }));
      }, delayMs);
    });
  });
  return { url: server.url, received, close: server.close };
}

const base = { stack: "prod", to: "green" as const };
const judged: CutoverLogEntry = {
  ...base,
  kind: "judge",
  at: "2026-12-07T10:10:00.000Z",
  step: 1,
  window: { start: "2026-12-07T10:00:00.000Z", end: "2026-12-07T10:10:00.000Z" },
  judgement: {
    score: 50,
    verdict: "fail",
    reason: "critical metric failed: latency",
    metrics: [
      { name: "latency", outcome: "fail", critical: true, baselineCount: 10, canaryCount: 10, outliersRemoved: 0, changePercent: 48.04, reason: "+48%" },
      { name: "errors", outcome: "pass", critical: false, baselineCount: 10, canaryCount: 10, outliersRemoved: 0, changePercent: -1.2, reason: "-1%" },
    ],
  },
};
const rolledBack: CutoverLogEntry = { ...base, kind: "rollback", at: "2026-12-07T10:10:01.000Z", step: 1, weights: { blue: 100, green: 0 }, live: "blue", reason: "step 2 (50% on green) failed" };

describe("cutover decisions as Grafana annotations", () => {
  it("posts each to POST /api/annotations with a bearer token: a judged interval as a region with its score, a rollback as a point", async () => {
    const grafana = await fakeGrafana();
    try {
      const warnings: string[] = [];
      const sink = new GrafanaAnnotations({ url: `${grafana.url}/grafana/`, token: "glsa_test", warn: (l) => warnings.push(l) });
      sink.send(judged);
      sink.send(rolledBack);
      await sink.flush();
      expect(warnings).toEqual([]);
      expect(grafana.received).toHaveLength(2);
      for (const request of grafana.received) {
        expect(request).toMatchObject({ method: "POST", url: "/grafana/api/annotations" });
        expect(request.headers).toMatchObject({ authorization: "Bearer glsa_test", "content-type": "application/json", accept: "application/json" });
      }
      expect(grafana.received[0].body).toEqual({
        time: Date.UTC(2026, 11, 7, 10, 0),
        timeEnd: Date.UTC(2026, 11, 7, 10, 10),
        tags: ["icna-cutover", "icna-cutover-judge", "stack:prod", "to:green", "judge", "fail"],
        text: "prod → green: step 2 judged fail, score 50/100: latency fail (+48.0%); errors pass (-1.2%)",
      });
      expect(grafana.received[1].body).toEqual({
        time: Date.UTC(2026, 11, 7, 10, 10, 1),
        tags: ["icna-cutover", "icna-cutover-rollback", "stack:prod", "to:green", "rollback"],
        text: "prod → green: ROLLED BACK to blue 100 / green 0 (live blue): step 2 (50% on green) failed",
      });
    } finally {
      await grafana.close();
    }
  });

  it("tags every kind of decision so the dashboard's three annotation queries find it", () => {
    const at = "2026-12-07T10:00:00.000Z";
    const kinds: CutoverLogEntry[] = [
      { ...base, at, kind: "start", from: { blue: 100, green: 0 }, live: "blue", steps: [10, 100], intervalMs: 600_000 },
      { ...base, at, kind: "resume", atStep: 1, weights: { blue: 90, green: 10 } },
      { ...base, at, kind: "refused", reason: "target colour green is unhealthy", evidence: {} },
      { ...base, at, kind: "shift", step: 0, percent: 10, weights: { blue: 90, green: 10 } },
      { ...base, at, kind: "complete", weights: { blue: 0, green: 100 }, live: "green" },
    ];
    expect(kinds.map((e) => annotationOf(e).tags[1])).toEqual(Array(5).fill("icna-cutover-step"));
    expect(annotationOf(kinds[3]).text).toBe("prod → green: step 1: 10% on green (blue 90 / green 10)");
  });

  it("warns and goes on when Grafana refuses the token, naming the variable to fix", async () => {
    const grafana = await fakeGrafana(401);
    try {
      const warnings: string[] = [];
      const sink = new GrafanaAnnotations({ url: grafana.url, token: "expired", warn: (l) => warnings.push(l) });
      sink.send(rolledBack);
      await sink.flush();
      expect(warnings).toEqual([expect.stringMatching(/annotation of "rollback" not written .*HTTP 401: ICNA_GRAFANA_TOKEN is not a valid token .*the cutover log has it/)]);
    } finally {
      await grafana.close();
    }
  });

  it("warns when Grafana cannot be reached or does not answer in time", async () => {
    const slow = await fakeGrafana(200, 2_000);
    try {
      const warnings: string[] = [];
      new GrafanaAnnotations({ url: await closedPortUrl(), token: "t", warn: (l) => warnings.push(l) }).send(judged);
      const timed = new GrafanaAnnotations({ url: slow.url, token: "t", warn: (l) => warnings.push(l), timeoutMs: 200 });
      timed.send(judged);
      await timed.flush();
      await new Promise((r) => setTimeout(r, 300));
      expect(warnings).toHaveLength(2);
      expect(warnings.every((w) => w.includes('annotation of "judge" not written'))).toBe(true);
    } finally {
      await slow.close();
    }
  });
});

describe("icna cutover's Grafana settings", () => {
  const rollout = (grafana: string) =>
    parseRolloutConfig(
      `prometheus: http://prometheus:9090
health: { query: 'min(up{colour="$colour"})' }
signals: [{ name: latency, query: 'latency{colour="$colour"}' }]
judge: { metrics: [{ name: latency, direction: increase }] }
${grafana}`,
      "rollout.yaml",
    );

  it("annotates only when the rollout config names a Grafana", () => {
    expect(grafanaAnnotationsFor(rollout(""), "rollout.yaml", "token")).toBeUndefined();
    expect(grafanaAnnotationsFor(rollout("grafana: { url: https://grafana.example.com }"), "rollout.yaml", "token")).toBeInstanceOf(GrafanaAnnotations);
  });

  it("refuses to start without the token, before any traffic moves, saying where it comes from", () => {
    expect(() => grafanaAnnotationsFor(rollout("grafana: { url: https://grafana.example.com }"), "rollout.yaml", undefined)).toThrow(/rollout.yaml sets grafana.url but ICNA_GRAFANA_TOKEN is not set/);
  });

  it("refuses a token written into the rollout config", () => {
    expect(() => rollout("grafana: { url: https://grafana.example.com, token: glsa_secret }")).toThrow(/grafana/);
  });
});
