import type * as Leaflet from "leaflet";
import type { Feature, FeatureCollection, Geometry } from "geojson";
import { useT } from "~/i18n/react";
import { MapFrame } from "./MapFrame";
import { escapeHtml, fetchGeoJson, useLeafletMap, type ComuneProps, type MapBounds } from "./useLeafletMap";
import { zoneColor } from "./zoneColors";

type Props = {
  /** URL of the FeatureCollection of the comuni. */
  dataUrl: string;
  /** Tile URL template; empty: no background tiles, boundaries only. */
  tileUrl: string;
  /** [[south, west], [north, east]] of the metropolitan area, to frame the map before the data arrives. */
  bounds: MapBounds | null;
  /** Zone labels in the page's language, by zone id (the tooltips use them). */
  zoneLabels: Record<string, string>;
  /** id of the element describing the map (how to use it, where the text alternative is). */
  describedBy?: string;
};

/**
 * The comuni of the Città metropolitana coloured by zone. Browser-only (useLeafletMap: Leaflet is
 * loaded after hydration, only on pages that render a map). The route must add
 * `leaflet/dist/leaflet.css` to its own links().
 */
export function TerritoryMap({ dataUrl, tileUrl, bounds, zoneLabels, describedBy }: Props) {
  const t = useT();
  const { container, status } = useLeafletMap(
    {
      tileUrl,
      mapOptions: { zoomSnap: 0.25 },
      zoomTitles: { in: "territory.map.zoomIn", out: "territory.map.zoomOut" },
      load: () => fetchGeoJson<FeatureCollection<Geometry, ComuneProps>>(dataUrl),
      setup: ({ L, map, data }) => {
        const baseStyle = (f?: Feature<Geometry, ComuneProps>): Leaflet.PathOptions => ({
          color: "#ffffff",
          weight: 1,
          fillColor: zoneColor(f?.properties.zoneId ?? ""),
          fillOpacity: tileUrl ? 0.7 : 0.85,
        });
        const layer = L.geoJSON(data, {
          attribution: escapeHtml(t("footer.boundaries")),
          style: (f) => baseStyle(f as Feature<Geometry, ComuneProps>),
          onEachFeature: (f: Feature<Geometry, ComuneProps>, path) => {
            const tip = document.createElement("div");
            const name = document.createElement("strong");
            name.textContent = f.properties.name;
            const zone = document.createElement("div");
            zone.textContent = t("territory.map.tooltipZone", {
              zone: zoneLabels[f.properties.zoneId] ?? f.properties.zoneName,
            });
            tip.append(name, zone);
            path.bindTooltip(tip, { sticky: true });
            path.on("mouseover", () => (path as Leaflet.Path).setStyle({ weight: 3, color: "#17324d" }));
            path.on("mouseout", () => layer.resetStyle(path));
          },
        }).addTo(map);

        const frame = bounds ? L.latLngBounds(bounds) : layer.getBounds();
        map.fitBounds(frame, { padding: [8, 8] });
        map.setMaxBounds(frame.pad(0.5));
      },
    },
    [dataUrl, t],
  );

  return (
    <MapFrame
      container={container}
      status={status}
      label={t("territory.map.label")}
      describedBy={describedBy}
      messages={{ idle: "territory.map.noScript", loading: "territory.map.loading", error: "territory.map.loadError" }}
    />
  );
}
