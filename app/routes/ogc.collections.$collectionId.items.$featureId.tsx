import type { LoaderFunctionArgs } from "@remix-run/node";
import { GEOJSON_TYPE, item, ogcHandle, ogcResponse } from "~/domain/ogc/ogc.server";

// Resource route: GET /ogc/collections/{collectionId}/items/{featureId}, one feature (404 JSON when unknown).
export async function loader({ request, params }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  return ogcHandle(() => ogcResponse(item(params.collectionId ?? "", params.featureId ?? "", url), { type: GEOJSON_TYPE }));
}
