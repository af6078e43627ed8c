import type { LinksFunction } from "@remix-run/node";
import { Outlet } from "@remix-run/react";
import type { RouteHandle } from "~/lib/breadcrumb";
import processStyles from "~/styles/processes.css";

// Layout of /gestione/processi/*. Every child loader and action checks "process.manage" on its own.
export const handle: RouteHandle = { breadcrumb: { key: "processes.staff.title" } };

export const links: LinksFunction = () => [{ rel: "stylesheet", href: processStyles }];

export default function StaffProcessesLayout() {
  return <Outlet />;
}
