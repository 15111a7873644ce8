# shellcheck shell=bash
# Sourced (not executed: keep this file non-executable) by the MariaDB image's entrypoint on the first start
# of an empty data volume, so its helper functions are at hand. Each service gets its own database and a user
# that can reach only that database: a context never reads another's tables.
# No `set -u` here: a sourced file would change the entrypoint's own shell options.

if [ -z "${ACADEMY_DB_PASSWORD:-}" ]; then
  mysql_error 'ACADEMY_DB_PASSWORD is not set: the service users need a password.'
fi
academy_db_password=$(docker_sql_escape_string_literal "$ACADEMY_DB_PASSWORD")

for academy_service in catalogue enrolment notification; do
  mysql_note "Creating database and user ${academy_service}"
  docker_process_sql <<SQL
CREATE DATABASE IF NOT EXISTS \`${academy_service}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER IF NOT EXISTS '${academy_service}'@'%' IDENTIFIED BY '${academy_db_password}';
GRANT ALL PRIVILEGES ON \`${academy_service}\`.* TO '${academy_service}'@'%';
SQL
done
unset academy_service academy_db_password
