import { sql, type AnyColumn, type SQL } from 'drizzle-orm';

// Text searches with LIKE, where what the user typed is taken literally: `%`, `_` and `\` in it
// are escaped, so "50%" finds "50%" and not "50" followed by anything. SQLite's LIKE ignores
// case for ASCII letters only.
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, '\\$&');
}

export function containsText(column: AnyColumn, text: string): SQL {
  return sql`${column} LIKE ${`%${escapeLike(text)}%`} ESCAPE '\\'`;
}

export function startsWithText(column: AnyColumn, text: string): SQL {
  return sql`${column} LIKE ${`${escapeLike(text)}%`} ESCAPE '\\'`;
}
