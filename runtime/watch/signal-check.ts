import { colourQuery } from "../prometheus/colour-query";
import { PrometheusError, type PrometheusClient } from "../prometheus/prometheus-client";
import type { WatchConfig } from "./watch-config";

/**
 * Checks every signal's query, per colour, as Prometheus parses it (an instant query at `atMs`): returns
 * one problem per query Prometheus refuses or that returns too much, naming the signal. When Prometheus
 * cannot be reached the queries are not judged (`unchecked` says why): the watcher reports the outage.
 */
export async function checkSignals(config: WatchConfig, prometheus: PrometheusClient, atMs: number): Promise<{ problems: string[]; unchecked?: string }> {
  const problems: string[] = [];
  for (const [i, signal] of config.signals.entries()) {
    for (const colour of config.colours) {
      try {
        await prometheus.query(colourQuery(signal.query, colour), atMs);
      } catch (error) {
        if (!(error instanceof PrometheusError)) throw error;
        if (error.kind === "unreachable" || error.kind === "timeout") return { problems, unchecked: error.message };
        problems.push(`signals.${i} (${signal.name}, ${colour}): ${error.message}`);
      }
    }
  }
  return { problems };
}
