import * as annotationslist from "@grafana/grafana-foundation-sdk/annotationslist";
import type * as cog from "@grafana/grafana-foundation-sdk/cog";
import * as dashboard from "@grafana/grafana-foundation-sdk/dashboard";
import { CUTOVER_JUDGE_TAG, CUTOVER_ROLLBACK_TAG, CUTOVER_STEP_TAG, CUTOVER_TAG } from "../../../operations/cutover/grafana-annotations";
import { colourQuery, COLOURS } from "../../../runtime/prometheus/colour-query";
import { DEFAULT_WATCHED_SIGNALS } from "../../observability/default-watched-signals";
import { GRAFANA_ANNOTATIONS, icnaDashboard, promPanel } from "./panels";

/** An annotation query over Grafana's own annotations carrying `tag` (what `icna cutover` writes through Grafana's API). */
function cutoverAnnotations(name: string, tag: string, colour: string): cog.Builder<dashboard.AnnotationQuery> {
  const target = new dashboard.AnnotationTargetBuilder().type("tags").tags([tag]).matchAny(false).limit(100);
  return new dashboard.AnnotationQueryBuilder()
    .name(name)
    .datasource(GRAFANA_ANNOTATIONS)
    .enable(true)
    .iconColor(colour)
    .target({ build: () => ({ ...target.build(), _implementsDataqueryVariant: () => undefined }) });
}

/** A list of Grafana's annotations carrying `tag` within the dashboard's time range, newest first. */
function cutoverList(title: string, description: string, tag: string): annotationslist.PanelBuilder {
  return new annotationslist.PanelBuilder().title(title).description(description).datasource(GRAFANA_ANNOTATIONS).tags([tag]).onlyFromThisDashboard(false).onlyInTimeRange(true).limit(20).showTime(true).showTags(true).showUser(false).navigateToPanel(false).height(8).span(12);
}

/**
 * Blue/green as the traffic sees it: each colour's share of requests (the effective weights), and per
 * colour the golden signals the watcher and the judge score, with the watcher's anomaly scores. The
 * queries are the watcher's default signals, one series per colour. `icna cutover` runs outside the
 * cluster, so its steps, judged intervals (with their scores) and rollbacks are Grafana annotations.
 */
export function blueGreenDashboard(): dashboard.Dashboard {
  const perColour = (name: string) => {
    const signal = DEFAULT_WATCHED_SIGNALS.find((s) => s.name === name);
    if (!signal) throw new Error(`no default watched signal "${name}"`);
    return COLOURS.map((colour) => ({ expr: colourQuery(signal.query, colour), legend: `${colour}` }));
  };
  return icnaDashboard("icna-blue-green", "ICNA / Blue-green", "Each colour's share of the traffic (the weights in effect) and the signals the canary judge scores, per colour; icna cutover's steps, judged intervals and rollbacks as annotations.")
    .annotation(cutoverAnnotations("cutover steps", CUTOVER_STEP_TAG, "blue"))
    .annotation(cutoverAnnotations("judged intervals (score per interval)", CUTOVER_JUDGE_TAG, "purple"))
    .annotation(cutoverAnnotations("rollbacks", CUTOVER_ROLLBACK_TAG, "red"))
    .withPanel(
      promPanel("Traffic share per colour", "Requests per second served by each colour over all requests: the weights in effect, as the traffic saw them.", [
        { expr: 'sum by (colour) (rate(http_requests_total{colour=~"blue|green"}[5m])) / scalar(sum(rate(http_requests_total{colour=~"blue|green"}[5m])))', legend: "{{colour}}" },
      ], "percentunit"),
    )
    .withPanel(promPanel("Request rate", "Requests per second per colour (the watcher's throughput signal).", perColour("throughput"), "reqps", 8))
    .withPanel(promPanel("Error ratio", "5xx responses over all responses per colour (the watcher's error_ratio signal).", perColour("error_ratio"), "percentunit", 8))
    .withPanel(promPanel("Latency p99", "99th percentile request latency per colour (the watcher's latency_p99 signal).", perColour("latency_p99"), "s", 8))
    .withPanel(cutoverList("Judge scores per interval", "Each interval icna cutover judged: step, verdict, score (0–100: weighted share of metrics that passed, marginal counts half) and each metric's outcome and change against the live colour.", CUTOVER_JUDGE_TAG))
    .withPanel(cutoverList("Cutover and rollback events", "Every decision icna cutover took in the time range: start, traffic shifts, judged intervals, completion, refusal and rollback with its reason.", CUTOVER_TAG))
    .withPanel(promPanel("Anomaly score per colour", "The watcher's anomaly score of each signal per colour; a rising score on the new colour is what a rollback follows.", [{ expr: 'max by (colour, signal) (icna_anomaly_score{colour=~"blue|green"})', legend: "{{signal}} {{colour}}" }], "percentunit"))
    .build();
}
