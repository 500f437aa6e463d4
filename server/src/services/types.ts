// Index of the service's types, split by area (no module here imports this index, so no cycles).
export type * from './claimTypes';
export type * from './eventTypes';
export type * from './participantTypes';
export type * from './peopleTypes';
export type * from './roundTypes';
export type * from './runtimeTypes';
export type * from './serviceApi';
