// Both file kinds become the same thing: numbered rows of cell texts.
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { DrawcastError, ErrorCode } from '@drawcast/shared';
import { parse } from 'csv-parse';
import type { ImportSource } from './importTypes';

/** One spreadsheet row: its 1-based number as Excel would show it, and its cells as trimmed-later text. */
export interface SheetRow {
  rowNumber: number;
  cells: string[];
}

/** Picks , ; or tab by which occurs most in the first line (Excel in some locales writes ;). */
export function detectDelimiter(text: string): ',' | ';' | '\t' {
  const end = text.indexOf('\n');
  const firstLine = (end < 0 ? text : text.slice(0, end)).replace(/"[^"]*"/g, '');
  const count = (d: string) => firstLine.split(d).length - 1;
  const candidates = [',', ';', '\t'] as const;
  let best: ',' | ';' | '\t' = ',';
  for (const d of candidates) if (count(d) > count(best)) best = d;
  return best;
}

function* chunks(text: string, size = 64 * 1024): Generator<string> {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}

/** Streams CSV records (RFC 4180 quoting, multi-line cells) so progress can be reported as rows arrive. */
export async function* csvRows(text: string): AsyncGenerator<SheetRow> {
  const parser = Readable.from(chunks(text)).pipe(
    parse({ delimiter: detectDelimiter(text), relax_column_count: true, skip_empty_lines: false }),
  );
  let rowNumber = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      rowNumber++;
      yield { rowNumber, cells: record };
    }
  } catch (err) {
    if (err instanceof DrawcastError) throw err;
    const message = err instanceof Error ? err.message : String(err);
    throw new DrawcastError(
      ErrorCode.INVALID_FILE,
      `the CSV is malformed after row ${rowNumber}: ${message}`,
      'file',
    );
  }
}

/** Text of an exceljs cell value, whatever its kind (shared string, number, rich text, formula result…). */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') {
    return Number.isInteger(value) && Math.abs(value) < 1e21 ? value.toFixed(0) : String(value);
  }
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString();
  if (typeof value === 'object') {
    const v = value as {
      richText?: Array<{ text?: unknown }>;
      text?: unknown;
      result?: unknown;
      error?: unknown;
    };
    if (Array.isArray(v.richText)) return v.richText.map((part) => cellText(part.text)).join('');
    if ('result' in v) return cellText(v.result);
    if ('text' in v) return cellText(v.text);
  }
  return '';
}

function openStream(source: ImportSource): Readable {
  return 'path' in source ? createReadStream(source.path) : Readable.from([Buffer.from(source.buffer)]);
}

/**
 * Streams the rows of the first worksheet with exceljs's streaming reader, so a 100,000-row file is
 * never held as a workbook in memory. Any unzip or XML failure becomes INVALID_FILE.
 */
export async function* xlsxRows(source: ImportSource): AsyncGenerator<SheetRow> {
  // Loaded on first use: exceljs is the heaviest module, and a restart (after a crash too) needs none of it.
  const { default: ExcelJS } = await import('exceljs');
  const input = openStream(source);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    entries: 'ignore',
  });
  let sheets = 0;
  let lastRow = 0;
  try {
    for await (const worksheet of reader) {
      sheets++;
      for await (const row of worksheet) {
        lastRow = row.number;
        const values = Array.isArray(row.values) ? row.values : [];
        const cells: string[] = [];
        // exceljs rows are 1-based and sparse: values[0] is always empty.
        for (let i = 1; i < values.length; i++) cells.push(cellText(values[i]));
        yield { rowNumber: row.number, cells };
      }
      break;
    }
  } catch (err) {
    if (err instanceof DrawcastError) throw err;
    const message = err instanceof Error ? err.message : String(err);
    throw new DrawcastError(
      ErrorCode.INVALID_FILE,
      `the XLSX file is damaged or not a spreadsheet (after row ${lastRow}): ${message}`,
      'file',
    );
  } finally {
    input.destroy();
  }
  if (sheets === 0) {
    throw new DrawcastError(ErrorCode.INVALID_FILE, 'the XLSX file has no worksheet', 'file');
  }
}
