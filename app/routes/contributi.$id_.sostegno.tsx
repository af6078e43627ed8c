import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { requirePermission } from "~/domain/accounts/session.server";
import { ContributionError } from "~/domain/contributions/contributions.server";
import { cosignContribution, supportContribution, uncosignContribution, unsupportContribution } from "~/domain/contributions/supports.server";
import { DomainError } from "~/lib/domain-error";
import { invariantFound } from "~/lib/http.server";

// POST /contributi/:id/sostegno — "sostengo" and organization co-signatures, posted by the
// contribution page (intent support | unsupport | cosign | uncosign, organizationId for the last two).
// Always answers with a redirect back to /contributi/:id, with ?sostegno=<outcome> (a catalogue
// key suffix the page shows: done.<intent> or the refusal); anonymous → log in, then back to the page.

const INTENTS = ["support", "unsupport", "cosign", "uncosign"] as const;
type Intent = (typeof INTENTS)[number];

function idOf(request: Request, params: LoaderFunctionArgs["params"]) {
  const id = Number(params.id);
  invariantFound(Number.isInteger(id) && id > 0, request, "errors.notFound.contribution");
  return id;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  throw redirect(`/contributi/${idOf(request, params)}`);
}

export async function action({ request, params }: ActionFunctionArgs) {
  const id = idOf(request, params);
  const page = `/contributi/${id}`;
  // The log-in comes back to the contribution's page (a GET), not to this action.
  const user = await requirePermission(new Request(new URL(page, request.url), { headers: request.headers }), "contribution.support");
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "") as Intent;
  if (!INTENTS.includes(intent)) return redirect(`${page}?sostegno=errors.unknownIntent#sostegno`, { status: 303 });
  const organizationId = Number(form.get("organizationId"));
  try {
    if (intent === "support") await supportContribution(user.id, id);
    else if (intent === "unsupport") await unsupportContribution(user.id, id);
    else {
      if (!Number.isInteger(organizationId) || organizationId <= 0) throw new ContributionError("contributions.error.notMember", 403, { field: "organizationId" });
      if (intent === "cosign") await cosignContribution(user.id, id, organizationId);
      else await uncosignContribution(user.id, id, organizationId);
    }
    return redirect(`${page}?sostegno=contributions.support.done.${intent}#sostegno`, { status: 303 });
  } catch (error) {
    if (error instanceof DomainError) {
      invariantFound(error.status !== 404, request, "errors.notFound.contribution");
      return redirect(`${page}?sostegno=${error.key}#sostegno`, { status: 303 });
    }
    throw error;
  }
}
