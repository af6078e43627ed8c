import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Outlet } from "@remix-run/react";
import { getStrategy } from "~/domain/plan/plan.server";
import { translator } from "~/i18n";
import type { RouteHandle } from "~/lib/breadcrumb";
import { invariantFound } from "~/lib/http.server";
import { getLang } from "~/lib/lang.server";
import draftStyles from "~/styles/drafts.css";

// Layout of /strategie/:code/bozze/*: the STTM's drafts. The breadcrumb step leads back to the list of versions.
type Data = { crumb: string } | undefined;
export const handle: RouteHandle = { breadcrumb: { label: (d) => (d as Data)?.crumb ?? "—" } };

export const links: LinksFunction = () => [{ rel: "stylesheet", href: draftStyles }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const strategy = await getStrategy(params.code ?? "");
  invariantFound(strategy, request, "errors.notFound.strategy");
  const t = translator(await getLang(request));
  return { crumb: t("drafts.crumb", { number: strategy.number }) };
}

export default function DraftsLayout() {
  return <Outlet />;
}
