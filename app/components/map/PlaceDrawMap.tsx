import { useId, useRef, useState, type KeyboardEvent } from "react";
import type * as Leaflet from "leaflet";
import type { Feature, FeatureCollection, Geometry } from "geojson";
import { useT } from "~/i18n/react";
import type { MessageKey } from "~/i18n";
import { MapFrame } from "./MapFrame";
import { escapeHtml, fetchGeoJson, useLeafletMap, type ComuneProps, type MapBounds } from "./useLeafletMap";
import { zoneColor } from "./zoneColors";

type Props = {
  /** URL of the FeatureCollection of the comuni (drawn as the map's background, so it works without tiles). */
  dataUrl: string;
  /** Tile URL template; empty: boundaries only. */
  tileUrl: string;
  /** [[south, west], [north, east]] of the metropolitan area. */
  bounds: MapBounds | null;
  /** Name of the hidden input that carries the drawn geometry (GeoJSON) with the form. */
  name: string;
  /** The geometry already drawn (GeoJSON text), e.g. from the saved draft. */
  defaultValue: string;
  /** id of an element describing the map (e.g. where the list alternative is). */
  describedBy?: string;
};

type Mode = "none" | "point" | "line" | "polygon";
type Shape = "Point" | "LineString" | "Polygon";

const SHAPE_OF: Record<Exclude<Mode, "none">, "CircleMarker" | "Line" | "Polygon"> = { point: "CircleMarker", line: "Line", polygon: "Polygon" };
const DRAWN_STYLE = { color: "#003366", weight: 3, fillColor: "#0066cc", fillOpacity: 0.25 };
const POINT_STYLE = { radius: 9, color: "#ffffff", weight: 3, fillColor: "#003366", fillOpacity: 1 };

/** Six decimals (about 10 cm) are plenty and keep the posted text small. */
function rounded(geometry: Geometry): Geometry {
  const r = (n: number) => Math.round(n * 1e6) / 1e6;
  const pos = (p: number[]) => [r(p[0]), r(p[1])];
  if (geometry.type === "Point") return { type: "Point", coordinates: pos(geometry.coordinates) };
  if (geometry.type === "LineString") return { type: "LineString", coordinates: geometry.coordinates.map(pos) };
  if (geometry.type === "Polygon") return { type: "Polygon", coordinates: geometry.coordinates.map((ring) => ring.map(pos)) };
  return geometry;
}

function shapeOf(text: string): Shape | null {
  try {
    const g = JSON.parse(text) as { type?: string };
    return g.type === "Point" || g.type === "LineString" || g.type === "Polygon" ? g.type : null;
  } catch {
    return null;
  }
}

const SHAPE_LABEL: Record<Shape, MessageKey> = {
  Point: "contributions.placeKind.point",
  LineString: "contributions.placeKind.line",
  Polygon: "contributions.placeKind.polygon",
};

/**
 * A map to place a contribution: click a point, draw a line or an area (one at a time; its
 * vertices can then be moved), or find a comune by name to go there. Leaflet and the drawing
 * plugin (Geoman) are loaded here, after hydration, only on the page that shows this map; the
 * route adds their stylesheets. The geometry travels in a hidden input, so the surrounding form
 * posts it like any other field. Without JavaScript the page offers the list of comuni instead.
 */
export function PlaceDrawMap({ dataUrl, tileUrl, bounds, name, defaultValue, describedBy }: Props) {
  const t = useT();
  const uid = useId();
  const [mode, setMode] = useState<Mode>("none");
  const [geometry, setGeometry] = useState(defaultValue);
  const [search, setSearch] = useState("");
  const [searchMessage, setSearchMessage] = useState("");
  const [names, setNames] = useState<string[]>([]);
  const api = useRef<{
    draw: (mode: Mode) => void;
    clear: () => void;
    goTo: (name: string) => boolean;
  } | null>(null);
  const initial = useRef({ bounds, defaultValue });

  const { container, status } = useLeafletMap(
    {
      tileUrl,
      mapOptions: { zoomSnap: 0.25 },
      zoomTitles: { in: "contributions.map.zoomIn", out: "contributions.map.zoomOut" },
      load: () => fetchGeoJson<FeatureCollection<Geometry, ComuneProps>>(dataUrl),
      prepare: async (L) => {
        // Geoman extends the global `L` when it is evaluated (and is downloaded only with this map).
        (window as unknown as { L: typeof Leaflet }).L = L;
        await import("@geoman-io/leaflet-geoman-free");
      },
      setup: ({ L, map: m, data, el, onCleanup }) => {
        onCleanup(() => {
          api.current = null;
        });
        const byName = new Map<string, Leaflet.Layer & { getBounds(): Leaflet.LatLngBounds }>();
        const boundaries = L.geoJSON(data, {
          attribution: escapeHtml(t("footer.boundaries")),
          pmIgnore: true,
          style: (f) => ({
            color: "#ffffff",
            weight: 1,
            fillColor: zoneColor((f as Feature<Geometry, ComuneProps>).properties.zoneId),
            fillOpacity: tileUrl ? 0.35 : 0.6,
            className: `comune comune-${(f as Feature<Geometry, ComuneProps>).properties.istat}`,
          }),
          onEachFeature: (f: Feature<Geometry, ComuneProps>, layer) => {
            layer.bindTooltip(escapeHtml(f.properties.name), { sticky: true });
            byName.set(f.properties.name.toLocaleLowerCase("it"), layer as Leaflet.Layer & { getBounds(): Leaflet.LatLngBounds });
          },
        } as Leaflet.GeoJSONOptions & { pmIgnore: boolean }).addTo(m);
        setNames([...data.features.map((f) => f.properties.name)].sort((a, b) => a.localeCompare(b, "it")));

        m.pm.setLang(document.documentElement.lang === "en" ? "en" : "it");
        m.pm.setGlobalOptions({ allowSelfIntersection: false, continueDrawing: false, finishOnEnter: true, pathOptions: DRAWN_STYLE, templineStyle: { color: "#b30012" }, hintlineStyle: { color: "#b30012", dashArray: [5, 5] } } as never);

        let drawn: Leaflet.Layer | null = null;
        const write = (layer: Leaflet.Layer | null) => {
          const value = layer ? JSON.stringify(rounded((layer as unknown as { toGeoJSON(): Feature }).toGeoJSON().geometry)) : "";
          setGeometry(value);
        };
        const keep = (layer: Leaflet.Layer) => {
          if (drawn && drawn !== layer) m.removeLayer(drawn);
          drawn = layer;
          (layer as Leaflet.Path).pm?.enable({ allowSelfIntersection: false } as never);
          layer.on("pm:edit pm:dragend", () => write(layer));
          write(layer);
        };

        // A view first: Leaflet draws no layer on a map without one.
        const { bounds: frame } = initial.current;
        const whole = frame ? L.latLngBounds(frame) : boundaries.getBounds();
        m.fitBounds(whole, { padding: [8, 8] });
        m.setMaxBounds(whole.pad(0.5));

        // The geometry already there (a draft, or a refused submission being corrected).
        const start = initial.current.defaultValue;
        if (start && shapeOf(start)) {
          try {
            const g = JSON.parse(start) as Geometry;
            const layer =
              g.type === "Point"
                ? L.circleMarker([g.coordinates[1], g.coordinates[0]], POINT_STYLE)
                : L.geoJSON(g, { style: () => DRAWN_STYLE }).getLayers()[0];
            if (layer) {
              layer.addTo(m);
              keep(layer);
            }
          } catch {
            // an unreadable draft geometry: start from nothing (the server will say why if it is posted)
          }
        }

        m.on("pm:create", (e: { layer: Leaflet.Layer; shape: string }) => {
          if (e.shape === "CircleMarker") (e.layer as Leaflet.CircleMarker).setStyle(POINT_STYLE);
          keep(e.layer);
        });
        m.on("pm:drawend", () => setMode("none"));

        api.current = {
          draw(next) {
            m.pm.disableDraw();
            if (next === "none") return setMode("none");
            m.pm.enableDraw(SHAPE_OF[next], next === "point" ? ({ pathOptions: POINT_STYLE, templineStyle: POINT_STYLE } as never) : undefined);
            setMode(next);
          },
          clear() {
            m.pm.disableDraw();
            if (drawn) m.removeLayer(drawn);
            drawn = null;
            write(null);
            setMode("none");
          },
          goTo(name) {
            const layer = byName.get(name.trim().toLocaleLowerCase("it"));
            if (!layer) return false;
            m.fitBounds(layer.getBounds(), { padding: [24, 24] });
            return true;
          },
        };

        // For tests and scripts: the geographic frame currently shown, as "west,south,east,north".
        const frameToData = () => {
          const b = m.getBounds();
          el.dataset.bounds = [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()].join(",");
        };
        m.on("moveend zoomend resize", frameToData);

        const drawnBounds = drawn && "getBounds" in drawn ? (drawn as Leaflet.Polygon).getBounds() : null;
        const drawnPoint = drawn && "getLatLng" in drawn ? (drawn as Leaflet.CircleMarker).getLatLng() : null;
        if (drawnBounds?.isValid()) m.fitBounds(drawnBounds, { padding: [40, 40], maxZoom: 15 });
        else if (drawnPoint) m.setView(drawnPoint, 13);
        frameToData();
      },
    },
    [dataUrl, t],
  );

  const shape = geometry ? shapeOf(geometry) : null;
  const hint = t(`contributions.map.hint.${mode}` as MessageKey);
  const toolButton = (m: Exclude<Mode, "none">) => (
    <button type="button" className={`btn btn-small ${mode === m ? "" : "btn-outline"}`} aria-pressed={mode === m} onClick={() => api.current?.draw(mode === m ? "none" : m)}>
      {t(`contributions.map.${m}` as MessageKey)}
    </button>
  );
  const onSearchKey = (e: KeyboardEvent<HTMLInputElement>) => {
    // Enter searches; it must not submit the step's form.
    if (e.key !== "Enter") return;
    e.preventDefault();
    setSearchMessage(api.current?.goTo(search) ? "" : t("contributions.map.searchNotFound"));
  };

  return (
    <div className="draw-map">
      {status === "ready" ? (
        <>
          <div className="draw-tools" role="group" aria-label={t("contributions.map.tools")}>
            {toolButton("point")}
            {toolButton("line")}
            {toolButton("polygon")}
            <button type="button" className="btn btn-small btn-outline" onClick={() => api.current?.clear()} disabled={!geometry}>
              {t("contributions.map.clear")}
            </button>
          </div>
          <p className="draw-hint" id={`${uid}-hint`} aria-live="polite">
            {hint}
          </p>
          <div className="field draw-search">
            <label htmlFor={`${uid}-search`}>{t("contributions.map.searchLabel")}</label>
            <p className="hint" id={`${uid}-search-hint`}>
              {t("contributions.map.searchHint")}
            </p>
            <input
              id={`${uid}-search`}
              type="search"
              list={`${uid}-names`}
              autoComplete="off"
              value={search}
              aria-describedby={`${uid}-search-hint${searchMessage ? ` ${uid}-search-msg` : ""}`}
              onKeyDown={onSearchKey}
              onChange={(e) => {
                const value = e.target.value;
                setSearch(value);
                // Choosing a name from the datalist goes there at once.
                if (api.current?.goTo(value)) setSearchMessage("");
              }}
            />
            <datalist id={`${uid}-names`}>
              {names.map((n) => (
                <option key={n} value={n} />
              ))}
            </datalist>
            {searchMessage ? (
              <p className="error" id={`${uid}-search-msg`} role="status">
                {searchMessage}
              </p>
            ) : null}
          </div>
        </>
      ) : null}
      <MapFrame
        container={container}
        status={status}
        className="draw-map-canvas"
        label={t("contributions.map.label")}
        describedBy={[describedBy, status === "ready" ? `${uid}-hint` : null].filter(Boolean).join(" ") || undefined}
        messages={{ idle: "contributions.map.noScript", loading: "contributions.map.loading", error: "contributions.map.loadError" }}
        data={{ "data-mode": mode }}
      />
      <input type="hidden" name={name} value={geometry} readOnly />
      <p className="draw-status" aria-live="polite">
        {shape ? t("contributions.map.drawn", { what: t(SHAPE_LABEL[shape]) }) : t("contributions.map.nothingDrawn")}
      </p>
    </div>
  );
}
