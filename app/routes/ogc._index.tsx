import type { LoaderFunctionArgs } from "@remix-run/node";
import { checkOnlyFormat, landingPage, ogcHandle, ogcResponse } from "~/domain/ogc/ogc.server";

// Resource route: GET /ogc, the landing page of the OGC API – Features service (decision 13).
export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  return ogcHandle(() => {
    checkOnlyFormat(url);
    return ogcResponse(landingPage(url.origin));
  });
}
