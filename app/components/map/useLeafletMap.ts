import { useEffect, useRef, useState, type RefObject } from "react";
import type * as Leaflet from "leaflet";
import type { MessageKey, Translate } from "~/i18n";
import { useT } from "~/i18n/react";

// The one Leaflet setup of the site's maps. Leaflet touches `window` when imported, so it is
// imported here, after hydration, and only by pages that render a map: it stays out of the main
// bundle (its own chunk). Every map gets the same frame: our zoom buttons with translated titles,
// the attribution without Leaflet's English prefix, the tiles of MAP_TILE_URL when set (none:
// boundaries only), and is removed on unmount. Each map component adds its own layers in `setup`.

export type MapStatus = "idle" | "loading" | "ready" | "error";

/** [[south, west], [north, east]], as Leaflet takes a frame. */
export type MapBounds = [[number, number], [number, number]];

/** The properties of each comune served by /territorio/comuni.geojson. */
export type ComuneProps = { istat: string; name: string; zoneId: string; zoneName: string };

export type MapSetupContext<D> = {
  L: typeof Leaflet;
  map: Leaflet.Map;
  /** What `load` fetched, alongside Leaflet. */
  data: D;
  el: HTMLDivElement;
  t: Translate;
  /** Registers what to undo when the map goes (timers, requests), before the map is removed. */
  onCleanup: (fn: () => void) => void;
};

type Options<D> = {
  tileUrl: string;
  /** Leaflet's map options: zoom range (default 8–18), snapping, wheel. The controls are set here. */
  mapOptions?: Leaflet.MapOptions;
  zoomTitles: { in: MessageKey; out: MessageKey };
  /** Fetched while Leaflet downloads (e.g. the comuni GeoJSON); a failure is the map's error. */
  load?: () => Promise<D>;
  /** Runs once Leaflet is there and before the map is made, e.g. a plugin that extends the global `L`. */
  prepare?: (L: typeof Leaflet) => Promise<unknown>;
  /** Adds the map's own layers. When it resolves the map is ready (but see `readyAfterSetup`). */
  setup: (ctx: MapSetupContext<D>) => void | Promise<void>;
  /** false: the map says itself when it is ready (with `setStatus`, e.g. once its markers are fetched). Default true. */
  readyAfterSetup?: boolean;
};

/** Escapes text put into Leaflet's HTML strings (attributions, tooltips). */
export function escapeHtml(s: string) {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Fetches a GeoJSON document served by the site. */
export async function fetchGeoJson<T>(url: string): Promise<T> {
  const r = await fetch(url, { headers: { Accept: "application/geo+json" } });
  if (!r.ok) throw new Error(`GeoJSON: HTTP ${r.status}`);
  return (await r.json()) as T;
}

/**
 * Creates the map in the returned container once mounted, and again when `tileUrl` or one of
 * `deps` changes (the other options and `setup` are read as they are at that moment). Status:
 * "idle" until JavaScript runs (the server's render), then "loading", "ready" or "error".
 */
export function useLeafletMap<D = undefined>(
  options: Options<D>,
  deps: readonly unknown[],
): { container: RefObject<HTMLDivElement>; status: MapStatus; setStatus: (status: MapStatus) => void } {
  const container = useRef<HTMLDivElement>(null);
  const [status, setStatus] = useState<MapStatus>("idle");
  const t = useT();
  const latest = useRef({ options, t });
  latest.current = { options, t };
  const { tileUrl } = options;

  useEffect(() => {
    const el = container.current;
    if (!el) return;
    let cancelled = false;
    let map: Leaflet.Map | undefined;
    const cleanups: (() => void)[] = [];
    const { load, prepare } = latest.current.options;
    setStatus("loading");

    (async () => {
      try {
        const [mod, data] = await Promise.all([import("leaflet"), load ? load() : (undefined as D)]);
        // The dynamic import hands over the CommonJS module under `.default` ("L.map is not a function" otherwise).
        // eslint-disable-next-line @typescript-eslint/no-explicit-any
        const L = ((mod as any).default ?? mod) as typeof Leaflet;
        if (prepare) await prepare(L);
        if (cancelled) return;
        const { options: current, t: tr } = latest.current;

        map = L.map(el, { minZoom: 8, maxZoom: 18, ...current.mapOptions, zoomControl: false, attributionControl: false });
        L.control.zoom({ zoomInTitle: tr(current.zoomTitles.in), zoomOutTitle: tr(current.zoomTitles.out) }).addTo(map);
        // Leaflet's default prefix carries an English title; keep just the credit.
        L.control.attribution({ prefix: '<a href="https://leafletjs.com">Leaflet</a>' }).addTo(map);
        if (tileUrl) {
          L.tileLayer(tileUrl, {
            maxZoom: 19,
            attribution: `© <a href="https://www.openstreetmap.org/copyright">${escapeHtml(tr("territory.map.osmContributors"))}</a>`,
          }).addTo(map);
        }
        await current.setup({ L, map, data, el, t: tr, onCleanup: (fn) => cleanups.push(fn) });
        if (!cancelled && current.readyAfterSetup !== false) setStatus("ready");
      } catch (error) {
        if (cancelled) return;
        console.error(error);
        setStatus("error");
      }
    })();

    return () => {
      cancelled = true;
      for (const fn of cleanups) fn();
      map?.remove();
    };
    // `deps` are the caller's: what re-creates its map besides the tiles.
  }, [tileUrl, ...deps]);

  return { container, status, setStatus };
}
