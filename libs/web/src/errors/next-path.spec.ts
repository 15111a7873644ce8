import { safeNextPath } from './next-path';

describe('safeNextPath', () => {
  it.each(['/account', '/catalogue?q=zorg&page=2', '/', '/%0d%0aSet-Cookie:x'])(
    'keeps the local path %s (encoded characters stay encoded)',
    (path) => {
      expect(safeNextPath(path)).toBe(path);
    },
  );

  it.each([
    'https://evil.example/',
    '//evil.example/',
    '/\\evil.example',
    '\\\\evil.example',
    'javascript:alert(1)',
    '/ok\r\nLocation: https://evil.example',
    'account',
    '',
    undefined,
    ['/account'],
  ])('refuses %p', (next) => {
    expect(safeNextPath(next)).toBeUndefined();
  });
});
