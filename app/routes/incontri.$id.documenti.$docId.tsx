import type { LoaderFunctionArgs } from "@remix-run/node";
import { documentResponse, getDocument } from "~/domain/meetings/documents.server";
import { invariantFound } from "~/lib/http.server";

// /incontri/:id/documenti/:docId — downloads a meeting document (public, like the meeting page).
export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = Number(params.id);
  const docId = Number(params.docId);
  invariantFound(Number.isInteger(id) && id >= 1 && Number.isInteger(docId) && docId >= 1, request, "errors.notFound.document");
  const doc = await getDocument(id, docId);
  invariantFound(doc, request, "errors.notFound.document");
  return documentResponse(doc);
}
