import type { LinksFunction } from "@remix-run/node";
import { Outlet } from "@remix-run/react";
import type { RouteHandle } from "~/lib/breadcrumb";
import meetingsCss from "~/styles/meetings.css";

// Layout of the staff meeting pages. Every child loader and action checks "meeting.manage" on its own.
export const links: LinksFunction = () => [{ rel: "stylesheet", href: meetingsCss }];
export const handle: RouteHandle = { breadcrumb: { key: "meetings.staff.title" } };

export default function StaffMeetingsLayout() {
  return <Outlet />;
}
