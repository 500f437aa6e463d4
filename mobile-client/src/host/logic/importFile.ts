// Pure helpers of the import screen: the upload's Content-Type and the progress bar's value.
import type { ImportProgressDto } from '@drawcast/shared';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Why: browsers often give CSV files an empty or odd type; the server also sniffs the bytes. */
export function importContentType(filename: string): string {
  const lower = filename.toLowerCase();
  if (lower.endsWith('.xlsx')) return XLSX;
  if (lower.endsWith('.csv') || lower.endsWith('.txt')) return 'text/csv';
  return 'application/octet-stream';
}

/** 0..100 while storing (total known), 100 when done, null (indeterminate bar) while reading. */
export function progressPercent(p: ImportProgressDto | null): number | null {
  if (!p) return null;
  if (p.phase === 'done') return 100;
  if (p.total === null || p.total === 0) return null;
  return Math.min(100, Math.round((p.done / p.total) * 100));
}
