/** An alert in Alertmanager's v2 API shape (`POST /api/v2/alerts`). */
export interface PostableAlert {
  readonly labels: Readonly<Record<string, string>>;
  readonly annotations: Readonly<Record<string, string>>;
  readonly startsAt: string;
  readonly endsAt?: string;
  readonly generatorURL?: string;
}

/** Sends alerts to Alertmanager's v2 API. */
export class AlertmanagerClient {
  constructor(
    readonly baseUrl: string,
    private readonly timeoutMs = 10_000,
  ) {}

  async post(alerts: readonly PostableAlert[]): Promise<void> {
    if (alerts.length === 0) return;
    const url = `${this.baseUrl.replace(/\/$/, "")}/api/v2/alerts`;
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(alerts),
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    if (!response.ok) throw new Error(`Alertmanager ${url} answered HTTP ${response.status}: ${(await response.text()).slice(0, 200)}`);
  }
}
