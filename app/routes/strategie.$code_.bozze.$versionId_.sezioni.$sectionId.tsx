import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation, useSearchParams } from "@remix-run/react";
import { RichText } from "~/components/RichText";
import { AmendmentItem } from "~/components/participation/AmendmentItem";
import { CommentsSection } from "~/components/comments/CommentThread";
import { FormAlert, OnBehalfSelect, TextArea, type FormState, type Ui } from "~/components/participation/forms";
import { can } from "~/domain/accounts/permissions";
import { getUser, requirePermission, requireUser } from "~/domain/accounts/session.server";
import { organizationsRepresentedBy } from "~/domain/accounts/organizations.server";
import { formIdOf, participationActionSchema } from "~/domain/drafts/participation-form.server";
import { getSectionPage, ParticipationError, proposeAmendment, withdrawAmendment } from "~/domain/drafts/participation.server";
import { amendmentAnchor, MAX_AMENDMENT_LENGTH, MAX_RATIONALE_LENGTH, sectionPagePath } from "~/domain/drafts/participation";
import { commentThread, CommentError } from "~/domain/comments/comments.server";
import { commentAnchor, participationNotice } from "~/domain/comments/comments";
import { isCommentIntent, runCommentIntent } from "~/domain/comments/form.server";
import { decideOnPage, isPageDecision } from "~/domain/moderation/page-decisions.server";
import { ModerationError } from "~/domain/moderation/decide.server";
import { domainMessage } from "~/lib/domain-error";
import { deliverSoon } from "~/domain/notifications/outbox.server";
import { formatDate, translator, type MessageKey } from "~/i18n";
import { metaTranslator } from "~/i18n/meta";
import { useLang, useT } from "~/i18n/react";
import type { RouteHandle } from "~/lib/breadcrumb";
import { firstIssue, formValues } from "~/lib/forms";
import { invariantFound } from "~/lib/http.server";
import { getLang } from "~/lib/lang.server";
import participationStyles from "~/styles/participation.css";

// The page of one section of a draft version: its text, and the comments and amendments made on
// it in every version. Everything works without JavaScript (plain forms, <details> to open them).

type Data = { page: { version: { label: string }; section: { number: string } } } | undefined;

// The step after "Bozze STTM n" (the layout's): the version and the section, e.g. "v0.1 · § 2.3".
export const handle: RouteHandle = {
  breadcrumb: { label: (d) => ((d as Data)?.page ? `${(d as NonNullable<Data>).page.version.label} · § ${(d as NonNullable<Data>).page.section.number}` : "§") },
};

export const links: LinksFunction = () => [{ rel: "stylesheet", href: participationStyles }];

export const meta: MetaFunction<typeof loader> = ({ data: d, matches }) => {
  const t = metaTranslator(matches);
  if (!d) return [{ title: `${t("errors.title")} — Concerta` }];
  const { page } = d;
  return [
    {
      title: t("participation.metaTitle", {
        number: page.section.number,
        title: page.section.title,
        strategy: t("plan.sttmLabel", { number: page.strategy.number }),
        version: page.version.label,
      }),
    },
  ];
};

function ids(params: LoaderFunctionArgs["params"], request: Request) {
  const versionId = Number(params.versionId);
  const sectionId = Number(params.sectionId);
  invariantFound(Number.isInteger(versionId) && versionId > 0 && Number.isInteger(sectionId) && sectionId > 0, request, "errors.notFound.section");
  return { code: params.code ?? "", versionId, sectionId };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { code, versionId, sectionId } = ids(params, request);
  const user = await getUser(request);
  const viewer = user ? { id: user.id, role: user.role } : null;
  const page = await getSectionPage({ strategyCode: code, versionId, sectionId, viewer });
  invariantFound(page, request, "errors.notFound.section");
  // The section's comments, in every version, edited only on this one while its consultation is open.
  const comments = commentThread({ kind: "section", id: sectionId, versionId }, viewer, { editable: page.window.open });
  const organizations = user ? (await organizationsRepresentedBy(user.id)).map((o) => ({ id: o.id, name: o.name })) : [];
  const path = sectionPagePath(code, versionId, sectionId);
  return {
    page,
    comments,
    viewer: user ? { name: user.name ?? "", isStaff: can(user, "moderation.decide") } : null,
    organizations,
    loginHref: `/accedi?redirectTo=${encodeURIComponent(path)}`,
  };
}

// ---------------------------------------------------------------------------------------------

function refusal(values: Record<string, string>, status: number, message: string, field: string | null = null) {
  const state: NonNullable<FormState> = { formId: formIdOf(values), field, message, values };
  return data({ ok: false as const, ...state }, { status });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { code, versionId, sectionId } = ids(params, request);
  const path = sectionPagePath(code, versionId, sectionId);
  // Anonymous → log in (and back here); the moderation intents also need the permission (else 403).
  const user = await requireUser(request);
  const lang = await getLang(request);
  const t = translator(lang);
  const raw = formValues(await request.formData());
  const values: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw)) values[k] = Array.isArray(v) ? v[0] : v;

  const parsed = participationActionSchema.safeParse(values);
  if (!parsed.success) {
    const { field, key } = firstIssue(parsed.error);
    return refusal(values, 400, t(key), field);
  }
  const input = parsed.data;
  const actor = { id: user.id, role: user.role };
  try {
    if (isCommentIntent(input)) {
      const r = await runCommentIntent(input, actor, { kind: "section", id: sectionId, versionId });
      return redirect(`${path}?esito=${r.esito}#${r.anchor}`);
    }
    switch (input.intent) {
      case "amend": {
        const r = await proposeAmendment({ actor, versionId, sectionId, proposedText: input.proposedText, rationale: input.rationale, organizationId: input.organizationId });
        return redirect(`${path}?esito=amendment.${r.status === "published" ? "published" : "pending"}#${amendmentAnchor(r.id)}`);
      }
      case "withdraw":
        withdrawAmendment({ actor, amendmentId: input.amendmentId, sectionId });
        return redirect(`${path}?esito=withdrawn`);
    }
    if (isPageDecision(input)) {
      await requirePermission(request, "moderation.decide");
      // decideOnPage refuses (404) an item that is not on this section, before any write.
      decideOnPage(input, user.id, { subject: { kind: "section", id: sectionId }, kinds: { comment: "section_comment", amendment: "amendment" } });
      deliverSoon();
      const anchor = input.kind === "comment" ? commentAnchor(input.itemId) : amendmentAnchor(input.itemId);
      return redirect(`${path}?esito=${input.intent === "approve" ? "approved" : "rejected"}.${input.kind}#${anchor}`);
    }
    return refusal(values, 400, t("errors.unknownIntent"), "intent");
  } catch (error) {
    if (error instanceof ParticipationError || error instanceof CommentError || error instanceof ModerationError) return refusal(values, error.status, domainMessage(error, lang), error.field);
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------

/** The notices of the amendment forms (those of the thread and of the moderation buttons are shared). */
const AMENDMENT_NOTICES = ["amendment.pending", "amendment.published", "withdrawn"] as const;

export default function SectionPage() {
  const { page, comments, viewer, organizations, loginHref } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const location = useLocation();
  const [params] = useSearchParams();
  const t = useT();
  const lang = useLang();
  const contentLang = lang === "it" ? undefined : "it";
  const { strategy, version, section } = page;
  const versionPath = `/strategie/${encodeURIComponent(strategy.code)}/bozze/${version.id}`;
  const strategyLabel = t("plan.sttmLabel", { number: strategy.number });
  const state: FormState = result && !result.ok ? { formId: result.formId, field: result.field, message: result.message, values: result.values } : null;
  const ui: Ui = {
    signedIn: Boolean(viewer),
    isStaff: Boolean(viewer?.isStaff),
    viewerName: viewer?.name ?? "",
    organizations,
    windowOpen: page.window.open,
    currentVersionId: version.id,
    state,
    formKey: location.key,
    contentLang,
  };
  const outcome = params.get("esito");
  const noticeKey = outcome && (AMENDMENT_NOTICES as readonly string[]).includes(outcome) ? `participation.ok.${outcome}` : participationNotice(outcome);
  const okMessage = !state && noticeKey ? t(noticeKey as MessageKey) : null;
  const when = (iso: string | null) => (iso ? formatDate(lang, iso, { dateStyle: "long", timeStyle: "short" }) : t("participation.dateUnset"));
  const amendState = state?.formId === "amend" ? state : null;

  return (
    <article className="section-page">
      <p className="back-link">
        <Link to={versionPath}>{t("participation.backToVersion", { strategy: strategyLabel, version: version.label })}</Link>
      </p>
      <p className="kicker">
        {t("participation.versionLine", { strategy: strategyLabel, version: version.label })} ·{" "}
        {t(`participation.versionStatus.${version.status}`)}
      </p>
      <h1 lang={contentLang}>
        <span className="section-number">{section.number}</span> {section.title}
      </h1>
      {contentLang ? <p className="muted">{t("participation.contentLanguageNote")}</p> : null}

      {okMessage ? (
        <div className="alert alert-success" role="status">
          <p>{okMessage}</p>
        </div>
      ) : null}

      <div className="section-body" lang={contentLang}>
        {section.bodyHtml ? <RichText html={section.bodyHtml} /> : <p className="muted">{t("participation.emptyBody")}</p>}
      </div>

      {page.previous || page.next ? (
        <nav className="section-nav" aria-label={t("participation.sectionNav")}>
          {page.previous ? (
            <Link to={sectionPagePath(strategy.code, version.id, page.previous.sectionId)} rel="prev">
              {t("participation.previousSection", { number: page.previous.number, title: page.previous.title })}
            </Link>
          ) : (
            <span />
          )}
          {page.next ? (
            <Link to={sectionPagePath(strategy.code, version.id, page.next.sectionId)} rel="next">
              {t("participation.nextSection", { number: page.next.number, title: page.next.title })}
            </Link>
          ) : null}
        </nav>
      ) : null}

      <div className="participation-window">
        <WindowNotice page={page} when={when} />
        {page.window.open ? (
          <p className="muted">{page.moderationMode === "pre" ? t("participation.moderationPre") : t("participation.moderationPost")}</p>
        ) : null}
        {!viewer && page.window.open ? (
          <p>
            <Link to={loginHref} className="btn">
              {t("participation.loginToTake")}
            </Link>{" "}
            <span className="muted">{t("participation.loginHint")}</span>
          </p>
        ) : null}
      </div>

      {version.status !== "bozza" ? (
        <p className="section-contribute">
          <Link to={`/contributi/nuovo?sezione=${section.sectionId}&versione=${version.id}`}>{t("contributions.new.fromSection")}</Link>
        </p>
      ) : null}

      <section aria-labelledby="amendments-title" className="participation-block">
        <h2 id="amendments-title">
          {t("participation.amendments.title")} <span className="count">({page.amendments.length})</span>
        </h2>
        {page.amendments.length === 0 ? <p className="muted">{t("participation.amendments.none")}</p> : null}
        {page.amendments.length > 0 ? (
          <ol className="amendments" aria-label={t("participation.amendments.listLabel", { number: section.number })}>
            {page.amendments.map((a) => (
              <AmendmentItem key={a.id} amendment={a} ui={ui} />
            ))}
          </ol>
        ) : null}
        {viewer && (page.window.open || amendState) ? (
          <details className="participation-form" open={Boolean(amendState)} key={`amend-${location.key}`}>
            <summary>{t("participation.amendments.new")}</summary>
            <Form method="post" noValidate>
              <FormAlert id="amend-error" message={amendState?.message} />
              <input type="hidden" name="intent" value="amend" />
              <TextArea
                formId="amend"
                name="proposedText"
                label={t("participation.amendments.proposedText")}
                hint={t("participation.amendments.newHint")}
                rows={10}
                maxLength={MAX_AMENDMENT_LENGTH}
                defaultValue={section.body}
                required
                ui={ui}
              />
              <TextArea formId="amend" name="rationale" label={t("participation.amendments.rationaleField")} rows={4} maxLength={MAX_RATIONALE_LENGTH} defaultValue="" ui={ui} />
              <OnBehalfSelect formId="amend" ui={ui} />
              <button type="submit" className="btn">
                {t("participation.amendments.submit")}
              </button>
            </Form>
          </details>
        ) : null}
      </section>

      <CommentsSection
        thread={comments}
        ui={ui}
        label={t("participation.comments.listLabel", { number: section.number })}
        itemKind="section_comment"
        canPost={page.window.open}
      />
    </article>
  );
}

type PageData = ReturnType<typeof useLoaderData<typeof loader>>["page"];

function WindowNotice({ page, when }: { page: PageData; when: (iso: string | null) => string }) {
  const t = useT();
  const { version } = page;
  if (page.window.open) {
    return <p className="window-open">{version.commentsOpenUntil ? t("participation.window.open", { until: when(version.commentsOpenUntil) }) : t("participation.window.openNoEnd")}</p>;
  }
  const message =
    page.window.reason === "notYetOpen"
      ? t("participation.window.notYet", { version: version.label, from: when(version.commentsOpenFrom) })
      : page.window.reason === "closed"
        ? t("participation.window.over", { version: version.label, until: when(version.commentsOpenUntil) })
        : t("participation.window.notInConsultation", { version: version.label });
  return <p className="window-closed">{message}</p>;
}
