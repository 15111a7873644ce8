import { generateJoinCode, JOIN_CODE_ALPHABET, normaliseJoinCode } from './join-code';

describe('join codes', () => {
  it('are 8 characters without look-alikes such as 0/O and 1/I/L', () => {
    for (let i = 0; i < 500; i++) {
      const code = generateJoinCode();
      expect(code).toMatch(/^[A-HJKMNP-Z2-9]{8}$/);
    }
    expect(JOIN_CODE_ALPHABET).not.toMatch(/[01ILO]/);
  });

  it('use every character of the alphabet (no bias towards a few)', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) for (const c of generateJoinCode()) seen.add(c);
    expect(seen.size).toBe(JOIN_CODE_ALPHABET.length);
  });

  it('differ from one another', () => {
    const codes = new Set(Array.from({ length: 1000 }, () => generateJoinCode()));
    expect(codes.size).toBe(1000);
  });

  it('forgive lower case, spaces and dashes as people type them', () => {
    expect(normaliseJoinCode(' vcfr-ys26 ')).toBe('VCFRYS26');
    expect(normaliseJoinCode('vcfr ys26')).toBe('VCFRYS26');
  });
});
