import type { EntityManager, SelectQueryBuilder } from 'typeorm';

/** MariaDB/MySQL take row locks; SQLite transactions are serialised by inTransaction, so nothing to lock. */
export const locksRows = (manager: EntityManager): boolean => manager.connection.options.type === 'mysql';

/** `FOR UPDATE` where rows can be locked. */
export function forUpdate<T extends object>(query: SelectQueryBuilder<T>, manager: EntityManager) {
  return locksRows(manager) ? query.setLock('pessimistic_write') : query;
}

/** `FOR UPDATE SKIP LOCKED` where rows can be locked: a row another transaction holds is passed over. */
export function claim<T extends object>(query: SelectQueryBuilder<T>, manager: EntityManager) {
  return locksRows(manager) ? query.setLock('pessimistic_write').setOnLocked('skip_locked') : query;
}
