import { chooseLocale, fromAcceptLanguage } from './locale';

describe('choosing the language', () => {
  it('takes ?lang= first, then the remembered choice, the user’s preference, the browser, Dutch', () => {
    const all = { query: 'en', cookie: 'fy', userLocale: 'nl', acceptLanguage: 'fy' };
    expect(chooseLocale(all)).toBe('en');
    expect(chooseLocale({ ...all, query: undefined })).toBe('fy');
    expect(chooseLocale({ ...all, query: undefined, cookie: undefined, userLocale: 'en' })).toBe('en');
    expect(chooseLocale({ acceptLanguage: 'fy-NL,nl;q=0.8' })).toBe('fy');
    expect(chooseLocale({})).toBe('nl');
  });

  it('ignores values it does not know instead of failing', () => {
    expect(chooseLocale({ query: 'de', cookie: '<script>', userLocale: 'xx' })).toBe('nl');
    expect(chooseLocale({ query: ['fy', 'en'] })).toBe('nl');
  });

  it('reads Accept-Language by quality, regional variants included', () => {
    expect(fromAcceptLanguage('de-DE, en-GB;q=0.8, nl;q=0.5')).toBe('en');
    expect(fromAcceptLanguage('nl;q=0.2, fy;q=0.9')).toBe('fy');
    expect(fromAcceptLanguage('en;q=0, nl')).toBe('nl');
    expect(fromAcceptLanguage('de, fr')).toBeUndefined();
    expect(fromAcceptLanguage(undefined)).toBeUndefined();
  });
});
