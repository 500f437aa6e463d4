// Test-only failpoints (crash matrix, server/test/hardening/crash-matrix.test.ts): with
// DRAWCAST_FAILPOINT=<name>[,<name>…] in its environment the process announces `FAILPOINT <name>` on stdout
// when it reaches that point and stops there (the request never completes), so a test can SIGKILL it at
// an exact step, e.g. after a draw is stored and before anyone is told. Unset (production), every call is
// one Set lookup on an empty set and returns null: nothing waits, nothing is printed.

/** Every named point; the call sites say where each one is. */
export const FAILPOINTS = [
  'after-round-commit',
  'after-close-commit',
  'after-draw-commit',
  'after-contact-commit',
  'after-redeem-commit',
  'import-mid-run',
] as const;

/** A failpoint's name. */
export type FailpointName = (typeof FAILPOINTS)[number];

const armed = new Set(
  (process.env.DRAWCAST_FAILPOINT ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== ''),
);

/**
 * Why: only a point inside the server can stop it between a commit and its broadcast. Returns null when
 * `name` is not armed (call sites do `const held = failpoint(…); if (held) await held;`), else a promise
 * that never settles, after printing the line the test waits for.
 */
export function failpoint(name: FailpointName): Promise<never> | null {
  if (armed.size === 0 || !armed.has(name)) return null;
  process.stdout.write(`FAILPOINT ${name}\n`);
  return new Promise<never>(() => undefined);
}
