import type { LinksFunction } from "@remix-run/node";
import { Outlet } from "@remix-run/react";
import type { RouteHandle } from "~/lib/breadcrumb";
import planStyles from "~/styles/plan.css";

// Layout of /strategie/*: the "Strategie (STTM)" breadcrumb step and the plan pages' styles.
export const handle: RouteHandle = { breadcrumb: { key: "nav.plan" } };

export const links: LinksFunction = () => [{ rel: "stylesheet", href: planStyles }];

export default function StrategiesLayout() {
  return <Outlet />;
}
