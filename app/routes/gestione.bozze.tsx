import type { LinksFunction } from "@remix-run/node";
import { Outlet } from "@remix-run/react";
import type { RouteHandle } from "~/lib/breadcrumb";
import draftStyles from "~/styles/drafts.css";

// Layout of /gestione/bozze/*. Every child loader and action checks "draft.manage" on its own.
export const handle: RouteHandle = { breadcrumb: { key: "drafts.staff.title" } };

export const links: LinksFunction = () => [{ rel: "stylesheet", href: draftStyles }];

export default function StaffDraftsLayout() {
  return <Outlet />;
}
