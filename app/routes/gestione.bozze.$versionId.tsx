import type { LoaderFunctionArgs } from "@remix-run/node";
import { Outlet } from "@remix-run/react";
import { requirePermission } from "~/domain/accounts/session.server";
import { getVersion } from "~/domain/drafts/versions.server";
import type { RouteHandle } from "~/lib/breadcrumb";
import { invariantFound } from "~/lib/http.server";

// Layout of one version in the editor: its breadcrumb step. Children check permissions on their own too.
type Data = { crumb: string } | undefined;
export const handle: RouteHandle = { breadcrumb: { label: (d) => (d as Data)?.crumb ?? "—" } };

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "draft.manage");
  const version = getVersion(Number(params.versionId));
  invariantFound(version, request, "errors.notFound.version");
  return { crumb: `${version.strategyCode} · ${version.label}` };
}

export default function StaffVersionLayout() {
  return <Outlet />;
}
