import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requirePermission } from "~/domain/accounts/session.server";
import { meetingOptions } from "~/domain/meetings/meetings.server";
import { submitMeetingForm } from "~/domain/meetings/meeting-form.server";
import { MeetingForm } from "~/components/meetings/MeetingForm";
import { formatDate } from "~/i18n";
import { metaTranslator } from "~/i18n/meta";
import { useLang, useT } from "~/i18n/react";
import type { RouteHandle } from "~/lib/breadcrumb";
import { invariantFound } from "~/lib/http.server";

export const handle: RouteHandle = { breadcrumb: { key: "meetings.staff.new" } };
export const meta: MetaFunction = ({ matches }) => [{ title: `${metaTranslator(matches)("meetings.staff.newTitle")} — Concerta` }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "meeting.manage");
  return { options: await meetingOptions() };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "meeting.manage");
  const outcome = await submitMeetingForm(user.id, await request.formData(), null);
  invariantFound(outcome, request, "errors.notFound.meeting");
  if (!outcome.ok) return data({ values: outcome.values, errors: outcome.errors, issues: outcome.issues }, { status: outcome.status });
  return redirect(`/gestione/incontri/${outcome.id}?ok=created`);
}

export default function NewMeeting() {
  const { options } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const lang = useLang();
  const defaults = { processId: String(options.processes[0]?.id ?? ""), strategyCodes: [] as string[] };
  return (
    <>
      <h1 id="meeting-form-title">{t("meetings.staff.newTitle")}</h1>
      <div className="form">
        <MeetingForm
          t={t}
          values={result?.values ?? defaults}
          errors={result?.errors ?? {}}
          issues={result?.issues}
          options={options}
          submitLabel={t("meetings.form.create")}
          formatDay={(iso) => formatDate(lang, `${iso}T12:00:00Z`)}
        />
      </div>
    </>
  );
}
