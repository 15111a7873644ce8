import { randomInt } from 'node:crypto';

/** Uppercase letters and digits without the look-alikes 0/O, 1/I/L: read aloud or typed from paper. */
export const JOIN_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const JOIN_CODE_LENGTH = 8;

export function generateJoinCode(random: (max: number) => number = randomInt): string {
  let code = '';
  for (let i = 0; i < JOIN_CODE_LENGTH; i++) code += JOIN_CODE_ALPHABET[random(JOIN_CODE_ALPHABET.length)];
  return code;
}

/** What people type: spaces, dashes and lower case are forgiven. */
export function normaliseJoinCode(input: string): string {
  return input.replace(/[\s-]/g, '').toUpperCase();
}
