import OpenAI from "openai";
import type { z } from "zod";
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
  return requestStructured(client, model, prompt, timeoutMs, { name: "advisor_review", jsonSchema: ADVICE_JSON_SCHEMA, schema: adviceSchema });
}

/** The JSON answer a structured request asks for: its name, the JSON Schema sent and the schema that validates it. */
export interface AnswerSchema<T> {
  readonly name: string;
  readonly jsonSchema: Record<string, unknown>;
  readonly schema: z.ZodType<T>;
}

/** One structured-output chat request at temperature 0; the answer is validated against the schema or rejected with an AdviceError. */
export async function requestStructured<T>(client: OpenAI, model: string, prompt: Pick<Prompt, "system" | "user">, timeoutMs: number, answer: AnswerSchema<T>): Promise<T> {
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
      response_format: { type: "json_schema", json_schema: { name: answer.name, strict: true, schema: answer.jsonSchema } },
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
  const result = answer.schema.safeParse(parsed);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new AdviceError(`the model's answer does not match the schema (${issue.path.join(".") || "root"}: ${issue.message})`);
  }
  return result.data;
}
