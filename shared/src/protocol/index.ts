// Typed Socket.IO protocol and zod schemas shared by server, stage and phones.
export * from './errors';
export * from './version';
export * from './validate';
export * from './schemas';
export * from './dto';
export * from './events';
export * from './claimSchemas';
export * from './claimDto';
export * from './trustDto';
export * from './auditHead';
export * from './branding';
export * from './consoleDto';
export * from './consoleSchemas';
export * from './spike';
export * from './privacySchemas';
