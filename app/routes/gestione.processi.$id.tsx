import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation, useSearchParams } from "@remix-run/react";
import { Art7bisIssueList } from "~/components/processes/Art7bisIssues";
import { PhaseDates } from "~/components/processes/PhaseDates";
import { PhaseFields } from "~/components/processes/PhaseFields";
import { ProcessForm, type FormValues } from "~/components/processes/ProcessForm";
import { requirePermission } from "~/domain/accounts/session.server";
import { listStrategies } from "~/domain/plan/plan.server";
import type { Art7bisIssue } from "~/domain/processes/art7bis";
import {
  addPhase,
  art7bisIssuesFor,
  deletePhase,
  getProcessById,
  movePhase,
  updatePhase,
  updateProcess,
} from "~/domain/processes/processes.server";
import { movePhaseSchema, phaseFormSchema, phaseRefSchema, processFormSchema, processInputFrom } from "~/domain/processes/schemas";
import { formError, invariantFound } from "~/lib/http.server";
import { formValues, parseForm } from "~/lib/forms";
import { translateLoose, type MessageKey } from "~/i18n";
import { metaTranslator } from "~/i18n/meta";
import { useLang, useT } from "~/i18n/react";
import type { RouteHandle } from "~/lib/breadcrumb";

type Data = { process?: { title: string } } | undefined;
export const handle: RouteHandle = { breadcrumb: { label: (d) => (d as Data)?.process?.title ?? "—" } };
export const meta: MetaFunction = ({ matches }) => [{ title: metaTranslator(matches)("processes.staff.editMetaTitle") }];

function processIdOf(request: Request, param: string | undefined) {
  const id = Number(param);
  invariantFound(Number.isInteger(id) && id > 0, request, "errors.notFound.process");
  return id;
}

async function strategyOptions() {
  return (await listStrategies()).map(({ code, number, title }) => ({ code, number, title }));
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "process.manage");
  const process = await getProcessById(processIdOf(request, params.id));
  invariantFound(process, request, "errors.notFound.process");
  return {
    process: {
      id: process.id,
      slug: process.slug,
      title: process.title,
      status: process.status,
      form: {
        title: process.title,
        description: process.description,
        status: process.status,
        draftPublicDate: process.draftPublicDate ?? "",
        plannedAdoptionDate: process.plannedAdoptionDate ?? "",
        strategies: process.strategies.map((s) => s.code),
        moderationMode: process.moderationMode,
        flagThreshold: String(process.flagThreshold),
      } satisfies FormValues,
    },
    phases: process.phases.map((p) => ({
      id: p.id,
      title: p.title,
      kind: p.kind,
      description: p.description,
      startDate: p.startDate,
      endDate: p.endDate,
      precision: p.precision,
    })),
    // Stored dates that break art. 7bis (e.g. a conferenza istruttoria moved by the meetings page).
    storedIssues: art7bisIssuesFor(process.id),
    strategies: await strategyOptions(),
  };
}

const OK_MESSAGES = {
  created: "processes.staff.ok.created",
  saved: "processes.staff.ok.saved",
  phaseAdded: "processes.staff.ok.phaseAdded",
  phaseSaved: "processes.staff.ok.phaseSaved",
  phaseDeleted: "processes.staff.ok.phaseDeleted",
  phaseMoved: "processes.staff.ok.phaseMoved",
} as const satisfies Record<string, MessageKey>;

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "process.manage");
  const processId = processIdOf(request, params.id);
  invariantFound(await getProcessById(processId), request, "errors.notFound.process");
  const values = formValues(await request.formData());
  const done = (ok: keyof typeof OK_MESSAGES) => redirect(`/gestione/processi/${processId}?ok=${ok}`);
  const phaseGone = () => formError(values, { form: "errors.phase.notFound" }, 404);

  switch (values.intent) {
    case "process": {
      const strategies = await strategyOptions();
      const parsed = parseForm(processFormSchema(strategies.map((s) => s.code)), values);
      if (!parsed.success) return formError(values, parsed.errors);
      const result = await updateProcess(user.id, processId, processInputFrom(parsed.data), { confirm: parsed.data.confirmArt7bis === "on" });
      invariantFound(result, request, "errors.notFound.process");
      if (result.status === "needsConfirmation") {
        // Warn and ask to confirm (docs/decisions/0005): 409 with the form as typed, the box left unticked.
        const { confirmArt7bis: _c, ...kept } = values;
        return data({ ok: false as const, values: kept, errors: {}, issues: result.issues }, { status: 409 });
      }
      return done("saved");
    }
    case "addPhase": {
      const parsed = parseForm(phaseFormSchema, values);
      if (!parsed.success) return formError(values, parsed.errors);
      const added = await addPhase(user.id, processId, parsed.data);
      invariantFound(added !== null, request, "errors.notFound.process");
      return done("phaseAdded");
    }
    case "updatePhase": {
      const ref = phaseRefSchema.safeParse(values);
      if (!ref.success) return formError(values, { form: "errors.invalid" });
      const parsed = parseForm(phaseFormSchema, values);
      if (!parsed.success) return formError(values, parsed.errors);
      if (!(await updatePhase(user.id, processId, ref.data.phaseId, parsed.data))) return phaseGone();
      return done("phaseSaved");
    }
    case "deletePhase": {
      const ref = phaseRefSchema.safeParse(values);
      if (!ref.success) return formError(values, { form: "errors.invalid" });
      if (!(await deletePhase(user.id, processId, ref.data.phaseId))) return phaseGone();
      return done("phaseDeleted");
    }
    case "movePhase": {
      const parsed = parseForm(movePhaseSchema, values);
      if (!parsed.success) return formError(values, { form: "errors.invalid" });
      if (!(await movePhase(user.id, processId, parsed.data.phaseId, parsed.data.direction))) return phaseGone();
      return done("phaseMoved");
    }
    default:
      return formError(values, { form: "errors.unknownIntent" });
  }
}

type ActionResult = { values: FormValues; errors: Record<string, string>; issues?: Art7bisIssue[] } | undefined;

export default function EditProcess() {
  const { process, phases, storedIssues, strategies } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult;
  const t = useT();
  const lang = useLang();
  const location = useLocation();
  const [params] = useSearchParams();
  const ok = params.get("ok");
  const okMessage = ok && ok in OK_MESSAGES ? OK_MESSAGES[ok as keyof typeof OK_MESSAGES] : null;
  const intent = result?.values.intent;
  const errors = result?.errors ?? {};
  // Each form gets back what was typed when it failed; the others show the stored data.
  const forPhase = (phaseId: number | "new") =>
    result && (phaseId === "new" ? intent === "addPhase" : intent === "updatePhase" && result.values.phaseId === String(phaseId)) ? result : null;
  const added = forPhase("new");
  const contentLang = lang === "it" ? undefined : "it";

  return (
    <>
      <p className="kicker">{t("processes.staff.editKicker")}</p>
      <h1 lang={contentLang}>{process.title}</h1>
      <p>
        <Link to={`/processi/${process.slug}`}>{t("processes.staff.viewPublic")}</Link>
      </p>
      {okMessage && !result ? (
        <div className="alert alert-success" role="status">
          {t(okMessage)}
        </div>
      ) : null}
      {errors.form ? (
        <div className="alert alert-danger" role="alert">
          {translateLoose(t, errors.form)}
        </div>
      ) : null}

      <section aria-labelledby="process-section" className="editor-section">
        <h2 id="process-section">{t("processes.staff.processSection")}</h2>
        {storedIssues.length > 0 && !result?.issues ? (
          <div className="alert alert-warning" role="note">
            <p>
              <strong>{t("processes.rulesNotMet")}</strong>
            </p>
            <Art7bisIssueList issues={storedIssues} t={t} lang={lang} mood="indicative" />
          </div>
        ) : null}
        <ProcessForm
          key={intent === "process" ? location.key : "stored"}
          t={t}
          lang={lang}
          strategies={strategies}
          values={intent === "process" ? result!.values : process.form}
          errors={intent === "process" ? errors : {}}
          issues={intent === "process" ? (result?.issues ?? []) : []}
          submitLabel={t("processes.form.save")}
        />
      </section>

      <section aria-labelledby="phases-section" className="editor-section">
        <h2 id="phases-section">{t("processes.phases.title")}</h2>
        <p>{t("processes.phases.intro")}</p>
        {phases.length === 0 ? (
          <p>{t("processes.phases.empty")}</p>
        ) : (
          <ol className="phase-editor" aria-label={t("processes.phases.listLabel")}>
            {phases.map((p, i) => {
              const failed = forPhase(p.id);
              // Repeated buttons say which phase they act on (visually the card says it).
              const name = <span className="visually-hidden"> ({p.title})</span>;
              return (
                <li key={p.id} id={`fase-${p.id}`}>
                  <h3 lang={contentLang}>
                    {i + 1}. {p.title}
                  </h3>
                  <p className="milestone-when">
                    <PhaseDates phase={p} lang={lang} />
                    {p.kind ? <span className="muted"> · {t(`processes.kind.${p.kind}` as MessageKey)}</span> : null}
                  </p>
                  <div className="actions" role="group" aria-label={t("processes.phases.actionsLabel", { n: i + 1, title: p.title })}>
                    {i > 0 ? (
                      <Form method="post">
                        <input type="hidden" name="intent" value="movePhase" />
                        <input type="hidden" name="phaseId" value={p.id} />
                        <button type="submit" name="direction" value="up" className="btn btn-outline btn-small">
                          {t("processes.phases.moveUp")}
                          {name}
                        </button>
                      </Form>
                    ) : null}
                    {i < phases.length - 1 ? (
                      <Form method="post">
                        <input type="hidden" name="intent" value="movePhase" />
                        <input type="hidden" name="phaseId" value={p.id} />
                        <button type="submit" name="direction" value="down" className="btn btn-outline btn-small">
                          {t("processes.phases.moveDown")}
                          {name}
                        </button>
                      </Form>
                    ) : null}
                    <Form method="post">
                      <input type="hidden" name="intent" value="deletePhase" />
                      <input type="hidden" name="phaseId" value={p.id} />
                      <button type="submit" className="btn btn-danger btn-small">
                        {t("processes.phases.delete")}
                        {name}
                      </button>
                    </Form>
                  </div>
                  <details open={Boolean(failed)}>
                    <summary>
                      {t("processes.phases.edit")}
                      {name}
                    </summary>
                    <Form method="post" noValidate key={failed ? location.key : "stored"}>
                      <input type="hidden" name="intent" value="updatePhase" />
                      <input type="hidden" name="phaseId" value={p.id} />
                      <PhaseFields
                        t={t}
                        prefix={`phase-${p.id}`}
                        values={
                          failed
                            ? failed.values
                            : { title: p.title, kind: p.kind ?? "", description: p.description, startDate: p.startDate, endDate: p.endDate ?? "", precision: p.precision }
                        }
                        errors={failed ? failed.errors : {}}
                      />
                      <button type="submit" className="btn">
                        {t("processes.phases.save")}
                        {name}
                      </button>
                    </Form>
                  </details>
                </li>
              );
            })}
          </ol>
        )}

        <h3 id="add-phase">{t("processes.phases.add")}</h3>
        <Form method="post" noValidate className="form" aria-labelledby="add-phase" key={added ? location.key : `new-${phases.length}`}>
          <input type="hidden" name="intent" value="addPhase" />
          <PhaseFields t={t} prefix="phase-new" values={added ? added.values : {}} errors={added ? added.errors : {}} />
          <button type="submit" className="btn">
            {t("processes.phases.addSubmit")}
          </button>
        </Form>
      </section>
    </>
  );
}
