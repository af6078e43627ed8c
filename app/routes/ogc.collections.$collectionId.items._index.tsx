import type { LoaderFunctionArgs } from "@remix-run/node";
import { GEOJSON_TYPE, items, ogcHandle, ogcResponse } from "~/domain/ogc/ogc.server";

// Resource route: GET /ogc/collections/{collectionId}/items — bbox, limit, offset, datetime, and for
// `contributi` the filters of /contributi; unknown parameters get a 400 (decision 13).
export async function loader({ request, params }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  return ogcHandle(() => ogcResponse(items(params.collectionId ?? "", url), { type: GEOJSON_TYPE }));
}
