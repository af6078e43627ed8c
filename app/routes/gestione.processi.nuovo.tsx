import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { ProcessForm } from "~/components/processes/ProcessForm";
import { requirePermission } from "~/domain/accounts/session.server";
import { listStrategies } from "~/domain/plan/plan.server";
import { createProcess } from "~/domain/processes/processes.server";
import { processFormSchema, processInputFrom } from "~/domain/processes/schemas";
import { formError } from "~/lib/http.server";
import { formValues, parseForm } from "~/lib/forms";
import { metaTranslator } from "~/i18n/meta";
import { useLang, useT } from "~/i18n/react";
import type { RouteHandle } from "~/lib/breadcrumb";

export const handle: RouteHandle = { breadcrumb: { key: "processes.staff.new" } };
export const meta: MetaFunction = ({ matches }) => [{ title: metaTranslator(matches)("processes.staff.newMetaTitle") }];

async function strategyOptions() {
  return (await listStrategies()).map(({ code, number, title }) => ({ code, number, title }));
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "process.manage");
  return { strategies: await strategyOptions() };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "process.manage");
  const values = formValues(await request.formData());
  const strategies = await strategyOptions();
  const parsed = parseForm(
    processFormSchema(strategies.map((s) => s.code)),
    values,
  );
  if (!parsed.success) return formError(values, parsed.errors);
  const result = await createProcess(user.id, processInputFrom(parsed.data), { confirm: parsed.data.confirmArt7bis === "on" });
  if (result.status === "needsConfirmation") {
    // Warn and ask to confirm (docs/decisions/0005): 409 with the form as typed, the box left unticked.
    const { confirmArt7bis: _c, ...kept } = values;
    return data({ ok: false as const, values: kept, errors: {}, issues: result.issues }, { status: 409 });
  }
  return redirect(`/gestione/processi/${result.id}?ok=created`);
}

export default function NewProcess() {
  const { strategies } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const lang = useLang();
  return (
    <>
      <h1>{t("processes.staff.new")}</h1>
      <ProcessForm
        t={t}
        lang={lang}
        strategies={strategies}
        values={result?.values ?? { status: "draft", moderationMode: "pre", flagThreshold: "3" }}
        errors={(result?.errors ?? {}) as Record<string, string>}
        issues={result && "issues" in result ? result.issues : []}
        submitLabel={t("processes.form.create")}
      />
    </>
  );
}
