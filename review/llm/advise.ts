import { Change } from "../changes/change";
import { Finding, findingId } from "../risk/finding";
import { Advice } from "./advice-schema";
import { buildDigests, Digest } from "./digest";
import { LlmOptions, resolveLlmOptions } from "./llm-options";
import { stripControlCharacters } from "./control-characters";
import { buildPrompt } from "./prompt";
import { redactText } from "./redact";

/** The `llm` section of the review. */
export interface LlmOutcome {
  readonly used: boolean;
  readonly model: string | null;
  /** Why the review is (partly) deterministic only; null when the LLM answered every part. */
  readonly fallback: string | null;
  readonly summary?: string;
  /** Findings the LLM added (source "llm"); they can make a pass a warn, never block. */
  readonly findings: Finding[];
  readonly requests: number;
  /** Findings the LLM proposed about resources outside the change, dropped. */
  readonly dropped: number;
}

/** Model output made safe to print and store: no terminal escapes, no credential-shaped text. */
const untrusted = (text: string): string => redactText(stripControlCharacters(text));

/** Keeps only findings about resources of this change, and names them as LLM findings. */
export function acceptAdvice(advice: Advice, changeUrns: ReadonlySet<string>, deterministic: readonly Finding[]): { findings: Finding[]; dropped: number } {
  const taken = new Set(deterministic.map((f) => f.id));
  const findings: Finding[] = [];
  let dropped = 0;
  for (const proposal of advice.findings) {
    if (!proposal.urns.every((u) => changeUrns.has(u))) {
      dropped++;
      continue;
    }
    const id = findingId(proposal.category, "llm", proposal.urns);
    if (taken.has(id)) continue;
    taken.add(id);
    findings.push({
      id,
      category: proposal.category,
      severity: proposal.severity,
      urns: proposal.urns,
      title: untrusted(proposal.title),
      evidence: proposal.evidence.map(untrusted),
      recommendation: untrusted(proposal.recommendation),
      source: "llm",
    });
  }
  return { findings, dropped };
}

/**
 * Asks the LLM for a summary and extra findings. Never throws: without a key, or on any failure
 * (timeout, HTTP error, schema violation), it returns what it has and says why in `fallback`.
 */
export async function adviseWithLlm(changes: readonly Change[], findings: readonly Finding[], stack: Digest["stack"], options: LlmOptions = {}): Promise<LlmOutcome> {
  const resolved = resolveLlmOptions(options);
  const none = (fallback: string, model: string | null = resolved.model): LlmOutcome => ({ used: false, model, fallback, findings: [], requests: 0, dropped: 0 });
  if (!resolved.enabled) return none("LLM turned off: deterministic review only", null);
  if (!resolved.apiKey) return none("no OPENAI_API_KEY: deterministic review only", null);

  const digests = buildDigests(changes, findings, stack, resolved.tokenBudget);
  // The OpenAI SDK loads only when a request will be made: a deterministic review never pays for it.
  const { AdviceError, createClient, requestAdvice } = await import("./request-advice");
  const client = createClient({ ...resolved, apiKey: resolved.apiKey });
  const urns = new Set(changes.map((c) => c.urn));
  const summaries: string[] = [];
  const added: Finding[] = [];
  let dropped = 0;
  let requests = 0;
  const failures: string[] = [];
  for (const [i, digest] of digests.entries()) {
    if (requests >= resolved.maxRequests) {
      failures.push(`parts ${i + 1}-${digests.length} exceed the ${resolved.maxRequests}-request budget`);
      break;
    }
    requests++;
    try {
      const advice = await requestAdvice(client, resolved.model, buildPrompt(digest, i + 1, digests.length), resolved.timeoutMs);
      const accepted = acceptAdvice(advice, urns, [...findings, ...added]);
      added.push(...accepted.findings);
      dropped += accepted.dropped;
      summaries.push(untrusted(advice.summary));
    } catch (error) {
      failures.push(`part ${i + 1}: ${error instanceof AdviceError ? error.message : String(error)}`);
    }
  }
  if (summaries.length === 0) return { ...none(`LLM failed (${failures.join("; ")}): deterministic review only`), requests };
  return {
    used: true,
    model: resolved.model,
    fallback: failures.length > 0 ? `partial: ${failures.join("; ")}; those parts have the deterministic review only` : null,
    summary: summaries.join("\n\n"),
    findings: added,
    requests,
    dropped,
  };
}
