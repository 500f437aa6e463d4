// A cheap look at an XLSX's ZIP directory before unpacking it: a 20 MB upload that claims to unpack
// to gigabytes (a "zip bomb") is refused before any inflating starts. The directory can lie, so the
// row limit and the streaming reader remain the real bounds; this stops the naive and accidental cases.
import { open } from 'node:fs/promises';
import { DrawcastError, ErrorCode } from '@drawcast/shared';
import type { ImportSource } from './importTypes';

/** 256 MB unpacked: a 200,000-row list with a dozen columns stays far below it. */
export const DEFAULT_MAX_UNPACKED_BYTES = 256 * 1024 * 1024;

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const EOCD_MIN = 22;
const MAX_COMMENT = 0xffff;

async function readRange(source: ImportSource, start: number, length: number): Promise<Buffer> {
  if ('buffer' in source) return Buffer.from(source.buffer.subarray(start, start + length));
  const handle = await open(source.path, 'r');
  try {
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buffer, 0, length, start);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

function damaged(what: string): DrawcastError {
  return new DrawcastError(ErrorCode.INVALID_FILE, `the XLSX file is damaged: ${what}`, 'file');
}

/** Sums the unpacked sizes the ZIP directory declares; INVALID_FILE if there is no readable directory. */
export async function declaredUnpackedBytes(source: ImportSource, fileSize: number): Promise<number> {
  const tailLength = Math.min(fileSize, EOCD_MIN + MAX_COMMENT);
  const tail = await readRange(source, fileSize - tailLength, tailLength);
  let eocd = -1;
  for (let i = tail.length - EOCD_MIN; i >= 0; i--) {
    if (tail.readUInt32LE(i) === EOCD_SIGNATURE) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw damaged('its ZIP directory is missing (was the upload cut short?)');
  const entries = tail.readUInt16LE(eocd + 10);
  const directorySize = tail.readUInt32LE(eocd + 12);
  const directoryOffset = tail.readUInt32LE(eocd + 16);
  // ZIP64 markers: only workbooks over 4 GB need them, far beyond any list we import.
  if (entries === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff)
    return Number.POSITIVE_INFINITY;
  if (directoryOffset + directorySize > fileSize)
    throw damaged('its ZIP directory points past the end of the file');
  const directory = await readRange(source, directoryOffset, directorySize);
  let total = 0;
  let at = 0;
  for (let n = 0; n < entries; n++) {
    if (at + 46 > directory.length || directory.readUInt32LE(at) !== CENTRAL_SIGNATURE) {
      throw damaged('its ZIP directory is unreadable');
    }
    const unpacked = directory.readUInt32LE(at + 24);
    if (unpacked === 0xffffffff) return Number.POSITIVE_INFINITY;
    total += unpacked;
    at +=
      46 +
      directory.readUInt16LE(at + 28) +
      directory.readUInt16LE(at + 30) +
      directory.readUInt16LE(at + 32);
  }
  return total;
}

/** Refuses a workbook whose directory declares more than `maxUnpackedBytes`, before it is unpacked. */
export async function assertUnpackedSize(
  source: ImportSource,
  fileSize: number,
  maxUnpackedBytes = DEFAULT_MAX_UNPACKED_BYTES,
): Promise<void> {
  const unpacked = await declaredUnpackedBytes(source, fileSize);
  if (unpacked > maxUnpackedBytes) {
    const mb = (n: number) => (Number.isFinite(n) ? `${(n / (1024 * 1024)).toFixed(1)} MB` : 'over 4 GB');
    throw new DrawcastError(
      ErrorCode.FILE_TOO_LARGE,
      `the workbook unpacks to ${mb(unpacked)}; the limit is ${mb(maxUnpackedBytes)}`,
      'file',
    );
  }
}
