/** WARNING: names the DataSource, the SQLite file and the migrations table; never rename it. */
export const IDENTITY = 'identity' as const;
