// Test support for pure rules: shared by the domain tests so each asserts on codes and fields alike.
import { DrawcastError } from '@drawcast/shared';

/** Runs `fn` and returns the DrawcastError it throws; anything else (or nothing) fails the test. */
export function thrownDrawcastError(fn: () => unknown): DrawcastError {
  try {
    fn();
  } catch (err) {
    if (err instanceof DrawcastError) return err;
    throw err;
  }
  throw new Error('expected a DrawcastError');
}
