import { useEffect, useRef, useState } from "react";
import type * as Leaflet from "leaflet";
import { useT } from "~/i18n/react";

type Props = {
  lat: number;
  lon: number;
  /** The venue's name, shown in the marker's tooltip. */
  label: string;
  /** Tile URL template; empty: no background tiles (a plain frame with the marker). */
  tileUrl: string;
  /** id of the element giving the venue as text (the map's alternative). */
  describedBy?: string;
};

type Status = "idle" | "loading" | "ready" | "error";

/**
 * A small map with one marker on a meeting's venue. Browser-only, like TerritoryMap: Leaflet is
 * imported after hydration, so it is downloaded only on pages that show a map. The route must
 * add `leaflet/dist/leaflet.css` to its links(). The address in the page is the text alternative.
 */
export function MeetingMap({ lat, lon, label, tileUrl, describedBy }: Props) {
  const t = useT();
  const container = useRef<HTMLDivElement>(null);
  const [status, setStatus] = useState<Status>("idle");
  const latestLabel = useRef(label);
  latestLabel.current = label;

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
        // The dynamic import hands over the CommonJS module under `.default`.
        // eslint-disable-next-line @typescript-eslint/no-explicit-any
        const L = ((mod as any).default ?? mod) as typeof Leaflet;
        map = L.map(el, { zoomControl: false, attributionControl: false, scrollWheelZoom: false, minZoom: 9, maxZoom: 18 });
        L.control.zoom({ zoomInTitle: t("meetings.page.mapZoomIn"), zoomOutTitle: t("meetings.page.mapZoomOut") }).addTo(map);
        L.control.attribution({ prefix: '<a href="https://leafletjs.com">Leaflet</a>' }).addTo(map);
        if (tileUrl) {
          L.tileLayer(tileUrl, {
            maxZoom: 19,
            attribution: '© <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>',
          }).addTo(map);
        }
        // A drawn pin (no image to fetch); not focusable: the address in the page says the same.
        const icon = L.divIcon({ className: "meeting-pin", html: '<span aria-hidden="true"></span>', iconSize: [22, 22], iconAnchor: [11, 22] });
        L.marker([lat, lon], { icon, interactive: false, keyboard: false, alt: latestLabel.current }).addTo(map);
        map.setView([lat, lon], 15);
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
  }, [lat, lon, tileUrl, t]);

  return (
    <div className="map-frame">
      <div ref={container} className="map meeting-map" role="region" aria-label={t("meetings.page.mapLabel")} aria-describedby={describedBy} aria-busy={status === "loading"} />
      {status !== "ready" ? (
        <p className="map-status" role={status === "error" ? "alert" : "status"}>
          {status === "idle" ? t("meetings.page.mapNoScript") : status === "loading" ? t("meetings.page.mapLoading") : t("meetings.page.mapError")}
        </p>
      ) : null}
    </div>
  );
}
