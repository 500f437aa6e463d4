// Splits an audit actor ('host', 'system', 'staff:<label>', 'participant:<id>') into a kind to translate and an id.

/** Actor kinds the console translates; 'other' keeps an unknown actor readable as it is. */
export type ActorKind = 'host' | 'system' | 'staff' | 'participant' | 'other';

/** An audit actor as a translatable kind plus its id (null for the host and the system). */
export interface ActorParts {
  kind: ActorKind;
  id: string | null;
}

const PREFIXED: ReadonlyArray<'staff' | 'participant'> = ['staff', 'participant'];

/** Parses the server's actor string; anything unknown is kind 'other' with the raw text as id. */
export function actorParts(actor: string): ActorParts {
  if (actor === 'host' || actor === 'system') return { kind: actor, id: null };
  for (const kind of PREFIXED) {
    if (actor.startsWith(`${kind}:`)) return { kind, id: actor.slice(kind.length + 1) };
  }
  return { kind: 'other', id: actor };
}
