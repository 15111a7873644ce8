import type { Level } from '../rules';

export interface TrendPoint {
  weekStart: string;
  level: Level | null;
}

const HEIGHT: Record<Level, number> = { green: 1, amber: 2, red: 3 };
/** Fills that keep at least 3:1 against white (WCAG 1.4.11); the height, not the colour, carries the meaning. */
const FILL: Record<Level, string> = { green: '#2e7d32', amber: '#b45309', red: '#b3261e' };
const BAR = 10;
const GAP = 4;
const STEP = 8;

const escapeXml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * A small bar chart of the last weeks' overall levels, drawn on the server as inline SVG (no script, no library):
 * one bar per week, taller for a higher level, a thin line for a week without an evaluation. The `<title>` and
 * the `aria-label` say the same in words, so a screen reader hears the trend rather than a picture.
 */
export function trendChartSvg(points: TrendPoint[], description: string, id: string): string {
  const width = points.length * (BAR + GAP) - GAP;
  const height = 3 * STEP + 2;
  const bars = points
    .map((point, index) => {
      const x = index * (BAR + GAP);
      if (!point.level) {
        return `<rect x="${x}" y="${height - 2}" width="${BAR}" height="2" fill="#6b6b6b"/>`;
      }
      const h = HEIGHT[point.level] * STEP;
      return `<rect x="${x}" y="${height - h}" width="${BAR}" height="${h}" fill="${FILL[point.level]}"/>`;
    })
    .join('');
  const titleId = `trend-${escapeXml(id)}-title`;
  const label = escapeXml(description);
  return (
    `<svg class="trend" xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" ` +
    `viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="${titleId}" focusable="false">` +
    `<title id="${titleId}">${label}</title>${bars}</svg>`
  );
}
