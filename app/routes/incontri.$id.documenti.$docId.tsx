import type { LoaderFunctionArgs } from "@remix-run/node";
import { documentResponse, getDocument } from "~/domain/meetings/documents.server";
import { notFound } from "~/lib/http.server";

// /incontri/:id/documenti/:docId — downloads a meeting document (public, like the meeting page).
export async function loader({ params }: LoaderFunctionArgs) {
  const id = Number(params.id);
  const docId = Number(params.docId);
  if (!Number.isInteger(id) || id < 1 || !Number.isInteger(docId) || docId < 1) notFound("Documento non trovato");
  const doc = await getDocument(id, docId);
  if (!doc) notFound("Documento non trovato");
  return documentResponse(doc);
}
