/** WARNING: cookie name is persisted in browsers; renaming it logs everyone out at their next refresh. */
export const REFRESH_COOKIE = 'academy_refresh';
/** The refresh cookie travels only to the endpoints that use it. */
export const REFRESH_COOKIE_PATH = '/api/auth';
