// Prepared statements kept per connection: an edit runs a few dozen small queries, and preparing each
// one again costs more than running it.
import type { Database, Statement } from 'better-sqlite3';

const cache = new WeakMap<Database, Map<string, Statement>>();

/** The statement for `sql` on `db`, prepared on first use. Give each call site its own SQL text. */
export function cachedStatement(db: Database, sql: string): Statement {
  let byText = cache.get(db);
  if (!byText) {
    byText = new Map();
    cache.set(db, byText);
  }
  let statement = byText.get(sql);
  if (!statement) {
    statement = db.prepare(sql);
    byText.set(sql, statement);
  }
  return statement;
}
