import type { LoaderFunctionArgs } from "@remix-run/node";
import { checkOnlyFormat, ogcHandle, ogcResponse, OPENAPI_TYPE } from "~/domain/ogc/ogc.server";
import { openApiDocument } from "~/domain/ogc/ogc-openapi.server";

// Resource route: GET /ogc/api, the OpenAPI 3.0 definition of the service (rel "service-desc").
export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  return ogcHandle(() => {
    checkOnlyFormat(url);
    return ogcResponse(openApiDocument(url.origin), { type: OPENAPI_TYPE });
  });
}
