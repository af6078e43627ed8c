import type { LoaderFunctionArgs } from "@remix-run/node";
import { checkOnlyFormat, collections, ogcHandle, ogcResponse } from "~/domain/ogc/ogc.server";

// Resource route: GET /ogc/collections, the collections (contributi, comuni, zone).
export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  return ogcHandle(async () => {
    checkOnlyFormat(url);
    return ogcResponse(await collections(url.origin));
  });
}
