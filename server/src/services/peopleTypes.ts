// Service shapes for imported lists and venue check-in.
import type { DrawEvent, PersonIdentifier } from '../domain/types';
import type { CsvEncoding, ImportField, RejectedRow } from '../io/import/importTypes';
import type { ParticipantView } from './participantTypes';

export type { ImportSource, RejectedRow } from '../io/import/importTypes';

/** Where a running import is; reading reports rows as the parser reaches them. */
export interface ImportProgress {
  phase: 'reading' | 'storing' | 'done';
  /** Data rows read so far (reading), or stored (storing, done). */
  rows: number;
  /** Known once the whole file has been read. */
  total?: number;
}

/** Knobs of one import. */
export interface ImportPeopleOptions {
  onProgress?: (progress: ImportProgress) => void;
  /** Header text per field, overriding the built-in English/Chinese header names. */
  mapping?: Partial<Record<ImportField, string>>;
  /** CSV text encoding; default 'auto' (UTF-8 or UTF-16 with BOM). GB18030 only when asked for. */
  encoding?: CsvEncoding;
}

/** What an import did: imported + rejected.length = total (blank rows are not counted). */
export interface ImportPeopleResult {
  importId: string;
  eventId: string;
  filename: string;
  format: 'csv' | 'xlsx';
  encoding?: string;
  headerRow: number;
  columns: Partial<Record<ImportField, string>>;
  total: number;
  imported: number;
  /** Rows left out, by row number: invalid rows, duplicates in the file, and people imported before. */
  rejected: RejectedRow[];
}

/** An imported person as the host sees them (to print check-in QR codes or answer questions). */
export interface PersonView {
  participantId: string;
  importId: string;
  row: number;
  name: string;
  nickname: string;
  masked: Partial<Record<PersonIdentifier, string>>;
  /** What the person's check-in QR carries; host-only. */
  checkinToken: string;
  checkedInAt: number | null;
  checkedInBy: string | null;
  /** A phone has claimed this entry (by scanning the check-in QR itself). */
  deviceLinked: boolean;
}

/**
 * A check-in scan. With `deviceToken`, the person's own phone scanned their QR: it checks in and that
 * phone becomes the entry's device (participantState works for it from now on). Without it, a staff
 * member scanned it at the door and must give `staff` (their name).
 */
export interface CheckInInput {
  token: string;
  deviceToken?: string;
  staff?: string;
}

/** Result of a check-in; a repeated scan is harmless (alreadyCheckedIn, the first time kept). */
export interface CheckInResult {
  event: DrawEvent;
  participant: ParticipantView;
  checkedInAt: number;
  alreadyCheckedIn: boolean;
  /** This scan linked the phone to the entry. */
  deviceLinked: boolean;
}
