import type { Level } from '../rules';

export interface TrendPoint {
  weekStart: string;
  level: Level | null;
}

export interface TrendChart {
  id: string;
  width: number;
  height: number;
  description: string;
  bars: Array<{ x: number; y: number; width: number; height: number; fill: string }>;
}

const HEIGHT: Record<Level, number> = { green: 1, amber: 2, red: 3 };
/** Fills that keep at least 3:1 against white (WCAG 1.4.11); the height, not the colour, carries the meaning. */
const FILL: Record<Level, string> = { green: '#2e7d32', amber: '#b45309', red: '#b3261e' };
const NO_DATA = '#6b6b6b';
const BAR = 10;
const GAP = 4;
const STEP = 8;

/**
 * A small bar chart of the last weeks' overall levels, drawn on the server as inline SVG (no script, no library)
 * by the `wellbeing/trend` partial: one bar per week, taller for a higher level, a thin line for a week without
 * an evaluation. Its `<title>` says the same in words, so a screen reader hears the trend, not a picture.
 */
export function trendChart(points: TrendPoint[], description: string, id: string): TrendChart {
  const height = 3 * STEP + 2;
  return {
    id,
    width: Math.max(0, points.length * (BAR + GAP) - GAP),
    height,
    description,
    bars: points.map((point, index) => {
      const h = point.level ? HEIGHT[point.level] * STEP : 2;
      return {
        x: index * (BAR + GAP),
        y: height - h,
        width: BAR,
        height: h,
        fill: point.level ? FILL[point.level] : NO_DATA,
      };
    }),
  };
}
