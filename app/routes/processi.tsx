import type { LinksFunction } from "@remix-run/node";
import { Outlet } from "@remix-run/react";
import type { RouteHandle } from "~/lib/breadcrumb";
import planStyles from "~/styles/plan.css";
import processStyles from "~/styles/processes.css";

// Layout of /processi/*: the "Processi" breadcrumb step and the timeline styles.
export const handle: RouteHandle = { breadcrumb: { key: "processes.nav" } };

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: planStyles },
  { rel: "stylesheet", href: processStyles },
];

export default function ProcessesLayout() {
  return <Outlet />;
}
