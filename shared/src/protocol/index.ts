// Typed Socket.IO protocol and zod schemas (filled in by the server issue).
export {};
