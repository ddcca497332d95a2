import { parse } from "csv-parse/sync";

/** Rows of an RFC 4180 CSV text (quoted fields may hold commas, quotes and line breaks), every field a string. */
export function csvRows(text: string): string[][] {
  return parse(text, { relax_column_count: true }) as string[][];
}
