import { join } from 'node:path';
import type { PageRenderer } from '@academy/web';

const IDENTITY_DIR = join(__dirname, '..');

/** Path of the session renewal page; it lies under the refresh cookie's path, so the cookie reaches it. */
export const RENEW_PATH = '/api/auth/renew';

/**
 * Makes the identity views and texts known to the renderer and routes page logins through the session
 * renewal. Each identity page controller calls it; the renderer ignores repeats.
 */
export function registerIdentityPages(pages: PageRenderer): void {
  pages.registerViews('identity', join(IDENTITY_DIR, 'views'));
  pages.registerMessages('identity', join(IDENTITY_DIR, 'messages'));
  pages.useSignInUrl((next, expired) => {
    const query = new URLSearchParams();
    if (next && next !== '/') query.set('next', next);
    if (expired) query.set('reason', 'expired');
    const search = query.toString();
    return search ? `${RENEW_PATH}?${search}` : RENEW_PATH;
  });
}
