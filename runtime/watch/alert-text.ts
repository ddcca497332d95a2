import { stripControlCharacters } from "../../review/llm/control-characters";
import { WILDCARD, type PlaceholderKind } from "../logs/placeholders";
import { redactTemplate } from "../logs/redact-template";

/** Every placeholder kind of the miner (a kind it adds fails the type check here until listed). */
const KINDS = { UUID: true, URL: true, IP: true, PATH: true, HEX: true, NUM: true } satisfies Record<PlaceholderKind, true>;
/** The miner's placeholders (`<NUM>`, `<*>` …), kept as they are; split keeps them at odd indexes. */
const PLACEHOLDER = new RegExp(`(<(?:${Object.keys(KINDS).join("|")})>|${WILDCARD.replace("*", "\\*")})`);

/**
 * Text derived from log lines (attacker-controlled) made fit for an alert annotation or a metric label:
 * credentials redacted, control characters and markup brackets removed (the miner's placeholders such as
 * `<NUM>` kept), whitespace collapsed, at most `max` characters.
 */
export function alertSafeText(text: string, max: number): string {
  const safe = stripControlCharacters(redactTemplate(text))
    .split(PLACEHOLDER)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/</g, "‹").replace(/>/g, "›")))
    .join("")
    .replace(/\s+/g, " ")
    .trim();
  return safe.length <= max ? safe : `${safe.slice(0, max - 1)}…`;
}
