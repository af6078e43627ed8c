import { useEffect, useRef, useState } from "react";
import type * as Leaflet from "leaflet";
import type { Feature, FeatureCollection, Geometry } from "geojson";
import { useT } from "~/i18n/react";
import { zoneColor } from "./zoneColors";

/** What the map needs to know of each feature (the properties served by /territorio/comuni.geojson). */
type ComuneProps = { istat: string; name: string; zoneId: string; zoneName: string };

type Props = {
  /** URL of the FeatureCollection of the comuni. */
  dataUrl: string;
  /** Tile URL template; empty: no background tiles, boundaries only. */
  tileUrl: string;
  /** [[south, west], [north, east]] of the metropolitan area, to frame the map before the data arrives. */
  bounds: [[number, number], [number, number]] | null;
  /** Zone labels in the page's language, by zone id (the tooltips use them). */
  zoneLabels: Record<string, string>;
  /** id of the element describing the map (how to use it, where the text alternative is). */
  describedBy?: string;
};

type Status = "idle" | "loading" | "ready" | "error";

function escapeHtml(s: string) {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * The comuni of the Città metropolitana coloured by zone. Browser-only: Leaflet touches `window`
 * when imported, so it is loaded here, after hydration, and only on pages that render this map.
 * The route must add `leaflet/dist/leaflet.css` to its own links().
 */
export function TerritoryMap({ dataUrl, tileUrl, bounds, zoneLabels, describedBy }: Props) {
  const t = useT();
  const container = useRef<HTMLDivElement>(null);
  const [status, setStatus] = useState<Status>("idle");
  // Read inside the effect without re-creating the map when only their identity changes.
  const latest = useRef({ bounds, zoneLabels });
  latest.current = { bounds, zoneLabels };

  useEffect(() => {
    const el = container.current;
    if (!el) return;
    let cancelled = false;
    let map: Leaflet.Map | undefined;
    setStatus("loading");

    (async () => {
      try {
        const [mod, data] = await Promise.all([
          import("leaflet"),
          fetch(dataUrl, { headers: { Accept: "application/geo+json" } }).then((r) => {
            if (!r.ok) throw new Error(`GeoJSON: HTTP ${r.status}`);
            return r.json() as Promise<FeatureCollection<Geometry, ComuneProps>>;
          }),
        ]);
        if (cancelled) return;
        // The dynamic import hands over the CommonJS module under `.default`.
        // eslint-disable-next-line @typescript-eslint/no-explicit-any
        const L = ((mod as any).default ?? mod) as typeof Leaflet;
        const { bounds: initialBounds, zoneLabels: labels } = latest.current;

        map = L.map(el, { zoomControl: false, attributionControl: false, minZoom: 8, maxZoom: 18, zoomSnap: 0.25 });
        L.control.zoom({ zoomInTitle: t("territory.map.zoomIn"), zoomOutTitle: t("territory.map.zoomOut") }).addTo(map);
        // Leaflet's default prefix carries an English title; keep just the credit.
        L.control.attribution({ prefix: '<a href="https://leafletjs.com">Leaflet</a>' }).addTo(map);

        if (tileUrl) {
          L.tileLayer(tileUrl, {
            maxZoom: 19,
            attribution: `© <a href="https://www.openstreetmap.org/copyright">${escapeHtml(t("territory.map.osmContributors"))}</a>`,
          }).addTo(map);
        }

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
              zone: labels[f.properties.zoneId] ?? f.properties.zoneName,
            });
            tip.append(name, zone);
            path.bindTooltip(tip, { sticky: true });
            path.on("mouseover", () => (path as Leaflet.Path).setStyle({ weight: 3, color: "#17324d" }));
            path.on("mouseout", () => layer.resetStyle(path));
          },
        }).addTo(map);

        const frame = initialBounds ? L.latLngBounds(initialBounds) : layer.getBounds();
        map.fitBounds(frame, { padding: [8, 8] });
        map.setMaxBounds(frame.pad(0.5));
        setStatus("ready");
      } catch (error) {
        if (cancelled) return;
        console.error(error);
        setStatus("error");
      }
    })();

    return () => {
      cancelled = true;
      map?.remove();
    };
  }, [dataUrl, tileUrl, t]);

  return (
    <div className="map-frame">
      <div
        ref={container}
        className="map"
        role="region"
        aria-label={t("territory.map.label")}
        aria-describedby={describedBy}
        aria-busy={status === "loading"}
      />
      {status !== "ready" ? (
        <p className="map-status" role={status === "error" ? "alert" : "status"}>
          {status === "idle" ? t("territory.map.noScript") : status === "loading" ? t("territory.map.loading") : t("territory.map.loadError")}
        </p>
      ) : null}
    </div>
  );
}
