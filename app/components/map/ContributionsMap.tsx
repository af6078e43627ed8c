import { useNavigate } from "@remix-run/react";
import { useCallback, useEffect, useRef, useState } from "react";
import type * as Leaflet from "leaflet";
import type { FeatureCollection, Geometry } from "geojson";
import { useT } from "~/i18n/react";

/** One marker of /contributi/mappa.json: a cluster (count > 1, or no id) or a contribution. */
type Item = { lon: number; lat: number; count: number; id?: number; kind?: string; title?: string };
type Answer = { zoom: number; total: number; clusters: Item[] };

type Props = {
  /** The filters as a query string (the same as the list's), without bbox and zoom. */
  query: string;
  /** Tile URL template; empty: boundaries only. */
  tileUrl: string;
  /** [[south, west], [north, east]] of the metropolitan area. */
  bounds: [[number, number], [number, number]] | null;
  /** Kind labels in the page's language, by kind. */
  kindLabels: Record<string, string>;
  describedBy?: string;
};

type Status = "idle" | "loading" | "ready" | "error";

const COMUNI_URL = "/territorio/comuni.geojson";
const MAP_URL = "/contributi/mappa.json";

function escapeHtml(s: string) {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

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
  const container = useRef<HTMLDivElement>(null);
  const [status, setStatus] = useState<Status>("idle");
  const [shown, setShown] = useState<{ total: number; inView: number } | null>(null);
  const mapRef = useRef<{ L: typeof Leaflet; map: Leaflet.Map; markers: Leaflet.LayerGroup } | null>(null);
  const latest = useRef({ query, kindLabels, bounds, t, navigate });
  latest.current = { query, kindLabels, bounds, t, navigate };
  const pending = useRef<AbortController | null>(null);

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
  }, []);

  // The map itself: created once (per tile setting and language).
  useEffect(() => {
    const el = container.current;
    if (!el) return;
    let cancelled = false;
    let created: Leaflet.Map | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    setStatus("loading");
    (async () => {
      try {
        const [mod, comuni] = await Promise.all([
          import("leaflet"),
          fetch(COMUNI_URL, { headers: { Accept: "application/geo+json" } }).then((r) => {
            if (!r.ok) throw new Error(`GeoJSON: HTTP ${r.status}`);
            return r.json() as Promise<FeatureCollection<Geometry>>;
          }),
        ]);
        if (cancelled) return;
        // eslint-disable-next-line @typescript-eslint/no-explicit-any
        const L = ((mod as any).default ?? mod) as typeof Leaflet;
        const { bounds: initial, t: tr } = latest.current;
        const map = L.map(el, { zoomControl: false, attributionControl: false, minZoom: 8, maxZoom: 18 });
        created = map;
        L.control.zoom({ zoomInTitle: tr("territory.map.zoomIn"), zoomOutTitle: tr("territory.map.zoomOut") }).addTo(map);
        L.control.attribution({ prefix: '<a href="https://leafletjs.com">Leaflet</a>' }).addTo(map);
        if (tileUrl) {
          L.tileLayer(tileUrl, {
            maxZoom: 19,
            attribution: `© <a href="https://www.openstreetmap.org/copyright">${escapeHtml(tr("territory.map.osmContributors"))}</a>`,
          }).addTo(map);
        }
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
        const frame = initial ? L.latLngBounds(initial) : outlines.getBounds();
        map.fitBounds(frame, { padding: [8, 8] });
        map.setMaxBounds(frame.pad(0.5));
        mapRef.current = { L, map, markers };
        map.on("moveend", () => {
          clearTimeout(timer);
          timer = setTimeout(() => void refresh(), 120);
        });
        await refresh();
      } catch (error) {
        if (cancelled) return;
        console.error(error);
        setStatus("error");
      }
    })();
    return () => {
      cancelled = true;
      clearTimeout(timer);
      pending.current?.abort();
      mapRef.current = null;
      created?.remove();
    };
  }, [tileUrl, refresh]);

  // New filters: new markers, same view.
  useEffect(() => {
    void refresh();
  }, [query, refresh]);

  return (
    <div className="map-frame">
      <div
        ref={container}
        className="map contributions-map"
        role="region"
        aria-label={t("browse.map.label")}
        aria-describedby={describedBy}
        aria-busy={status === "loading"}
        data-map-status={status}
      />
      {status !== "ready" ? (
        <p className="map-status" role={status === "error" ? "alert" : "status"}>
          {status === "idle" ? t("browse.map.noScript") : status === "loading" ? t("browse.map.loading") : t("browse.map.loadError")}
        </p>
      ) : null}
      <p className="map-count muted" aria-live="polite">
        {shown ? (shown.total === 1 ? t("browse.map.countOne") : t("browse.map.count", { count: shown.total })) : ""}
      </p>
    </div>
  );
}
