import type { TableColumnOptions } from 'typeorm';

/**
 * Column shapes every context's migrations use, written for TypeORM's Table API so that one migration serves
 * SQLite and MySQL/MariaDB alike: ids are uuid strings, times are UTC datetimes with milliseconds.
 */
export const columns = {
  uuid: (name: string, primary = false, nullable = false): TableColumnOptions => ({
    name,
    type: 'varchar',
    length: '36',
    isPrimary: primary,
    isNullable: nullable,
  }),
  timestamp: (name: string, nullable = false): TableColumnOptions => ({
    name,
    type: 'datetime',
    precision: 3,
    isNullable: nullable,
  }),
  varchar: (name: string, length: number, nullable = false): TableColumnOptions => ({
    name,
    type: 'varchar',
    length: String(length),
    isNullable: nullable,
  }),
  int: (name: string, defaultValue?: number, nullable = false): TableColumnOptions => ({
    name,
    type: 'int',
    isNullable: nullable,
    ...(defaultValue === undefined ? {} : { default: defaultValue }),
  }),
  bool: (name: string): TableColumnOptions => ({ name, type: 'boolean', default: false }),
};
