import type { LoaderFunctionArgs } from "@remix-run/node";
import { Outlet, useLoaderData } from "@remix-run/react";
import { getMeeting } from "~/domain/meetings/meetings.server";
import { notFound } from "~/lib/http.server";

// The public meeting page. Its index child (incontri.$id._index.tsx) is the registration panel.
export async function loader({ params }: LoaderFunctionArgs) {
  const id = Number(params.id);
  const meeting = Number.isInteger(id) && id > 0 ? await getMeeting(id) : undefined;
  if (!meeting) notFound("Incontro non trovato");
  return { meeting: { id: meeting.id, title: meeting.title } };
}

export default function MeetingPage() {
  const { meeting } = useLoaderData<typeof loader>();
  return (
    <article>
      <h1>{meeting.title}</h1>
      <Outlet />
    </article>
  );
}
