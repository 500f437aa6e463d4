// Row-by-row checks of an imported list, including duplicates within the same file.
import { ErrorCode } from '@drawcast/shared';
import { z } from 'zod';
import type { ColumnMap } from './columns';
import type { ImportedRow, ImportField, RejectedRow } from './importTypes';

/** Longest name kept; longer cells are rejected rather than silently cut. */
export const MAX_NAME_LENGTH = 64;
/** Longest id, receipt or code cell. */
export const MAX_ID_LENGTH = 64;

// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
const emailSchema = z.email();

/** Fields whose value must be unique within one file (names may repeat: two 张伟 are two people). */
const UNIQUE_FIELDS: readonly ImportField[] = ['employeeId', 'receipt', 'phone', 'email', 'code'];

type Outcome = { ok: true; row: ImportedRow } | { ok: false; rejected: RejectedRow };

function reject(row: number, field: ImportField | undefined, code: ErrorCode, reason: string): Outcome {
  return { ok: false, rejected: field === undefined ? { row, reason, code } : { row, reason, code, field } };
}

function cleanText(raw: string | undefined): string {
  return (raw ?? '').normalize('NFC').trim();
}

/** Phone digits with an optional +, or a reason why not (Excel's 1.38E+10 is called out). */
function normalizePhone(raw: string): { phone: string } | { reason: string } {
  if (/^\d(\.\d+)?e\+\d+$/i.test(raw)) {
    return { reason: `phone "${raw}" was saved in scientific notation; format the phone column as text` };
  }
  const compact = raw.replace(/[\s\-.()]/g, '');
  if (!/^\+?\d{5,20}$/.test(compact))
    return { reason: `phone "${raw}" is not 5-20 digits (an optional leading + is allowed)` };
  return { phone: compact };
}

/** Keeps state across rows (for duplicates), so it is one instance per import. */
export class RowValidator {
  private readonly seen = new Map<ImportField, Map<string, number>>();

  constructor(private readonly columns: ColumnMap) {
    for (const field of UNIQUE_FIELDS) this.seen.set(field, new Map());
  }

  private cell(cells: readonly string[], field: ImportField): string {
    const index = this.columns.indexes[field];
    return index === undefined ? '' : cleanText(cells[index]);
  }

  /** Validates one data row; accepted rows are remembered so later duplicates are rejected. */
  check(rowNumber: number, cells: readonly string[]): Outcome {
    const name = this.cell(cells, 'name');
    if (name === '') return reject(rowNumber, 'name', ErrorCode.VALIDATION_FAILED, 'name is empty');
    if (Array.from(name).length > MAX_NAME_LENGTH) {
      return reject(
        rowNumber,
        'name',
        ErrorCode.VALIDATION_FAILED,
        `name is longer than ${MAX_NAME_LENGTH} characters`,
      );
    }
    if (CONTROL_CHARS.test(name)) {
      return reject(rowNumber, 'name', ErrorCode.VALIDATION_FAILED, 'name contains control characters');
    }
    const row: ImportedRow = { row: rowNumber, name };
    for (const field of ['employeeId', 'receipt', 'code'] as const) {
      const value = this.cell(cells, field);
      if (value === '') continue;
      if (value.length > MAX_ID_LENGTH || CONTROL_CHARS.test(value)) {
        return reject(
          rowNumber,
          field,
          ErrorCode.VALIDATION_FAILED,
          `${field} must be at most ${MAX_ID_LENGTH} characters without control characters`,
        );
      }
      row[field] = value;
    }
    const rawPhone = this.cell(cells, 'phone');
    if (rawPhone !== '') {
      const phone = normalizePhone(rawPhone);
      if ('reason' in phone) return reject(rowNumber, 'phone', ErrorCode.INVALID_PHONE, phone.reason);
      row.phone = phone.phone;
    }
    const rawEmail = this.cell(cells, 'email');
    if (rawEmail !== '') {
      if (!emailSchema.safeParse(rawEmail).success) {
        return reject(
          rowNumber,
          'email',
          ErrorCode.VALIDATION_FAILED,
          `email "${rawEmail}" is not an email address`,
        );
      }
      row.email = rawEmail.toLowerCase();
    }
    for (const field of UNIQUE_FIELDS) {
      const value = row[field];
      if (value === undefined) continue;
      const firstRow = this.seen.get(field)!.get(this.key(field, value));
      if (firstRow !== undefined) {
        return reject(
          rowNumber,
          field,
          ErrorCode.DUPLICATE_ROW,
          `${field} ${value} already appears in row ${firstRow}`,
        );
      }
    }
    for (const field of UNIQUE_FIELDS) {
      const value = row[field];
      if (value !== undefined) this.seen.get(field)!.set(this.key(field, value), rowNumber);
    }
    return { ok: true, row };
  }

  /** Ids compare without case or width ("e001" = "Ｅ００１" = "E001"); phones and emails are already normalised. */
  private key(field: ImportField, value: string): string {
    return field === 'phone' || field === 'email' ? value : value.normalize('NFKC').toUpperCase();
  }
}
