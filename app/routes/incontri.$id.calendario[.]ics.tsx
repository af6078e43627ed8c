import type { LoaderFunctionArgs } from "@remix-run/node";
import { getMeeting } from "~/domain/meetings/meetings.server";
import { icsResponse, meetingIcs, siteOrigin } from "~/domain/meetings/calendar.server";
import { invariantFound } from "~/lib/http.server";

// /incontri/:id/calendario.ics — the meeting as an iCalendar file (times in UTC: right in every zone).
export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = Number(params.id);
  const meeting = Number.isInteger(id) && id > 0 ? await getMeeting(id) : undefined;
  invariantFound(meeting, request, "errors.notFound.meeting");
  return icsResponse(meetingIcs(meeting, siteOrigin(request)), `incontro-${meeting.id}.ics`);
}
