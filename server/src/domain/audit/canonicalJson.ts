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

/** Sorted-key, whitespace-free JSON; refuses NaN, Infinity, undefined, functions, bigint, class instances. */
export function canonicalJson(value: unknown, path = 'data'): string {
  const out: string[] = [];
  write(value, path, [], out, new Set());
  return out.join('');
}
