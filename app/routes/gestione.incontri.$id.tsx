import type { LoaderFunctionArgs } from "@remix-run/node";
import { Outlet } from "@remix-run/react";
import { requirePermission } from "~/domain/accounts/session.server";
import { getMeeting } from "~/domain/meetings/meetings.server";
import { invariantFound } from "~/lib/http.server";
import type { RouteHandle } from "~/lib/breadcrumb";

// Layout of one meeting's staff pages (edit, minutes): its title in the breadcrumb.
type Data = { meeting?: { title?: string } } | undefined;
export const handle: RouteHandle = { breadcrumb: { label: (data) => (data as Data)?.meeting?.title ?? "" } };

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "meeting.manage");
  const id = Number(params.id);
  const meeting = Number.isInteger(id) && id > 0 ? await getMeeting(id) : undefined;
  invariantFound(meeting, request, "errors.notFound.meeting");
  return { meeting: { id: meeting.id, title: meeting.title } };
}

export default function StaffMeetingLayout() {
  return <Outlet />;
}
