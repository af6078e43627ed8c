export type LegendEntry = { label: string; fill: string; noData?: boolean };

/** The map's legend as HTML too (the SVG has its own for print and standalone use). */
export function MapLegend({ title, entries }: { title: string; entries: LegendEntry[] }) {
  return (
    <div className="dashboard-legend">
      <h3>{title}</h3>
      <ul>
        {entries.map((e) => (
          <li key={e.label}>
            <span className={e.noData ? "swatch swatch-nodata" : "swatch"} style={e.noData ? undefined : { backgroundColor: e.fill }} aria-hidden="true" />
            {e.label}
          </li>
        ))}
      </ul>
    </div>
  );
}
