import { useT } from "~/i18n/react";
import { MapFrame } from "./MapFrame";
import { useLeafletMap } from "./useLeafletMap";

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

/**
 * A small map with one marker on a meeting's venue. Browser-only, like TerritoryMap: Leaflet is
 * imported after hydration, so it is downloaded only on pages that show a map. The route must
 * add `leaflet/dist/leaflet.css` to its links(). The address in the page is the text alternative.
 */
export function MeetingMap({ lat, lon, label, tileUrl, describedBy }: Props) {
  const t = useT();
  const { container, status } = useLeafletMap(
    {
      tileUrl,
      mapOptions: { scrollWheelZoom: false, minZoom: 9 },
      zoomTitles: { in: "meetings.page.mapZoomIn", out: "meetings.page.mapZoomOut" },
      setup: ({ L, map }) => {
        // A drawn pin (no image to fetch); not focusable: the address in the page says the same.
        const icon = L.divIcon({ className: "meeting-pin", html: '<span aria-hidden="true"></span>', iconSize: [22, 22], iconAnchor: [11, 22] });
        L.marker([lat, lon], { icon, interactive: false, keyboard: false, alt: label }).addTo(map);
        map.setView([lat, lon], 15);
      },
    },
    [lat, lon, t],
  );

  return (
    <MapFrame
      container={container}
      status={status}
      className="meeting-map"
      label={t("meetings.page.mapLabel")}
      describedBy={describedBy}
      messages={{ idle: "meetings.page.mapNoScript", loading: "meetings.page.mapLoading", error: "meetings.page.mapError" }}
    />
  );
}
