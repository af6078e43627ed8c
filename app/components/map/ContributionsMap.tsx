import { useNavigate } from "@remix-run/react";
import { useCallback, useEffect, useRef, useState } from "react";
import type * as Leaflet from "leaflet";
import type { FeatureCollection, Geometry } from "geojson";
import { useT } from "~/i18n/react";
import { MapFrame } from "./MapFrame";
import { escapeHtml, fetchGeoJson, useLeafletMap, type MapBounds } from "./useLeafletMap";

/** One marker of /contributi/mappa.json: a cluster (count > 1, or no id) or a contribution. */
type Item = { lon: number; lat: number; count: number; id?: number; kind?: string; title?: string };
type Answer = { zoom: number; total: number; clusters: Item[] };

type Props = {
  /** The filters as a query string (the same as the list's), without bbox and zoom. */
  query: string;
  /** Tile URL template; empty: boundaries only. */
  tileUrl: string;
  /** [[south, west], [north, east]] of the metropolitan area. */
  bounds: MapBounds | null;
  /** Kind labels in the page's language, by kind. */
  kindLabels: Record<string, string>;
  describedBy?: string;
};

const COMUNI_URL = "/territorio/comuni.geojson";
const MAP_URL = "/contributi/mappa.json";

/** Marker size grows with the count's number of digits. */
function clusterSize(count: number) {
  return count < 10 ? 30 : count < 100 ? 36 : count < 1000 ? 44 : 52;
}

/**
 * The contributions on a map: the comuni boundaries (served by the site, so it works offline),
 * and clusters or points for the current viewport and zoom, fetched from /contributi/mappa.json with
 * the same filters as the list whenever the map moves or the filters change. Browser-only: Leaflet
 * is imported after hydration. The list next to it is the text alternative.
 */
export function ContributionsMap({ query, tileUrl, bounds, kindLabels, describedBy }: Props) {
  const t = useT();
  const navigate = useNavigate();
  const [shown, setShown] = useState<{ total: number; inView: number } | null>(null);
  const mapRef = useRef<{ L: typeof Leaflet; map: Leaflet.Map; markers: Leaflet.LayerGroup } | null>(null);
  const latest = useRef({ query, kindLabels, t, navigate });
  latest.current = { query, kindLabels, t, navigate };
  const pending = useRef<AbortController | null>(null);

  // The map itself: created once (per tile setting); `refresh` (below) fetches its markers.
  const { container, status, setStatus } = useLeafletMap(
    {
      tileUrl,
      zoomTitles: { in: "territory.map.zoomIn", out: "territory.map.zoomOut" },
      load: () => fetchGeoJson<FeatureCollection<Geometry>>(COMUNI_URL),
      // Ready once the first markers are shown (refresh says so).
      readyAfterSetup: false,
      setup: async ({ L, map, data: comuni, t: tr, onCleanup }) => {
        let timer: ReturnType<typeof setTimeout> | undefined;
        onCleanup(() => {
          clearTimeout(timer);
          pending.current?.abort();
          mapRef.current = null;
        });
        const outlines = L.geoJSON(comuni, {
          attribution: escapeHtml(tr("footer.boundaries")),
          interactive: false,
          style: { color: "#5c6f82", weight: 1, fill: true, fillColor: "#ffffff", fillOpacity: tileUrl ? 0.15 : 0.6 },
        }).addTo(map);
        const markers = L.layerGroup().addTo(map);
        map.on("popupopen", (e) => {
          const close = (e as Leaflet.PopupEvent).popup.getElement()?.querySelector(".leaflet-popup-close-button");
          close?.setAttribute("aria-label", latest.current.t("browse.map.closePopup"));
        });
        const frame = bounds ? L.latLngBounds(bounds) : outlines.getBounds();
        map.fitBounds(frame, { padding: [8, 8] });
        map.setMaxBounds(frame.pad(0.5));
        mapRef.current = { L, map, markers };
        map.on("moveend", () => {
          clearTimeout(timer);
          timer = setTimeout(() => void refresh(), 120);
        });
        await refresh();
      },
    },
    [],
  );

  const refresh = useCallback(async () => {
    const m = mapRef.current;
    if (!m) return;
    const { L, map, markers } = m;
    pending.current?.abort();
    const controller = new AbortController();
    pending.current = controller;
    const b = map.getBounds().pad(0.1);
    const bbox = [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()].map((n) => n.toFixed(5)).join(",");
    const { query: q, kindLabels: labels, t: tr, navigate: go } = latest.current;
    const url = `${MAP_URL}?${q ? `${q}&` : ""}bbox=${bbox}&zoom=${Math.round(map.getZoom())}`;
    try {
      const res = await fetch(url, { signal: controller.signal, headers: { Accept: "application/json" } });
      if (!res.ok) throw new Error(`mappa.json: HTTP ${res.status}`);
      const answer = (await res.json()) as Answer;
      if (controller.signal.aborted) return;
      markers.clearLayers();
      let inView = 0;
      for (const item of answer.clusters) {
        inView += item.count;
        if (item.id == null) {
          const size = clusterSize(item.count);
          const marker = L.marker([item.lat, item.lon], {
            icon: L.divIcon({ className: "cluster-marker", html: `<span>${item.count}</span>`, iconSize: [size, size] }),
            keyboard: true,
            riseOnHover: true,
          });
          marker.on("click", () => map.setView([item.lat, item.lon], Math.min(map.getZoom() + 2, map.getMaxZoom())));
          marker.addTo(markers);
          const el = marker.getElement();
          el?.setAttribute("role", "button");
          el?.setAttribute("aria-label", tr("browse.map.clusterLabel", { count: item.count }));
        } else {
          const kind = item.kind ?? "";
          const label = labels[kind] ?? kind;
          const marker = L.marker([item.lat, item.lon], {
            // Colour and shape both tell the kind (the legend shows them): never colour alone.
            icon: L.divIcon({ className: `point-marker kind-${escapeHtml(kind)}`, html: '<span aria-hidden="true"></span>', iconSize: [22, 22] }),
            keyboard: true,
            riseOnHover: true,
          });
          // The popup is built from DOM nodes: titles are user text, never HTML.
          const popup = document.createElement("div");
          popup.className = "contribution-popup";
          const kindLine = document.createElement("p");
          kindLine.className = "popup-kind";
          kindLine.textContent = label;
          const link = document.createElement("a");
          link.href = `/contributi/${item.id}`;
          link.textContent = item.title ?? "";
          link.lang = "it";
          link.addEventListener("click", (e) => {
            e.preventDefault();
            go(`/contributi/${item.id}`);
          });
          const title = document.createElement("p");
          title.className = "popup-title";
          title.append(link);
          popup.append(kindLine, title);
          marker.bindPopup(popup);
          marker.addTo(markers);
          const el = marker.getElement();
          el?.setAttribute("role", "button");
          el?.setAttribute("aria-label", tr("browse.map.pointLabel", { kind: label, title: item.title ?? "" }));
        }
      }
      setShown({ total: answer.total, inView });
      setStatus("ready");
    } catch (error) {
      if ((error as Error).name === "AbortError") return;
      console.error(error);
      setStatus("error");
    }
  }, [setStatus]);

  // New filters: new markers, same view.
  useEffect(() => {
    void refresh();
  }, [query, refresh]);

  return (
    <MapFrame
      container={container}
      status={status}
      className="contributions-map"
      label={t("browse.map.label")}
      describedBy={describedBy}
      messages={{ idle: "browse.map.noScript", loading: "browse.map.loading", error: "browse.map.loadError" }}
      data={{ "data-map-status": status }}
    >
      <p className="map-count muted" aria-live="polite">
        {shown ? (shown.total === 1 ? t("browse.map.countOne") : t("browse.map.count", { count: shown.total })) : ""}
      </p>
    </MapFrame>
  );
}
