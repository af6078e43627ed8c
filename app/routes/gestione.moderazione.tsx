import type { LinksFunction } from "@remix-run/node";
import { Outlet } from "@remix-run/react";
import type { RouteHandle } from "~/lib/breadcrumb";
import moderationStyles from "~/styles/moderation.css";

// Layout of /gestione/moderazione/*. Every child loader and action checks "moderation.decide" on its own.
export const handle: RouteHandle = { breadcrumb: { key: "moderation.title" } };

export const links: LinksFunction = () => [{ rel: "stylesheet", href: moderationStyles }];

export default function ModerationLayout() {
  return <Outlet />;
}
