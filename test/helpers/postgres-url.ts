/** The same server, another database: tests create and drop their own databases next to the one named. */
export function databaseUrlFor(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** The database we connect to for CREATE/DROP DATABASE: the one named in TEST_DATABASE_URL. */
export function adminUrl(url: string): string {
  return url;
}
