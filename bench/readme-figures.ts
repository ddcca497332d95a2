import * as fs from "node:fs";
import * as path from "node:path";

/** A table row the README quotes, the suite it names and where it is. */
export interface QuotedRow {
  readonly suite: string;
  readonly line: number;
  readonly cells: readonly string[];
}

const SUITE_MENTION = /npm run bench -- ([a-z][a-z0-9-]*)/g;

/** The cells of a Markdown table row, without emphasis, code marks and surrounding spaces; undefined for other lines and separator rows. */
export function tableCells(line: string): string[] | undefined {
  const trimmed = line.trim();
  if (!trimmed.startsWith("|") || !trimmed.endsWith("|")) return undefined;
  const cells = trimmed
    .slice(1, -1)
    .split("|")
    .map((cell) => cell.replace(/\*\*|`/g, "").trim());
  return cells.every((cell) => /^:?-+:?$/.test(cell)) ? undefined : cells;
}

/**
 * The data rows of every table in the README's `## Benchmarks` section, each attributed to the suite
 * named last before it, by a `###` heading or by a paragraph that starts with `npm run bench -- <suite>`.
 * Header rows are the first row of each table and are skipped: the README may name columns its own way.
 */
export function quotedRows(readme: string): QuotedRow[] {
  const lines = readme.split("\n");
  const start = lines.findIndex((l) => /^## Benchmarks\s*$/.test(l));
  if (start < 0) throw new Error("README.md has no '## Benchmarks' section");
  const rows: QuotedRow[] = [];
  let suite: string | undefined;
  let inTable = false;
  for (let i = start + 1; i < lines.length && !/^## /.test(lines[i]); i++) {
    const cells = tableCells(lines[i]);
    const isTableLine = lines[i].trim().startsWith("|");
    if (!isTableLine) {
      inTable = false;
      // A heading, or a paragraph that starts with the command, names the suite of the tables after it.
      if (/^#{3,} /.test(lines[i]) || lines[i].startsWith("`npm run bench -- ")) for (const match of lines[i].matchAll(SUITE_MENTION)) suite = match[1];
      continue;
    }
    const header = !inTable;
    inTable = true;
    if (header || cells === undefined) continue;
    if (suite === undefined) throw new Error(`README.md:${i + 1}: a benchmark table before any \`npm run bench -- <suite>\` names its suite`);
    rows.push({ suite, line: i + 1, cells });
  }
  return rows;
}

/** Every data row of every table in a results file. */
export function resultRows(markdown: string): string[][] {
  return markdown.split("\n").flatMap((line) => {
    const cells = tableCells(line);
    return cells ? [cells] : [];
  });
}

/** True when `quoted` is `row` with some columns left out: same first cell, the rest in order. */
export function quotes(quoted: readonly string[], row: readonly string[]): boolean {
  if (quoted.length === 0 || row.length === 0 || quoted[0] !== row[0]) return false;
  let j = 1;
  for (const cell of quoted.slice(1)) {
    while (j < row.length && row[j] !== cell) j++;
    if (j === row.length) return false;
    j++;
  }
  return true;
}

/** The README rows no row of their suite's bench/results/<suite>.md gives, each with the reason. */
export function unsupportedFigures(readme: string, resultsDir: string): string[] {
  return quotedRows(readme).flatMap((row) => {
    const file = path.join(resultsDir, `${row.suite}.md`);
    if (!fs.existsSync(file)) return [`README.md:${row.line}: names suite "${row.suite}", which has no ${path.basename(resultsDir)}/${row.suite}.md`];
    const found = resultRows(fs.readFileSync(file, "utf8")).some((r) => quotes(row.cells, r));
    return found ? [] : [`README.md:${row.line}: | ${row.cells.join(" | ")} | is in no row of ${path.basename(resultsDir)}/${row.suite}.md`];
  });
}
