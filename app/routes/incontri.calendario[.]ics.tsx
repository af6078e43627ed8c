import { upcomingMeetings } from "~/domain/meetings/meetings.server";
import { feedIcs, icsResponse, siteOrigin } from "~/domain/meetings/calendar.server";
import type { LoaderFunctionArgs } from "@remix-run/node";

// /incontri/calendario.ics — every upcoming meeting, for calendar programs to subscribe to.
export async function loader({ request }: LoaderFunctionArgs) {
  return icsResponse(feedIcs(await upcomingMeetings(), siteOrigin(request)), "concerta-incontri.ics");
}
