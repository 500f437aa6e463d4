// Shapes shared by the CSV and XLSX importers and their callers.
import type { ErrorCode } from '@drawcast/shared';

/** The columns an imported list may have; only `name` is required. */
export type ImportField = 'name' | 'employeeId' | 'receipt' | 'phone' | 'email' | 'code';

/** Every field, in the order reports list them. */
export const IMPORT_FIELDS: readonly ImportField[] = [
  'name',
  'employeeId',
  'receipt',
  'phone',
  'email',
  'code',
];

/** One accepted person; `row` is the spreadsheet row number (the header is row 1 if it is the first line). */
export interface ImportedRow {
  row: number;
  name: string;
  employeeId?: string;
  receipt?: string;
  /** Digits with an optional leading +, separators removed. */
  phone?: string;
  /** Lower-cased. */
  email?: string;
  code?: string;
}

/** Why one row was left out; the rest of the file still imports. */
export interface RejectedRow {
  row: number;
  reason: string;
  code: ErrorCode;
  field?: ImportField;
}

/** What an import did, row by row: accepted + rejected = total. */
export interface ImportReport {
  format: 'csv' | 'xlsx';
  /** Text encoding of a CSV ('utf-8', 'utf-16le', 'utf-16be', 'gb18030'); absent for XLSX. */
  encoding?: string;
  /** Spreadsheet row number of the header row. */
  headerRow: number;
  /** The header text each field was read from. */
  columns: Partial<Record<ImportField, string>>;
  /** Data rows seen (blank rows are not counted). */
  total: number;
  accepted: ImportedRow[];
  rejected: RejectedRow[];
}

/** Text encodings a CSV may be read as; 'auto' = UTF-8 (BOM optional) or UTF-16 with a BOM. */
export type CsvEncoding = 'auto' | 'utf-8' | 'gb18030';

/** Knobs of one import; every limit has a safe default. */
export interface ImportOptions {
  /** Refuse larger files before parsing (default 20 MB). */
  maxBytes?: number;
  /** Refuse an XLSX whose ZIP directory declares more unpacked bytes (default 256 MB). */
  maxUnpackedBytes?: number;
  /** Refuse files with more data rows (default 200,000). */
  maxRows?: number;
  /** Default 'auto'. GB18030/GBK is never guessed, only used when asked for (see decodeText). */
  encoding?: CsvEncoding;
  /** Header text per field, overriding the built-in English/Chinese header names. */
  mapping?: Partial<Record<ImportField, string>>;
  /** Called every `progressEvery` data rows and once at the end; `total` is known only at the end. */
  onProgress?: (done: number, total?: number) => void;
  /** Default 1000. */
  progressEvery?: number;
}

/** Where the file comes from: a path on disk (uploads are spooled to a temp file) or bytes in memory. */
export type ImportSource = { path: string } | { buffer: Uint8Array };

/** 20 MB: a 200,000-row list with several columns fits easily, a stray video does not. */
export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

/** 200,000 rows: twice the largest list we design for (100,000). */
export const DEFAULT_MAX_ROWS = 200_000;
