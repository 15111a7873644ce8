import { type BootedApp, bootApp } from '../support/apps';

const SECURITY_HEADERS = [
  'content-security-policy',
  'cross-origin-opener-policy',
  'cross-origin-resource-policy',
  'origin-agent-cluster',
  'referrer-policy',
  'x-content-type-options',
  'x-dns-prefetch-control',
  'x-download-options',
  'x-frame-options',
  'x-permitted-cross-domain-policies',
  'x-xss-protection',
];

describe('security headers on the booted all-in-one', () => {
  let academy: BootedApp;

  beforeAll(async () => {
    academy = await bootApp('academy');
  }, 60_000);
  afterAll(() => academy?.close());

  it.each([
    ['the catalogue listing (API)', '/api/catalogue/courses?page=1', 200],
    ['the catalogue page', '/catalogue', 200],
    ['an unknown API route', '/api/catalogue/nothing-here', 404],
    ['a refused listing query', '/api/catalogue/courses?pageSize=nope', 400],
  ])('%s carries them', async (_name, url, status) => {
    const response = await academy.call({ method: 'GET', url });
    expect(response.statusCode).toBe(status);
    for (const header of SECURITY_HEADERS) expect(response.headers[header]).toBeDefined();
    expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(response.headers['x-request-id']).toBeDefined();
  });
});
