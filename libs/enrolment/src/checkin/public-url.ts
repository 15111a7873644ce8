import { isLocal } from '@academy/platform';

/**
 * Why the check-in QR codes will not work for people, or null when they will. A QR code is scanned by a
 * volunteer's own phone, which must reach PUBLIC_URL: a loopback address (PUBLIC_URL unset, it defaults to
 * http://localhost:<PORT>) only works on the machine the app runs on.
 */
export function publicUrlProblem(publicUrl: string, env: NodeJS.ProcessEnv = process.env): string | null {
  if (!isLocal(publicUrl)) return null;
  // Test runs boot the app many times on purpose with a loopback address.
  if (env.NODE_ENV === 'test') return null;
  const how = env.PUBLIC_URL ? `PUBLIC_URL is ${publicUrl}` : `PUBLIC_URL is not set (so ${publicUrl})`;
  return (
    `${how}: the check-in QR codes point there, which a volunteer's phone cannot open. ` +
    'Fine for trying the academy on this computer; elsewhere set PUBLIC_URL to the address people use.'
  );
}
