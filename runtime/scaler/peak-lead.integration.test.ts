import { startPrometheus, type BackfillSample, type TestPrometheus } from "../../testing/prometheus-process";
import { PrometheusClient } from "../prometheus/prometheus-client";
import { MAX_LEAD_SEARCH_MINUTES } from "../simulate/outcome";
import { measurePeakLeads, PEAK_LEAD_DAYS } from "./peak-lead";

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const FIRST_DAY = Date.UTC(2026, 11, 1);
const NOW = FIRST_DAY + PEAK_LEAD_DAYS * DAY_MS + 3_600_000;
const at = (d: number, h: number, m: number) => FIRST_DAY + d * DAY_MS + (h * 60 + m) * MINUTE_MS;
/** When checkout's Deployment had five ready pods before each day's 14:00 peak: 20 min before, 5 min after, an hour before. */
const SCALED_UP = [at(0, 13, 40), at(1, 14, 5), at(2, 13, 0)];

/** kube-state-metrics' series as it exports them for KEDA's HPA of shop/checkout and its Deployment, a decoy HPA and Deployment, and the demand. */
function samples(): BackfillSample[] {
  const out: BackfillSample[] = [];
  for (let t = FIRST_DAY - MAX_LEAD_SEARCH_MINUTES * MINUTE_MS; t < NOW; t += MINUTE_MS) {
    const timeSeconds = t / 1000;
    const d = Math.floor((t - FIRST_DAY) / DAY_MS);
    const peak = d >= 0 && t >= at(d, 14, 0) && t < at(d, 14, 15);
    const up = d >= 0 && d < SCALED_UP.length && t >= SCALED_UP[d] && t < at(d, 15, 0);
    out.push({ metric: "checkout_requests_per_second", labels: {}, value: peak ? 500 : 100, timeSeconds });
    out.push({ metric: "kube_deployment_status_replicas_available", labels: { namespace: "shop", deployment: "checkout-api" }, value: up ? 5 : 1, timeSeconds });
    out.push({ metric: "kube_deployment_status_replicas_available", labels: { namespace: "shop", deployment: "search" }, value: 50, timeSeconds });
    out.push({ metric: "kube_horizontalpodautoscaler_info", labels: { namespace: "shop", horizontalpodautoscaler: "keda-hpa-checkout", scaletargetref_kind: "Deployment", scaletargetref_name: "checkout-api" }, value: 1, timeSeconds });
    out.push({ metric: "kube_horizontalpodautoscaler_info", labels: { namespace: "shop", horizontalpodautoscaler: "keda-hpa-search", scaletargetref_kind: "Deployment", scaletargetref_name: "search" }, value: 1, timeSeconds });
  }
  return out;
}

describe("measurePeakLeads against a real Prometheus fed kube-state-metrics' series", () => {
  let prometheus: TestPrometheus;
  beforeAll(async () => {
    prometheus = await startPrometheus(samples());
  }, 120_000);
  afterAll(async () => prometheus?.stop());

  it("reads the ScaledObject's Deployment's ready pods through KEDA's HPA and measures each whole day's peak lead", async () => {
    const leads = await measurePeakLeads(new PrometheusClient(prometheus.url), "shop/checkout", "sum(checkout_requests_per_second)", 100, NOW);
    expect(leads).toEqual([
      { peakStartMs: at(0, 14, 0), leadMinutes: 20 },
      { peakStartMs: at(1, 14, 0), leadMinutes: -5 },
      { peakStartMs: at(2, 14, 0), leadMinutes: 60 },
    ]);
  });

  it("measures no day for a ScaledObject whose HPA kube-state-metrics does not know", async () => {
    expect(await measurePeakLeads(new PrometheusClient(prometheus.url), "shop/unknown", "sum(checkout_requests_per_second)", 100, NOW)).toEqual([]);
  });
});
