/**
 * The one palette of the zone omogenee (plus Milano capoluogo), used by the map, its legend and
 * the list. Tableau 10 hues: distinguishable side by side, and each swatch carries a dark border
 * so it keeps a 3:1 non-text contrast on white (WCAG 1.4.11) whatever its fill.
 */
export const ZONE_COLORS: Record<string, string> = {
  milano: "#e15759",
  "alto-milanese": "#4e79a7",
  "magentino-abbiatense": "#59a14f",
  "nord-ovest": "#f28e2b",
  "nord-milano": "#b07aa1",
  "adda-martesana": "#edc948",
  "sud-est": "#76b7b2",
  "sud-ovest": "#9c755f",
};

/** For a zone added to the data before it gets its own colour. */
export const FALLBACK_ZONE_COLOR = "#bab0ac";

export function zoneColor(zoneId: string): string {
  return ZONE_COLORS[zoneId] ?? FALLBACK_ZONE_COLOR;
}
