/** Drops control characters (terminal escapes) from untrusted text (model output, log templates); keeps newlines and tabs. */
export function stripControlCharacters(text: string): string {
  return [...text].filter((c) => c === "\n" || c === "\t" || c.charCodeAt(0) >= 32).join("");
}
