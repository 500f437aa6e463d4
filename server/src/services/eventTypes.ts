// Service shapes for events and prizes.
import type { EventSettings, EventStatus } from '../domain/types';

/** Input of createEvent; settings default to DEFAULT_EVENT_SETTINGS (bonus, if given, is whole). */
export interface CreateEventInput {
  title: string;
  settings?: Partial<EventSettings>;
}

/** Input of updateEvent; settings are merged into the current ones; a new bonus rule re-weighs everyone. */
export interface UpdateEventInput {
  title?: string;
  status?: EventStatus;
  settings?: Partial<EventSettings>;
}

/** Input of updatePrize: any of the prize's fields (`imageUrl: null` removes the picture). */
export interface UpdatePrizeInput {
  name?: string;
  description?: string;
  imageUrl?: string | null;
  quantity?: number;
}

/** Input of addPrize. */
export interface AddPrizeInput {
  name: string;
  description?: string;
  imageUrl?: string | null;
  quantity: number;
}
