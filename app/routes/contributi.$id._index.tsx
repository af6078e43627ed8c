import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation, useRouteLoaderData, useSearchParams } from "@remix-run/react";
import leafletCss from "leaflet/dist/leaflet.css";
import { RichText } from "~/components/RichText";
import { CommentsSection } from "~/components/comments/CommentThread";
import { AttachmentList } from "~/components/contributions/AttachmentList";
import { PlaceMap } from "~/components/map/PlaceMap";
import { ReportForm } from "~/components/moderation/ReportForm";
import type { FormState, Ui } from "~/components/participation/forms";
import { can } from "~/domain/accounts/permissions";
import { organizationsRepresentedBy } from "~/domain/accounts/organizations.server";
import { getUser, requirePermission, requireUser } from "~/domain/accounts/session.server";
import { commentThread, CommentError } from "~/domain/comments/comments.server";
import { commentAnchor, participationNotice } from "~/domain/comments/comments";
import { commentFormId, commentIntents, isCommentIntent, runCommentIntent } from "~/domain/comments/form.server";
import { contributionPath } from "~/domain/contributions/page";
import { decideOnPage, isPageDecision, pageDecisionFormId, pageDecisionIntent } from "~/domain/moderation/page-decisions.server";
import { ModerationError } from "~/domain/moderation/decide.server";
import { domainMessage } from "~/lib/domain-error";
import { z } from "~/lib/zod.server";
import { getContributionPage, publicSupportSummary } from "~/domain/contributions/page.server";
import { supportState } from "~/domain/contributions/supports.server";
import { sectionPagePath } from "~/domain/drafts/participation";
import { deliverSoon } from "~/domain/notifications/outbox.server";
import { longDate } from "~/components/contributions/format";
import { isMessageKey, translator, type MessageKey, type Translate } from "~/i18n";
import { metaTranslator } from "~/i18n/meta";
import { useLang, useT } from "~/i18n/react";
import type { RouteHandle } from "~/lib/breadcrumb";
import { firstIssue, formValues } from "~/lib/forms";
import { invariantFound } from "~/lib/http.server";
import { getLang } from "~/lib/lang.server";
import type { RootLoaderData } from "~/root";
import browseCss from "~/styles/browse.css";
import participationCss from "~/styles/participation.css";

// The public page of one contribution: text, kind, themes, place (on a small map and in words),
// who made it and where, supports, comments (threaded, moderated) and the outcome once given.

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: leafletCss },
  { rel: "stylesheet", href: browseCss },
  { rel: "stylesheet", href: participationCss },
];

type Data = { page?: { title?: string } } | undefined;
export const handle: RouteHandle = { breadcrumb: { label: (d) => (d as Data)?.page?.title ?? "" }, map: true };

export const meta: MetaFunction<typeof loader> = ({ data: d, matches }) => {
  const t = metaTranslator(matches);
  if (!d) return [{ title: `${t("errors.title")} — Concerta` }];
  return [{ title: t("browse.page.metaTitle", { title: d.page.title }) }];
};

function idOf(params: LoaderFunctionArgs["params"], request: Request) {
  const id = Number(params.id);
  invariantFound(Number.isInteger(id) && id > 0 && id <= 2 ** 31, request, "errors.notFound.contribution");
  return id;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = idOf(params, request);
  const user = await getUser(request);
  const viewer = user ? { id: user.id, role: user.role } : null;
  const page = await getContributionPage(id, viewer);
  invariantFound(page, request, "errors.notFound.contribution");
  const open = !page.withdrawn && page.status === "published";
  const [support, organizations] = await Promise.all([
    // The public's view of supports costs two indexed reads; a signed-in viewer also needs their own state.
    open ? (user ? supportState(id, user.id) : Promise.resolve(publicSupportSummary(id))) : Promise.resolve(null),
    user ? organizationsRepresentedBy(user.id) : Promise.resolve([]),
  ]);
  return {
    page,
    support,
    // Comments are shown (and taken) while the contribution is published.
    comments: open ? commentThread({ kind: "contribution", id }, viewer, { editable: true }) : { threads: [], published: 0 },
    viewer: user ? { name: user.name ?? "", canModerate: can(user, "moderation.decide") } : null,
    organizations: organizations.map((o) => ({ id: o.id, name: o.name })),
    loginHref: `/accedi?redirectTo=${encodeURIComponent(contributionPath(id))}`,
  };
}

// ---------------------------------------------------------------------------------------------

const actionSchema = () => z.discriminatedUnion("intent", [...commentIntents, pageDecisionIntent]);

/** Which form of the page a submission came from, so a refusal is shown there with what was typed. */
const formIdOf = (values: Record<string, string>) => commentFormId(values) ?? (values.kind && values.itemId ? pageDecisionFormId(values.kind, values.itemId) : "form");

function refusal(values: Record<string, string>, status: number, message: string, field: string | null = null) {
  const state: NonNullable<FormState> = { formId: formIdOf(values), field, message, values };
  return data({ ok: false as const, ...state }, { status });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const id = idOf(params, request);
  const path = contributionPath(id);
  const user = await requireUser(request);
  const lang = await getLang(request);
  const t = translator(lang);
  const values: Record<string, string> = {};
  for (const [k, v] of Object.entries(formValues(await request.formData()))) values[k] = Array.isArray(v) ? v[0] : v;

  const parsed = actionSchema().safeParse(values);
  if (!parsed.success) {
    const { field, key } = firstIssue(parsed.error);
    return refusal(values, 400, t(key), field);
  }
  const input = parsed.data;
  const subject = { kind: "contribution" as const, id };
  try {
    if (isCommentIntent(input)) {
      const r = await runCommentIntent(input, { id: user.id, role: user.role }, subject);
      return redirect(`${path}?esito=${r.esito}#${r.anchor}`);
    }
    if (isPageDecision(input)) {
      await requirePermission(request, "moderation.decide");
      // decideOnPage refuses (404) an item that is not on this contribution, before any write.
      const { found } = decideOnPage(input, user.id, { subject, kinds: { comment: "contribution_comment" } });
      invariantFound(found, request, "errors.notFound.item");
      deliverSoon();
      return redirect(`${path}?esito=${input.intent === "approve" ? "approved" : "rejected"}.comment#${commentAnchor(input.itemId)}`);
    }
    return refusal(values, 400, t("errors.unknownIntent"), "intent");
  } catch (error) {
    if (error instanceof CommentError || error instanceof ModerationError) return refusal(values, error.status, domainMessage(error, lang), error.field ?? "body");
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;
type Page = LoaderData["page"];
type FullPage = Extract<Page, { withdrawn: false }>;

function Who({ page, t }: { page: Page; t: Translate }) {
  if (page.author.kind === "organization") {
    return (
      <>
        {page.author.name}
        {page.author.organizationKind ? <span className="muted"> ({t(`orgKind.${page.author.organizationKind}`)})</span> : null}
      </>
    );
  }
  if (page.author.kind === "deleted") return <>{t("browse.deletedUser")}</>;
  return <>{t("browse.person")}</>;
}

export default function ContributionPage() {
  const { page, comments, support, viewer, organizations, loginHref } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const location = useLocation();
  const [params] = useSearchParams();
  const t = useT();
  const lang = useLang();
  const root = useRouteLoaderData("root") as RootLoaderData | undefined;
  const contentLang = lang === "it" ? undefined : "it";
  const state: FormState = result && !result.ok ? { formId: result.formId, field: result.field, message: result.message, values: result.values } : null;
  const notice = params.get("esito");
  const noticeKey = participationNotice(notice);
  const okMessage = !state && noticeKey ? t(noticeKey as MessageKey) : null;
  const date = (iso: string | null) => (iso ? longDate(lang, iso) : "");

  return (
    <article className="contribution-page" aria-labelledby="contribution-title">
      <p className="back-link">
        <Link to="/contributi">{t("browse.page.back")}</Link>
      </p>
      <p className="kicker">
        <span className={`badge kind-badge kind-${page.kind}`}>{t(`contributions.kind.${page.kind}`)}</span>
        {!page.withdrawn && page.strategy ? <span className="badge">{t("plan.sttmLabel", { number: page.strategy.number })}</span> : null}
      </p>
      <h1 id="contribution-title" lang={contentLang}>
        {page.title}
      </h1>

      {page.withdrawn ? (
        <div className="withdrawn-notice" role="note">
          <p>
            <strong>{t("browse.page.withdrawn")}</strong>
          </p>
          <p>
            {page.publishedAt ? t("browse.page.publishedOn", { date: date(page.publishedAt) }) : null}
            {page.withdrawnAt ? ` · ${t("browse.page.withdrawnOn", { date: date(page.withdrawnAt) })}` : null}
          </p>
        </div>
      ) : (
        <FullContribution
          page={page}
          comments={comments}
          support={support}
          viewer={viewer}
          organizations={organizations}
          loginHref={loginHref}
          state={state}
          formKey={location.key}
          okMessage={okMessage}
          contentLang={contentLang}
          tileUrl={root?.env.MAP_TILE_URL ?? ""}
        />
      )}
    </article>
  );
}

type FullProps = {
  page: FullPage;
  comments: LoaderData["comments"];
  support: LoaderData["support"];
  viewer: LoaderData["viewer"];
  organizations: LoaderData["organizations"];
  loginHref: string;
  state: FormState;
  formKey: string;
  okMessage: string | null;
  contentLang: string | undefined;
  tileUrl: string;
};

function FullContribution({ page, comments, support, viewer, organizations, loginHref, state, formKey, okMessage, contentLang, tileUrl }: FullProps) {
  const t = useT();
  const lang = useLang();
  const date = (iso: string | null) => (iso ? longDate(lang, iso) : "");
  const published = page.status === "published";
  const ui: Ui = {
    signedIn: Boolean(viewer),
    isStaff: Boolean(viewer?.canModerate),
    viewerName: viewer?.name ?? "",
    organizations,
    windowOpen: published,
    state,
    formKey,
    contentLang,
  };
  const placeWords = [page.comuni.map((c) => c.name).join(", "), page.zones.map((z) => (z.isCapoluogo ? t("browse.capoluogo") : z.name)).join(", ")].filter(
    Boolean
  );

  return (
    <>
      {!published ? (
        <div className="alert alert-warning" role="note">
          <p>{t("browse.page.notPublic", { status: t(`contributions.status.${page.status}`) })}</p>
          {page.moderatorMessage ? <p>{t("browse.page.moderatorMessage", { message: page.moderatorMessage })}</p> : null}
        </div>
      ) : null}
      {okMessage ? (
        <div className="alert alert-success" role="status">
          <p>{okMessage}</p>
        </div>
      ) : null}
      <DuplicateMarks duplicates={page.duplicates} contentLang={contentLang} />

      <div className="contribution-layout">
        <div>
          <div className="contribution-body" lang={contentLang}>
            <RichText html={page.bodyHtml} />
          </div>

          {page.attachments.length > 0 ? (
            <section aria-labelledby="attachments-title">
              <h2 id="attachments-title">{t("contributions.attachments.title", { count: page.attachments.length })}</h2>
              <AttachmentList contributionId={page.id} attachments={page.attachments} />
            </section>
          ) : null}

          <section aria-labelledby="themes-title">
            <h2 id="themes-title">{t("browse.page.themes")}</h2>
            <dl className="facts">
              {page.strategy ? (
                <>
                  <dt>{t("browse.page.strategy")}</dt>
                  <dd>
                    <Link to={`/strategie/${page.strategy.code}`}>{t("plan.sttmLabel", { number: page.strategy.number })}</Link> —{" "}
                    <span lang={contentLang}>{page.strategy.title}</span>
                  </dd>
                </>
              ) : null}
              {page.targets.length > 0 ? (
                <>
                  <dt>{t("browse.page.targets")}</dt>
                  <dd>
                    <ul className="inline-list" lang={contentLang}>
                      {page.targets.map((x) => (
                        <li key={x.code}>
                          {x.code.replace("STTM", "")} {x.title}
                        </li>
                      ))}
                    </ul>
                  </dd>
                </>
              ) : null}
              {page.objectives.length > 0 ? (
                <>
                  <dt>{t("browse.page.objectives")}</dt>
                  <dd>
                    <ul className="inline-list" lang={contentLang}>
                      {page.objectives.map((o) => (
                        <li key={o.code}>
                          {o.code} {o.title}
                        </li>
                      ))}
                    </ul>
                  </dd>
                </>
              ) : null}
            </dl>
          </section>

          {page.meeting || page.section ? (
            <section aria-labelledby="origin-title">
              <h2 id="origin-title">{t("browse.page.origin")}</h2>
              {page.meeting ? (
                <p>
                  {t("browse.page.atMeeting")} <Link to={`/incontri/${page.meeting.id}`}>{page.meeting.title}</Link>
                </p>
              ) : null}
              {page.section ? (
                <p>
                  {t("browse.page.onSection")}{" "}
                  <Link to={sectionPagePath(page.section.strategyCode, page.section.versionId, page.section.sectionId)}>
                    {page.section.strategyCode.replace("STTM", "STTM ")} {page.section.versionLabel} · § {page.section.number} {page.section.title}
                  </Link>
                </p>
              ) : null}
            </section>
          ) : null}

          {page.outcome ? (
            <section aria-labelledby="outcome-title" className="outcome-block">
              <h2 id="outcome-title">{t("browse.page.outcome")}</h2>
              <p>
                <strong>{t(`browse.outcome.${page.outcome.decision}`)}</strong> · {date(page.outcome.decidedAt)}
              </p>
              <div lang={contentLang}>
                <RichText html={page.outcome.reasoningHtml} />
              </div>
              {page.outcome.sections.length > 0 ? (
                <ul>
                  {page.outcome.sections.map((s) => (
                    <li key={`${s.versionId}-${s.sectionId}`}>
                      <Link to={sectionPagePath(s.strategyCode, s.versionId, s.sectionId)}>
                        {s.versionLabel} · § {s.number} {s.title}
                      </Link>
                    </li>
                  ))}
                </ul>
              ) : null}
            </section>
          ) : null}

          {published ? (
            <CommentsSection
              thread={comments}
              ui={ui}
              label={t("browse.comments.listLabel")}
              itemKind="contribution_comment"
              canPost
              loginHref={loginHref}
              note={t("comments.moderationNote")}
            />
          ) : null}
        </div>

        <aside aria-label={t("browse.page.details")}>
          <h2>{t("browse.page.details")}</h2>
          <dl className="facts">
            <dt>{t("browse.page.by")}</dt>
            <dd>
              <Who page={page} t={t} />
            </dd>
            <dt>{page.publishedAt ? t("browse.page.published") : t("browse.page.sent")}</dt>
            <dd>
              <time dateTime={page.publishedAt ?? page.createdAt}>{date(page.publishedAt ?? page.createdAt)}</time>
            </dd>
            {page.comuni.length > 0 ? (
              <>
                <dt>{page.comuni.length === 1 ? t("browse.page.comune") : t("browse.page.comuni")}</dt>
                <dd>{page.comuni.map((c) => c.name).join(", ")}</dd>
              </>
            ) : null}
            {page.zones.length > 0 ? (
              <>
                <dt>{page.zones.length === 1 ? t("browse.page.zone") : t("browse.page.zones")}</dt>
                <dd>{page.zones.map((z) => (z.isCapoluogo ? t("browse.capoluogo") : z.name)).join(", ")}</dd>
              </>
            ) : null}
            {page.place.kind ? (
              <>
                <dt>{t("browse.page.placeKind")}</dt>
                <dd>{t(`contributions.placeKind.${page.place.kind}`)}</dd>
              </>
            ) : null}
          </dl>

          {page.place.geometry || page.place.outlines.length > 0 ? (
            <>
              <PlaceMap geometry={page.place.geometry} outlines={page.place.outlines} outlinesArePlace={page.place.outlinesArePlace} tileUrl={tileUrl} describedBy="place-words" />
              <p id="place-words" className="muted map-hint">
                {placeWords.length > 0 ? t("browse.page.placeWords", { place: placeWords.join(" — ") }) : t("browse.page.noPlace")}
              </p>
            </>
          ) : (
            <p className="muted">{t("browse.page.noPlace")}</p>
          )}

          {support ? <SupportBox id={page.id} support={support} loginHref={loginHref} /> : null}
          {viewer && published ? <ReportForm kind="contribution" id={page.id} /> : null}
        </aside>
      </div>
    </>
  );
}

/** The duplicate marks set by moderators: the original this one repeats, and those that repeat this one. */
function DuplicateMarks({ duplicates, contentLang }: { duplicates: FullPage["duplicates"]; contentLang: string | undefined }) {
  const t = useT();
  if (!duplicates.of && duplicates.by.length === 0) return null;
  return (
    <div className="duplicate-marks" role="note">
      {duplicates.of ? (
        <p>
          {t("browse.page.duplicateOf")}{" "}
          <Link to={contributionPath(duplicates.of.id)} lang={contentLang}>
            «{duplicates.of.title}»
          </Link>
        </p>
      ) : null}
      {duplicates.by.length > 0 ? (
        <p>
          {t("browse.page.duplicates")}{" "}
          {duplicates.by.map((d, i) => (
            <span key={d.id}>
              {i > 0 ? ", " : ""}
              <Link to={contributionPath(d.id)} lang={contentLang}>
                «{d.title}»
              </Link>
            </span>
          ))}
        </p>
      ) : null}
    </div>
  );
}

function SupportBox({ id, support, loginHref }: { id: number; support: NonNullable<LoaderData["support"]>; loginHref: string }) {
  const t = useT();
  const [params] = useSearchParams();
  const action = `${contributionPath(id)}/sostegno`;
  // The support route answers with a redirect here, naming what happened (a catalogue key).
  const notice = params.get("sostegno");
  const noticeText = notice && isMessageKey(notice) ? t(notice) : null;
  return (
    <section aria-labelledby="support-title" className="support-box" id="sostegno">
      <h2 id="support-title">{t("browse.support.title")}</h2>
      {noticeText ? (
        <div className={notice!.includes(".done.") ? "alert alert-success" : "alert alert-danger"} role={notice!.includes(".done.") ? "status" : "alert"}>
          <p>{noticeText}</p>
        </div>
      ) : null}
      <p className="support-count">{support.count === 1 ? t("contributions.support.countOne") : t("contributions.support.count", { count: support.count })}</p>
      {support.organizations.length > 0 ? (
        <p>
          {t("browse.support.cosignedBy")} {support.organizations.map((o) => o.name).join(", ")}
        </p>
      ) : null}
      {!support.viewer ? (
        <p>
          <Link to={loginHref}>{t("browse.support.login")}</Link>
        </p>
      ) : support.viewer.isAuthor ? (
        <p className="muted">{t("browse.support.own")}</p>
      ) : (
        <Form method="post" action={action} preventScrollReset>
          <input type="hidden" name="intent" value={support.viewer.supported ? "unsupport" : "support"} />
          <button type="submit" className={support.viewer.supported ? "btn btn-outline" : "btn"}>
            {support.viewer.supported ? t("browse.support.unsupport") : t("browse.support.support")}
          </button>
        </Form>
      )}
      {support.viewer?.organizations.map((o) => (
        <Form method="post" action={action} key={o.id} preventScrollReset>
          <input type="hidden" name="intent" value={o.cosigned ? "uncosign" : "cosign"} />
          <input type="hidden" name="organizationId" value={o.id} />
          <button type="submit" className="btn btn-outline btn-small">
            {o.cosigned ? t("browse.support.uncosign", { organization: o.name }) : t("browse.support.cosign", { organization: o.name })}
          </button>
        </Form>
      ))}
    </section>
  );
}
