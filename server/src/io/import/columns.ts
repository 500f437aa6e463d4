// Finding the header row and which column holds which field, in English or Chinese.
import { DrawcastError, ErrorCode } from '@drawcast/shared';
import { IMPORT_FIELDS } from './importTypes';
import type { ImportField } from './importTypes';

/** Header names people actually use, normalised (see normalizeHeader). */
export const HEADER_ALIASES: Record<ImportField, readonly string[]> = {
  name: [
    'name',
    'fullname',
    'participant',
    'participantname',
    'employeename',
    'customername',
    '姓名',
    '名字',
    '参与者',
    '员工姓名',
    '客户姓名',
    '中奖人',
  ],
  employeeId: [
    'employeeid',
    'employeeno',
    'employeenumber',
    'staffid',
    'staffno',
    'empid',
    'empno',
    '工号',
    '员工编号',
    '员工号',
    '职工号',
    '工号id',
  ],
  receipt: [
    'receipt',
    'receiptno',
    'receiptnumber',
    'ticketno',
    'orderno',
    'ordernumber',
    'orderid',
    '小票号',
    '小票',
    '票号',
    '收据号',
    '单号',
    '订单号',
    '发票号',
  ],
  phone: [
    'phone',
    'phonenumber',
    'mobile',
    'mobilephone',
    'mobileno',
    'cellphone',
    'tel',
    'telephone',
    '手机',
    '手机号',
    '手机号码',
    '电话',
    '电话号码',
    '联系电话',
  ],
  email: ['email', 'emailaddress', 'mail', '邮箱', '电子邮箱', '邮件', '电子邮件', '邮箱地址'],
  code: ['code', '编号', '代码', '券码', '兑换码'],
};

/** Folds width, case and decoration ("  姓名* ", "Employee_ID", "手机（必填）") to a comparable key. */
export function normalizeHeader(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\((必填|选填|required|optional)\)/g, '')
    .replace(/[\s_\-.*:()#]/g, '');
}

const ALIAS_TO_FIELD = new Map<string, ImportField>();
for (const field of IMPORT_FIELDS)
  for (const alias of HEADER_ALIASES[field]) ALIAS_TO_FIELD.set(alias, field);

/** Which cell index holds each field, and the header text it was found under. */
export interface ColumnMap {
  indexes: Partial<Record<ImportField, number>>;
  headers: Partial<Record<ImportField, string>>;
  /** Every header cell, for messages that say what the file does have. */
  cells: string[];
}

function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/**
 * Maps one candidate header row, or returns null if it names no known field at all (then it is not a
 * header). With `mapping`, the given header texts are used instead of the built-in names.
 */
export function matchHeaderRow(
  cells: readonly string[],
  mapping?: Partial<Record<ImportField, string>>,
): ColumnMap | null {
  const wanted = new Map<string, ImportField>(ALIAS_TO_FIELD);
  if (mapping) {
    for (const field of IMPORT_FIELDS) {
      const text = mapping[field];
      if (text !== undefined) wanted.set(normalizeHeader(text), field);
    }
  }
  const map: ColumnMap = {
    indexes: {},
    headers: {},
    cells: cells.map((c) => c.trim()).filter((c) => c !== ''),
  };
  let found = 0;
  cells.forEach((cell, index) => {
    const field = wanted.get(normalizeHeader(cell));
    if (field === undefined) return;
    const earlier = map.indexes[field];
    if (earlier !== undefined) {
      throw new DrawcastError(
        ErrorCode.INVALID_FILE,
        `columns ${columnLetter(earlier)} ("${map.headers[field]}") and ${columnLetter(index)} ("${cell.trim()}") both look like ${field}; rename or remove one`,
        field,
      );
    }
    map.indexes[field] = index;
    map.headers[field] = cell.trim();
    found++;
  });
  return found === 0 ? null : map;
}

const HEADER_EXAMPLES: Record<ImportField, string> = {
  name: 'name or 姓名',
  employeeId: 'employeeId or 工号',
  receipt: 'receipt or 小票号',
  phone: 'phone or 手机',
  email: 'email or 邮箱',
  code: 'code or 编号',
};

/** `name` and every custom-mapped field must be present, else MISSING_COLUMN naming the first missing one. */
export function requireColumns(map: ColumnMap, mapping?: Partial<Record<ImportField, string>>): void {
  const required = IMPORT_FIELDS.filter((field) => field === 'name' || mapping?.[field] !== undefined);
  for (const field of required) {
    if (map.indexes[field] !== undefined) continue;
    const custom = mapping?.[field];
    const expected = custom !== undefined ? `"${custom}"` : HEADER_EXAMPLES[field];
    throw new DrawcastError(
      ErrorCode.MISSING_COLUMN,
      `missing column "${field}": expected a header ${expected}; the header row has ${map.cells.join(', ')}`,
      field,
    );
  }
}

/** How many leading non-blank rows are searched for the header (titles above it are common in Excel). */
export const HEADER_SEARCH_ROWS = 10;

/** The error when no header row was found among the first rows. */
export function noHeaderError(): DrawcastError {
  return new DrawcastError(
    ErrorCode.MISSING_COLUMN,
    `missing column "name": no header row found in the first ${HEADER_SEARCH_ROWS} rows; ` +
      'the header must name the columns, e.g. 姓名, 工号, 手机 or name, employeeId, phone',
    'name',
  );
}
