// Public entry of the service layer for the transports.
export { createDrawcastService } from './drawcastService';
export { cryptoRandom, systemClock } from './runtime';
export type * from './types';
