/**
 * The one LLM rule of `icna review` and `icna deploy`: the LLM runs whenever OPENAI_API_KEY is set;
 * `--no-llm` turns it off. Both commands declare this flag and read it through `llmOptionsFromFlag`.
 */
export const LLM_FLAG = {
  flags: "--no-llm",
  description: "deterministic review only, even with OPENAI_API_KEY set (with a key the LLM adds a summary and findings)",
} as const;

/** Commander's value for `--no-llm` (true unless the flag is given) as LLM options; the key decides the rest. */
export function llmOptionsFromFlag(llm: boolean | undefined): LlmOptions {
  return { enabled: llm !== false };
}

/** How the advisor talks to an OpenAI-compatible endpoint. */
export interface LlmOptions {
  /** False turns the LLM off even with a key. @default true */
  readonly enabled?: boolean;
  /** API key. @default process.env.OPENAI_API_KEY; without one the review is deterministic only. */
  readonly apiKey?: string;
  /** Endpoint. @default process.env.OPENAI_BASE_URL, else api.openai.com */
  readonly baseURL?: string;
  /** Model id. @default process.env.ICNA_ADVISOR_MODEL, else "gpt-4.1-mini" */
  readonly model?: string;
  /** Per-request timeout in ms. @default 30000 */
  readonly timeoutMs?: number;
  /** Retries per request (429, 5xx, timeouts). @default 2 */
  readonly maxRetries?: number;
  /** Token budget of the plan data in one request; larger previews are split. @default 12000 */
  readonly tokenBudget?: number;
  /** At most this many requests per review; beyond it the rest is reviewed deterministically only. @default 8 */
  readonly maxRequests?: number;
}

export interface ResolvedLlmOptions {
  readonly apiKey?: string;
  readonly baseURL?: string;
  readonly model: string;
  readonly timeoutMs: number;
  readonly maxRetries: number;
  readonly tokenBudget: number;
  readonly maxRequests: number;
  readonly enabled: boolean;
}

export const DEFAULT_MODEL = "gpt-4.1-mini";

/** Options with environment fallbacks applied. */
export function resolveLlmOptions(options: LlmOptions = {}, env: NodeJS.ProcessEnv = process.env): ResolvedLlmOptions {
  return {
    enabled: options.enabled ?? true,
    apiKey: options.apiKey ?? (env.OPENAI_API_KEY?.trim() || undefined),
    baseURL: options.baseURL ?? (env.OPENAI_BASE_URL?.trim() || undefined),
    model: options.model ?? (env.ICNA_ADVISOR_MODEL?.trim() || DEFAULT_MODEL),
    timeoutMs: options.timeoutMs ?? 30_000,
    maxRetries: options.maxRetries ?? 2,
    tokenBudget: options.tokenBudget ?? 12_000,
    maxRequests: options.maxRequests ?? 8,
  };
}
