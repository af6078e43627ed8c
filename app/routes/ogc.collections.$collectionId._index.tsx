import type { LoaderFunctionArgs } from "@remix-run/node";
import { checkOnlyFormat, collection, ogcHandle, ogcResponse } from "~/domain/ogc/ogc.server";

// Resource route: GET /ogc/collections/{collectionId}, one collection's description (404 JSON when unknown).
export async function loader({ request, params }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  return ogcHandle(async () => {
    const body = await collection(params.collectionId ?? "", url.origin);
    checkOnlyFormat(url);
    return ogcResponse(body);
  });
}
