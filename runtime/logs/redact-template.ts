import { redactText, redactValue } from "../../review/llm/redact";

/**
 * A pattern template (or a text quoting one) as it may leave the process: a token `key=value` /
 * `key:value` is redacted as the advisor redacts a value under that key (credential-named keys lose
 * their value), and credential-shaped strings are removed.
 */
export function redactTemplate(template: string): string {
  const masked = template
    .split(" ")
    .map((token) => {
      const m = /^([^=:]+)([=:])(.+)$/.exec(token);
      return m && !m[3].startsWith("<") ? `${m[1]}${m[2]}${String(redactValue(m[3], m[1]))}` : token;
    })
    .join(" ");
  return redactText(masked);
}
