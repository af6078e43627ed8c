import type { LinksFunction } from "@remix-run/node";
import { Outlet } from "@remix-run/react";
import type { RouteHandle } from "~/lib/breadcrumb";
import meetingsCss from "~/styles/meetings.css";

// Layout of the public meeting pages: their stylesheet and the "Incontri" breadcrumb.
export const links: LinksFunction = () => [{ rel: "stylesheet", href: meetingsCss }];
export const handle: RouteHandle = { breadcrumb: { key: "meetings.title" } };

export default function MeetingsLayout() {
  return <Outlet />;
}
