// One throwaway PostgreSQL server, database and store for a whole test file (the cluster relay tests share this set-up).
import { afterAll, beforeAll } from 'vitest';
import { createPostgresStore, type PostgresStore } from '../src/store/postgres/pgStore';
import { startThrowawayPostgres, type ThrowawayPostgres } from '../src/throwaway/postgres';

/** The file's store and the URL of its database; read them inside tests and hooks, once beforeAll has run. */
export interface PostgresSuite {
  readonly store: PostgresStore;
  readonly url: string;
}

/** Registers beforeAll/afterAll that start a throwaway server with one fresh database and a store on it, so each file need not. */
export function usePostgresStore(database: string): PostgresSuite {
  let server: ThrowawayPostgres | undefined;
  let store: PostgresStore | undefined;
  let url: string | undefined;
  beforeAll(async () => {
    server = await startThrowawayPostgres();
    url = server.createDatabase(database);
    store = await createPostgresStore({ connectionString: url });
  }, 60_000);
  afterAll(async () => {
    await store?.close();
    server?.destroy();
  });
  const notYet = (): never => {
    throw new Error('the PostgreSQL suite is not started yet: use it inside tests or hooks');
  };
  return {
    get store() {
      return store ?? notYet();
    },
    get url() {
      return url ?? notYet();
    },
  };
}
