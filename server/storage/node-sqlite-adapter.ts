// Kysely's SqliteDialect expects better-sqlite3's interface; Node 24's built-in node:sqlite has the same
// operations with spread parameters. This adapter bridges the two, so no native addon is needed.
import type { DatabaseSync } from 'node:sqlite';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

export function kyselySqliteDatabase(database: DatabaseSync): SqliteDatabase {
  return {
    close: () => database.close(),
    prepare(sql: string): SqliteStatement {
      const statement = database.prepare(sql);
      return {
        reader: statement.columns().length > 0,
        all: (parameters) => statement.all(...(parameters as SqlParameter[])),
        run: (parameters) => statement.run(...(parameters as SqlParameter[])),
        iterate: (parameters) => statement.iterate(...(parameters as SqlParameter[])),
      };
    },
  };
}

type SqlParameter = null | number | bigint | string | NodeJS.ArrayBufferView;
