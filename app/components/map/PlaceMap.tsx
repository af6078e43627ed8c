import { useEffect, useRef, useState } from "react";
import type * as Leaflet from "leaflet";
import type { Geometry } from "geojson";
import { useT } from "~/i18n/react";

type Props = {
  /** The drawn place (point, line or area), or null. */
  geometry: Geometry | null;
  /** The outlines of the comuni touched: the place itself when `outlinesArePlace`, its context otherwise. */
  outlines: { istat: string; name: string; geometry: Geometry }[];
  outlinesArePlace: boolean;
  tileUrl: string;
  /** id of the element naming the place in words (the map's text alternative). */
  describedBy?: string;
};

type Status = "idle" | "loading" | "ready" | "error";

function escapeHtml(s: string) {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * The place of one contribution on a small map: its point, line or area, or the outlines of the
 * comuni it names. Browser-only (Leaflet imported after hydration); the comuni and zones listed on
 * the page say the same in words.
 */
export function PlaceMap({ geometry, outlines, outlinesArePlace, tileUrl, describedBy }: Props) {
  const t = useT();
  const container = useRef<HTMLDivElement>(null);
  const [status, setStatus] = useState<Status>("idle");
  const latest = useRef({ geometry, outlines, outlinesArePlace, t });
  latest.current = { geometry, outlines, outlinesArePlace, t };
  const key = JSON.stringify(geometry) + outlines.map((o) => o.istat).join(",");

  useEffect(() => {
    const el = container.current;
    if (!el) return;
    let cancelled = false;
    let map: Leaflet.Map | undefined;
    setStatus("loading");
    (async () => {
      try {
        const mod = await import("leaflet");
        if (cancelled) return;
        // eslint-disable-next-line @typescript-eslint/no-explicit-any
        const L = ((mod as any).default ?? mod) as typeof Leaflet;
        const { geometry: g, outlines: o, outlinesArePlace: oPlace, t: tr } = latest.current;
        map = L.map(el, { zoomControl: false, attributionControl: false, scrollWheelZoom: false, minZoom: 8, maxZoom: 18 });
        L.control.zoom({ zoomInTitle: tr("territory.map.zoomIn"), zoomOutTitle: tr("territory.map.zoomOut") }).addTo(map);
        L.control.attribution({ prefix: '<a href="https://leafletjs.com">Leaflet</a>' }).addTo(map);
        if (tileUrl) {
          L.tileLayer(tileUrl, {
            maxZoom: 19,
            attribution: `© <a href="https://www.openstreetmap.org/copyright">${escapeHtml(tr("territory.map.osmContributors"))}</a>`,
          }).addTo(map);
        }
        const style = { color: "#b30012", weight: 3, fillColor: "#b30012", fillOpacity: 0.2 };
        const group = L.featureGroup().addTo(map);
        const context = L.featureGroup().addTo(map);
        if (o.length > 0) {
          L.geoJSON(
            {
              type: "FeatureCollection",
              features: o.map((x) => ({ type: "Feature", properties: { name: x.name }, geometry: x.geometry })),
            } as GeoJSON.FeatureCollection,
            {
              attribution: escapeHtml(tr("footer.boundaries")),
              interactive: false,
              // The place itself (whole comuni), or a dashed outline giving its context.
              style: oPlace ? { ...style, weight: 2 } : { color: "#5c6f82", weight: 1.5, dashArray: "4 4", fill: false },
            }
          ).addTo(oPlace ? group : context);
        }
        if (g) {
          L.geoJSON(g as GeoJSON.GeoJsonObject, {
            interactive: false,
            style,
            pointToLayer: (_f, latlng) =>
              L.marker(latlng, {
                icon: L.divIcon({ className: "place-pin", html: '<span aria-hidden="true"></span>', iconSize: [22, 22], iconAnchor: [11, 22] }),
                interactive: false,
                keyboard: false,
              }),
          }).addTo(group);
        }
        const b = group.getLayers().length > 0 ? group.getBounds() : context.getBounds();
        if (b.isValid()) {
          if (g?.type === "Point") map.setView(b.getCenter(), 15);
          else map.fitBounds(b, { padding: [16, 16], maxZoom: 16 });
        } else {
          map.setView([45.46, 9.19], 10);
        }
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
  }, [key, tileUrl]);

  return (
    <div className="map-frame">
      <div
        ref={container}
        className="map place-map"
        role="region"
        aria-label={t("browse.page.mapLabel")}
        aria-describedby={describedBy}
        aria-busy={status === "loading"}
      />
      {status !== "ready" ? (
        <p className="map-status" role={status === "error" ? "alert" : "status"}>
          {status === "idle" ? t("browse.page.mapNoScript") : status === "loading" ? t("browse.map.loading") : t("browse.page.mapError")}
        </p>
      ) : null}
    </div>
  );
}
