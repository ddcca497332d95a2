import { Command } from "commander";
import { LLM_FLAG, llmOptionsFromFlag, resolveLlmOptions } from "./llm-options";

/** Parses argv the way `icna review` and `icna deploy` declare the switch. */
function flagValue(argv: string[]): boolean | undefined {
  const program = new Command().exitOverride().option(LLM_FLAG.flags, LLM_FLAG.description);
  program.parse(argv, { from: "user" });
  return program.opts<{ llm?: boolean }>().llm;
}

describe("the one LLM rule", () => {
  const withKey = { OPENAI_API_KEY: "sk-test" };
  it("is on when a key is set and no flag is given", () => {
    const resolved = resolveLlmOptions(llmOptionsFromFlag(flagValue([])), withKey);
    expect(resolved).toMatchObject({ enabled: true, apiKey: "sk-test" });
  });
  it("is off with --no-llm even with a key", () => {
    expect(resolveLlmOptions(llmOptionsFromFlag(flagValue(["--no-llm"])), withKey).enabled).toBe(false);
  });
  it("has no key to use without OPENAI_API_KEY, so the review stays deterministic", () => {
    expect(resolveLlmOptions(llmOptionsFromFlag(flagValue([])), {}).apiKey).toBeUndefined();
  });
});
