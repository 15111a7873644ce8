import type { Assessment, Level } from '../rules';

export type { Assessment, Level };

const RANK: Record<Level, number> = { green: 0, amber: 1, red: 2 };

/** Whether `next` is a higher level than `previous` (green → amber, amber → red, green → red). */
export const raisesLevel = (previous: Level, next: Level): boolean => RANK[next] > RANK[previous];
