// Server-clock estimation for synchronized reveals.
export * from './offset';
export * from './sync';
export * from './resync';
