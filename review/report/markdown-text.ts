/** Plan data is untrusted: no HTML, no table breaks, no mentions. */
export function escapeMarkdown(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/\|/g, "\\|").replace(/@/g, "@\u200b").replace(/\r?\n/g, " ");
}

/** Inline code that a backtick in the text cannot close. */
export const code = (text: string) => `\`${text.replace(/`/g, "ˋ")}\``;

/** Cuts untrusted text (a title, a message) to `max` characters. */
export const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** Lines added until the budget is spent; the rest is counted, not shown. */
export function fit(lines: readonly string[], budget: number, what: string): string[] {
  const out: string[] = [];
  let used = 0;
  for (const [i, line] of lines.entries()) {
    if (used + line.length + 1 > budget) {
      out.push(`… ${lines.length - i} more ${what} not shown (see the JSON report).`);
      break;
    }
    out.push(line);
    used += line.length + 1;
  }
  return out;
}
