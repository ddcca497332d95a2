import OpenAI from "openai";
import { Advice, ADVICE_JSON_SCHEMA, adviceSchema } from "./advice-schema";
import { ResolvedLlmOptions } from "./llm-options";
import { Prompt } from "./prompt";

/** Why an LLM answer was not used. */
export class AdviceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "AdviceError";
  }
}

/** A client only exists with a key: without one there is nothing to construct. */
export function createClient(options: ResolvedLlmOptions & { apiKey: string }): OpenAI {
  return new OpenAI({ apiKey: options.apiKey, baseURL: options.baseURL, timeout: options.timeoutMs, maxRetries: options.maxRetries });
}

/** One structured-output request; the answer is validated against the schema or rejected. */
export async function requestAdvice(client: OpenAI, model: string, prompt: Prompt, timeoutMs: number): Promise<Advice> {
  let completion;
  const started = Date.now();
  try {
    completion = await client.chat.completions.create({
      model,
      temperature: 0,
      messages: [
        { role: "system", content: prompt.system },
        { role: "user", content: prompt.user },
      ],
      response_format: { type: "json_schema", json_schema: { name: "advisor_review", strict: true, schema: ADVICE_JSON_SCHEMA } },
    });
  } catch (error) {
    const status = (error as { status?: number }).status;
    if (error instanceof OpenAI.APIConnectionTimeoutError || (status === undefined && Date.now() - started >= timeoutMs)) {
      throw new AdviceError(`the request timed out after ${timeoutMs} ms`);
    }
    throw new AdviceError(`${error instanceof Error ? error.constructor.name : "error"}${status ? ` ${status}` : ""}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const content = completion.choices?.[0]?.message?.content;
  if (typeof content !== "string" || content.trim() === "") throw new AdviceError("the model returned no content");
  let parsed: unknown;
  try {
    parsed = JSON.parse(content);
  } catch {
    throw new AdviceError("the model's answer is not JSON");
  }
  const result = adviceSchema.safeParse(parsed);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new AdviceError(`the model's answer does not match the schema (${issue.path.join(".") || "root"}: ${issue.message})`);
  }
  return result.data;
}
