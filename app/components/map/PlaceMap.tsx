import type { Geometry } from "geojson";
import { useT } from "~/i18n/react";
import { MapFrame } from "./MapFrame";
import { escapeHtml, useLeafletMap } from "./useLeafletMap";

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

/**
 * The place of one contribution on a small map: its point, line or area, or the outlines of the
 * comuni it names. Browser-only (Leaflet imported after hydration); the comuni and zones listed on
 * the page say the same in words.
 */
export function PlaceMap({ geometry, outlines, outlinesArePlace, tileUrl, describedBy }: Props) {
  const t = useT();
  // The map is made again only when the place itself changes, not the identity of its props.
  const key = JSON.stringify(geometry) + outlines.map((o) => o.istat).join(",");
  const { container, status } = useLeafletMap(
    {
      tileUrl,
      mapOptions: { scrollWheelZoom: false },
      zoomTitles: { in: "territory.map.zoomIn", out: "territory.map.zoomOut" },
      setup: ({ L, map, t: tr }) => {
        const style = { color: "#b30012", weight: 3, fillColor: "#b30012", fillOpacity: 0.2 };
        const group = L.featureGroup().addTo(map);
        const context = L.featureGroup().addTo(map);
        if (outlines.length > 0) {
          L.geoJSON(
            {
              type: "FeatureCollection",
              features: outlines.map((x) => ({ type: "Feature", properties: { name: x.name }, geometry: x.geometry })),
            } as GeoJSON.FeatureCollection,
            {
              attribution: escapeHtml(tr("footer.boundaries")),
              interactive: false,
              // The place itself (whole comuni), or a dashed outline giving its context.
              style: outlinesArePlace ? { ...style, weight: 2 } : { color: "#5c6f82", weight: 1.5, dashArray: "4 4", fill: false },
            }
          ).addTo(outlinesArePlace ? group : context);
        }
        if (geometry) {
          L.geoJSON(geometry as GeoJSON.GeoJsonObject, {
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
          if (geometry?.type === "Point") map.setView(b.getCenter(), 15);
          else map.fitBounds(b, { padding: [16, 16], maxZoom: 16 });
        } else {
          map.setView([45.46, 9.19], 10);
        }
      },
    },
    [key],
  );

  return (
    <MapFrame
      container={container}
      status={status}
      className="place-map"
      label={t("browse.page.mapLabel")}
      describedBy={describedBy}
      messages={{ idle: "browse.page.mapNoScript", loading: "browse.map.loading", error: "browse.page.mapError" }}
    />
  );
}
