import { Outlet } from "@remix-run/react";
import type { RouteHandle } from "~/lib/breadcrumb";

// Layout of /account/*: gives the breadcrumb its "Il mio account" step. Each child checks the session itself.
export const handle: RouteHandle = { breadcrumb: { key: "account.title" } };

export default function AccountLayout() {
  return <Outlet />;
}
