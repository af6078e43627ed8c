import type { LoaderFunctionArgs } from "@remix-run/node";
import { checkOnlyFormat, conformance, ogcHandle, ogcResponse } from "~/domain/ogc/ogc.server";

// Resource route: GET /ogc/conformance, the conformance classes implemented.
export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  return ogcHandle(() => {
    checkOnlyFormat(url);
    return ogcResponse(conformance());
  });
}
