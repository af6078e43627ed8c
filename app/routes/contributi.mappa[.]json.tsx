import type { LoaderFunctionArgs } from "@remix-run/node";
import { mapClusters, type Bbox } from "~/domain/contributions/clusters.server";
import { parseFilters, selectionOf } from "~/domain/contributions/filters";

// Resource route: GET /contributi/mappa.json?bbox=west,south,east,north&zoom=12&<the list's filters>
// → { zoom, total, clusters: [{ lon, lat, count }, { lon, lat, count: 1, id, kind, title }] }.
// Public, like the list. Clusters per viewport and zoom, never every point (clusters.server.ts).

function parseBbox(value: string | null): Bbox | null {
  if (!value) return null;
  const parts = value.split(",").map((p) => Number(p.trim()));
  if (parts.length !== 4 || parts.some((n) => !Number.isFinite(n))) return null;
  const [w, s, e, n] = parts;
  if (w < -180 || e > 180 || s < -90 || n > 90 || w >= e || s >= n) return null;
  return [w, s, e, n];
}

function json(body: unknown, status: number, cache: string) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": cache },
  });
}

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const bbox = parseBbox(url.searchParams.get("bbox"));
  const zoomParam = url.searchParams.get("zoom");
  const zoom = zoomParam ? Number(zoomParam) : NaN;
  if (!bbox || !Number.isFinite(zoom) || zoom < 0 || zoom > 22) {
    return json({ error: "Parametri non validi: servono bbox=ovest,sud,est,nord e zoom (0–22)." }, 400, "no-store");
  }
  const answer = mapClusters(selectionOf(parseFilters(url.searchParams)), bbox, zoom);
  // Short: a new contribution shows up on the map within a minute at worst.
  return json(answer, 200, "public, max-age=30");
}
