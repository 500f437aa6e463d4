// Typed Socket.IO protocol and zod schemas shared by server, stage and phones.
export * from './errors';
