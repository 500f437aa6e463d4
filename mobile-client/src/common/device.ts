// This phone's device token (one entry per event, whatever reloads or rescans) and its joined events.

const TOKEN_KEY = 'drawcast.deviceToken';
const JOINED_PREFIX = 'drawcast.joined.';

/** Minimal Storage, so tests can pass a Map-backed one. */
export interface KeyValue {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  /** Optional so Map-backed test stores stay small; browsers have it. */
  removeItem?(key: string): void;
}

/** 24 random bytes, base64url: getRandomValues works on plain HTTP (crypto.randomUUID does not). */
export function newDeviceToken(random: (bytes: Uint8Array) => Uint8Array): string {
  const bytes = random(new Uint8Array(24));
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The stored token, created once; without storage (private mode) a per-page token still works. */
export function deviceToken(store: KeyValue | null, random: (bytes: Uint8Array) => Uint8Array): string {
  const existing = safeGet(store, TOKEN_KEY);
  if (existing && /^[\x21-\x7E]{8,200}$/.test(existing)) return existing;
  const token = newDeviceToken(random);
  safeSet(store, TOKEN_KEY, token);
  return token;
}

/** Remembers that this phone joined the event with this code, so the next visit goes to the entry. */
export function rememberJoined(store: KeyValue | null, joinCode: string, eventId: string): void {
  safeSet(store, JOINED_PREFIX + joinCode, eventId);
}

/** The event id this phone joined under this code, or null. */
export function joinedEventId(store: KeyValue | null, joinCode: string): string | null {
  return safeGet(store, JOINED_PREFIX + joinCode);
}

function safeGet(store: KeyValue | null, key: string): string | null {
  try {
    return store?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

function safeSet(store: KeyValue | null, key: string, value: string): void {
  try {
    store?.setItem(key, value);
  } catch {
    // storage full or disabled: the page keeps working, a reload asks again
  }
}

/** localStorage when the browser allows it. */
export function browserStorage(): KeyValue | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** After "delete my data": this phone forgets its device token and every event it joined. */
export function forgetDevice(store: KeyValue | null, joinedCodes: readonly string[]): void {
  try {
    store?.removeItem?.(TOKEN_KEY);
    for (const code of joinedCodes) store?.removeItem?.(JOINED_PREFIX + code);
  } catch {
    // storage disabled: nothing was kept to forget
  }
}
