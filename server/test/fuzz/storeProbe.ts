// A second, read-only SQLite connection on the server's database: full snapshots and a cheap "did anything commit?".
import Database from 'better-sqlite3';

/** Reads the live database file the way a backup tool would, without going through the server. */
export class StoreProbe {
  private readonly db: Database.Database;

  constructor(file: string) {
    this.db = new Database(file, { readonly: true, fileMustExist: true });
  }

  /** Changes whenever another connection committed since the last call (SQLite's PRAGMA data_version). */
  dataVersion(): number {
    return this.db.pragma('data_version', { simple: true }) as number;
  }

  /** Every row of every table, order-independent, as one comparable string per table. */
  snapshot(): Record<string, string[]> {
    const tables = this.db
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
      )
      .all() as Array<{ name: string }>;
    const out: Record<string, string[]> = {};
    for (const { name } of tables) {
      const rows = this.db
        .prepare(`SELECT * FROM "${name.replaceAll('"', '""')}"`)
        .raw()
        .all() as unknown[][];
      out[name] = rows
        .map((r) => JSON.stringify(r, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v)))
        .sort();
    }
    return out;
  }

  close(): void {
    this.db.close();
  }
}
