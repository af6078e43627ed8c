export type Bar = { key: string; label: string; value: number; valueText: string };

const WIDTH = 520;
const LABEL_WIDTH = 190;
const VALUE_WIDTH = 70;
const ROW = 30;
const BAR = 20;

/**
 * A horizontal bar chart as SVG, written by hand: an accessible name and description, every value
 * printed next to its bar (never colour alone), one colour that contrasts with the background.
 * Screen readers get the description; the same numbers are in a table on the page.
 */
export function BarChart({ id, title, description, bars }: { id: string; title: string; description: string; bars: Bar[] }) {
  const max = Math.max(0, ...bars.map((b) => b.value));
  const area = WIDTH - LABEL_WIDTH - VALUE_WIDTH;
  const height = bars.length * ROW + 10;
  return (
    <div className="bar-chart">
      <svg
        xmlns="http://www.w3.org/2000/svg"
        viewBox={`0 0 ${WIDTH} ${height}`}
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        fontFamily="sans-serif"
        fontSize="15"
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        <line x1={LABEL_WIDTH} x2={LABEL_WIDTH} y1={0} y2={height - 5} stroke="#595959" strokeWidth={1} />
        {bars.map((b, i) => {
          const y = 5 + i * ROW;
          const w = max > 0 ? Math.round((b.value / max) * area * 10) / 10 : 0;
          return (
            <g key={b.key} data-bar={b.key}>
              <text x={LABEL_WIDTH - 8} y={y + BAR / 2 + 5} textAnchor="end" fill="#1a1a1a">
                {b.label}
              </text>
              <rect x={LABEL_WIDTH} y={y} width={w} height={BAR} fill="#1d4f91" />
              <text x={LABEL_WIDTH + w + 6} y={y + BAR / 2 + 5} fill="#1a1a1a" fontWeight="bold">
                {b.valueText}
              </text>
            </g>
          );
        })}
      </svg>
    </div>
  );
}
