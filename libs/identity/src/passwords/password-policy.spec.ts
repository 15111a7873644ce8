import { DomainError } from '@academy/platform';
import { assertAcceptablePassword, passwordProblems } from './password-policy';

describe('password policy', () => {
  it('accepts a sentence of 12 characters or more without any composition rules', () => {
    expect(passwordProblems('ik fiets graag')).toEqual([]);
    expect(passwordProblems('alleen kleine letters')).toEqual([]);
    expect(passwordProblems('a'.repeat(11) + 'b')).toEqual([]);
  });

  it('refuses fewer than 12 characters and more than 128', () => {
    expect(passwordProblems('kort wachtw')).toHaveLength(1);
    expect(passwordProblems('x'.repeat(128) + 'y')).toHaveLength(1);
    expect(passwordProblems('x'.repeat(127) + 'y')).toEqual([]);
  });

  it('counts characters as people see them, so accents and emoji are not penalised', () => {
    // 12 characters, more UTF-16 units.
    expect(passwordProblems('Súdwest🌷🌷🌷🌷🌷')).toEqual([]);
    expect(passwordProblems('🌷'.repeat(11))).toHaveLength(1);
  });

  it('refuses common passwords, whatever their case, Dutch ones included', () => {
    expect(passwordProblems('welkom123456')[0]).toMatch(/too common/);
    expect(passwordProblems('Welkom123456')[0]).toMatch(/too common/);
    expect(passwordProblems('WACHTWOORD123')[0]).toMatch(/too common/);
    expect(passwordProblems('123456789012')[0]).toMatch(/too common/);
    expect(passwordProblems('Password1234')[0]).toMatch(/too common/);
  });

  it('refuses the person’s own email address or name', () => {
    expect(
      passwordProblems('sjoukje.devries@example.org', { email: 'sjoukje.devries@example.org' }),
    ).toHaveLength(1);
    expect(passwordProblems('Sjoukje de Vries', { displayName: 'sjoukje de vries' })).toHaveLength(1);
  });

  it('reports the problem as a field error with a code that maps to 422', () => {
    let error: unknown;
    try {
      assertAcceptablePassword('welkom123456', 'newPassword');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).status).toBe(422);
    expect((error as DomainError).details.errors).toEqual([
      { field: 'newPassword', messages: [expect.any(String)] },
    ]);
  });
});
