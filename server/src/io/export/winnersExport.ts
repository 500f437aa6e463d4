// The winners list as CSV and XLSX for hosts and staff, safe to open in Excel.

/** One line of the export; built by the service from rounds, claims and participants. */
export interface WinnerExportRow {
  round: string;
  prize: string;
  place: number;
  participantId: string;
  nickname: string;
  maskedPhone: string | null;
  redemptionCode: string | null;
  status: string;
  /** Epoch ms, written as ISO 8601 UTC. */
  redeemedAt: number | null;
}

/** Header labels per language; the column order is fixed so scripts can rely on it. */
export const WINNER_COLUMNS: ReadonlyArray<{
  key: keyof WinnerExportRow;
  en: string;
  zh: string;
  width: number;
}> = [
  { key: 'round', en: 'Round', zh: '轮次', width: 16 },
  { key: 'prize', en: 'Prize', zh: '奖品', width: 24 },
  { key: 'place', en: 'Place', zh: '名次', width: 8 },
  { key: 'participantId', en: 'Participant ID', zh: '参与者ID', width: 24 },
  { key: 'nickname', en: 'Nickname', zh: '昵称', width: 20 },
  { key: 'maskedPhone', en: 'Phone (masked)', zh: '手机（脱敏）', width: 16 },
  { key: 'redemptionCode', en: 'Redemption code', zh: '兑奖码', width: 16 },
  { key: 'status', en: 'Status', zh: '状态', width: 12 },
  { key: 'redeemedAt', en: 'Redeemed at (UTC)', zh: '兑奖时间（UTC）', width: 26 },
];

/** Header language of an export. */
export type ExportLanguage = 'en' | 'zh';

function cellText(row: WinnerExportRow, key: keyof WinnerExportRow): string {
  const value = row[key];
  if (value === null || value === undefined) return '';
  if (key === 'redeemedAt') return new Date(value as number).toISOString();
  return String(value);
}

/**
 * A cell that starts with = + - @ (or tab / CR, which Excel strips first) would run as a formula when
 * the CSV is opened; a leading single quote makes Excel show it as text (OWASP's CSV-injection advice).
 */
export function neutralizeFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** RFC 4180: fields with a comma, quote, CR or LF are quoted, quotes doubled. */
export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** UTF-8 with a BOM (so Excel reads Chinese names), CRLF line ends, formula-like cells neutralised. */
export function winnersCsv(rows: readonly WinnerExportRow[], language: ExportLanguage = 'en'): Buffer {
  const lines = [WINNER_COLUMNS.map((c) => csvField(c[language])).join(',')];
  for (const row of rows) {
    lines.push(WINNER_COLUMNS.map((c) => csvField(neutralizeFormula(cellText(row, c.key)))).join(','));
  }
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

/**
 * An .xlsx workbook with one "Winners" sheet. Every cell is written as a typed string or number, never
 * as a formula, so "=cmd" is shown as text and no quote prefix is needed (the data stays exact).
 */
export async function winnersXlsx(
  rows: readonly WinnerExportRow[],
  language: ExportLanguage = 'en',
): Promise<Buffer> {
  // Loaded on first use: exceljs is the heaviest module, and a restart (after a crash too) needs none of it.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Drawcast';
  const sheet = workbook.addWorksheet(language === 'zh' ? '中奖名单' : 'Winners', {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  sheet.columns = WINNER_COLUMNS.map((c) => ({ header: c[language], key: c.key, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) {
    sheet.addRow(WINNER_COLUMNS.map((c) => (c.key === 'place' ? row.place : cellText(row, c.key))));
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
