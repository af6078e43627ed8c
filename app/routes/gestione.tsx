import { Outlet } from "@remix-run/react";
import type { RouteHandle } from "~/lib/breadcrumb";

// Layout of the staff area. Every child loader and action checks permissions on its own.
export const handle: RouteHandle = { breadcrumb: { key: "staff.title" } };

export default function StaffLayout() {
  return <Outlet />;
}
