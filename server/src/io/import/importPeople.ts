// Importing a list of people (employees, receipt holders) from CSV or XLSX, row by row, with a report.
import { open, readFile, stat } from 'node:fs/promises';
import { DrawcastError, ErrorCode } from '@drawcast/shared';
import { HEADER_SEARCH_ROWS, matchHeaderRow, noHeaderError, requireColumns } from './columns';
import type { ColumnMap } from './columns';
import { decodeText } from './decodeText';
import { DEFAULT_MAX_BYTES, DEFAULT_MAX_ROWS } from './importTypes';
import type { ImportOptions, ImportReport, ImportSource } from './importTypes';
import { RowValidator } from './rowValidator';
import { csvRows, xlsxRows } from './sheetRows';
import { assertUnpackedSize } from './zipGuard';
import type { SheetRow } from './sheetRows';

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

async function sizeOf(source: ImportSource): Promise<number> {
  if ('buffer' in source) return source.buffer.byteLength;
  try {
    return (await stat(source.path)).size;
  } catch {
    throw new DrawcastError(ErrorCode.INVALID_FILE, 'the uploaded file cannot be read', 'file');
  }
}

async function headBytes(source: ImportSource, length: number): Promise<Uint8Array> {
  if ('buffer' in source) return source.buffer.subarray(0, length);
  const handle = await open(source.path, 'r');
  try {
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buffer, 0, length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** Which reader a file needs, from its first bytes (names and MIME types of uploads cannot be trusted). */
export function sniffFormat(head: Uint8Array): 'csv' | 'xlsx' {
  const starts = (...sig: number[]) => sig.every((b, i) => head[i] === b);
  if (starts(0x50, 0x4b, 0x03, 0x04)) return 'xlsx';
  if (starts(0xd0, 0xcf, 0x11, 0xe0)) {
    throw new DrawcastError(
      ErrorCode.INVALID_FILE,
      'old Excel .xls files (and password-protected workbooks) are not supported: save it as .xlsx or "CSV UTF-8"',
      'file',
    );
  }
  if (starts(0x50, 0x4b))
    throw new DrawcastError(ErrorCode.INVALID_FILE, 'the file is an empty or damaged ZIP/XLSX', 'file');
  if (starts(0x25, 0x50, 0x44, 0x46))
    throw new DrawcastError(ErrorCode.INVALID_FILE, 'the file is a PDF, not a spreadsheet', 'file');
  return 'csv';
}

const isBlank = (cells: readonly string[]) => cells.every((c) => c.trim() === '');

/**
 * Reads a CSV or XLSX list and validates every row. Whole-file problems (too large, empty, not a
 * spreadsheet, bad encoding, no name column, too many rows) throw a DrawcastError and import nothing;
 * row problems only reject that row, as the report says.
 */
export async function importPeople(source: ImportSource, options: ImportOptions = {}): Promise<ImportReport> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const maxRows = options.maxRows ?? DEFAULT_MAX_ROWS;
  const progressEvery = Math.max(1, options.progressEvery ?? 1000);
  const size = await sizeOf(source);
  if (size > maxBytes) {
    throw new DrawcastError(
      ErrorCode.FILE_TOO_LARGE,
      `the file is ${megabytes(size)}; the limit is ${megabytes(maxBytes)}`,
      'file',
    );
  }
  if (size === 0) throw new DrawcastError(ErrorCode.EMPTY_FILE, 'the file is empty', 'file');

  const format = sniffFormat(await headBytes(source, 8));
  let rows: AsyncGenerator<SheetRow>;
  let encoding: string | undefined;
  if (format === 'xlsx') {
    await assertUnpackedSize(source, size, options.maxUnpackedBytes);
    rows = xlsxRows(source);
  } else {
    const bytes = 'buffer' in source ? source.buffer : await readFile(source.path);
    const decoded = decodeText(bytes, options.encoding ?? 'auto');
    encoding = decoded.encoding;
    rows = csvRows(decoded.text);
  }

  let columns: ColumnMap | null = null;
  let headerRow = 0;
  let nonBlankBeforeHeader = 0;
  let validator: RowValidator | null = null;
  const report: ImportReport = { format, headerRow: 0, columns: {}, total: 0, accepted: [], rejected: [] };
  if (encoding !== undefined) report.encoding = encoding;

  try {
    for await (const { rowNumber, cells } of rows) {
      if (isBlank(cells)) continue;
      if (validator === null) {
        columns = matchHeaderRow(cells, options.mapping);
        if (columns === null) {
          if (++nonBlankBeforeHeader >= HEADER_SEARCH_ROWS) throw noHeaderError();
          continue;
        }
        requireColumns(columns, options.mapping);
        headerRow = rowNumber;
        validator = new RowValidator(columns);
        continue;
      }
      report.total++;
      if (report.total > maxRows) {
        throw new DrawcastError(
          ErrorCode.TOO_MANY_ROWS,
          `the file has more than ${maxRows} data rows; split it into smaller files`,
          'file',
        );
      }
      const outcome = validator.check(rowNumber, cells);
      if (outcome.ok) report.accepted.push(outcome.row);
      else report.rejected.push(outcome.rejected);
      if (report.total % progressEvery === 0) options.onProgress?.(report.total);
    }
  } finally {
    await rows.return(undefined);
  }

  if (validator === null || columns === null) {
    if (nonBlankBeforeHeader === 0)
      throw new DrawcastError(ErrorCode.EMPTY_FILE, 'the file has no rows', 'file');
    throw noHeaderError();
  }
  if (report.total === 0) {
    throw new DrawcastError(ErrorCode.EMPTY_FILE, 'the file has a header row but no data rows', 'file');
  }
  report.headerRow = headerRow;
  report.columns = columns.headers;
  options.onProgress?.(report.total, report.total);
  return report;
}
