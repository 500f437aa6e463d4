// The one entry point clients and server import; re-exports only.
export * from './fairness';
export * from './protocol';
export * from './clock';
