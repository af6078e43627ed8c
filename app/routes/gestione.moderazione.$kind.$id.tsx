import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useRouteLoaderData, useSearchParams } from "@remix-run/react";
import leafletCss from "leaflet/dist/leaflet.css";
import { DuplicateForm, ErrorText, LinksAndOutcome, MetadataForm, PlaceAndAttachments, SectionLink, valueOf, type Failure } from "~/components/moderation/ItemPanels";
import { z } from "~/lib/zod.server";
import { requirePermission } from "~/domain/accounts/session.server";
import { comuniChoices, editMetadata, markDuplicate } from "~/domain/moderation/corrections.server";
import { decide, ModerationError, revisionOf, type DecisionKind } from "~/domain/moderation/decide.server";
import { redactPassage } from "~/domain/moderation/redaction.server";
import { db } from "~/lib/db.server";
import { domainMessage } from "~/lib/domain-error";
import { getLang } from "~/lib/lang.server";
import { itemPath, kindOfSlug, MAX_RESPONSE_LENGTH, REJECT_REASONS } from "~/domain/moderation/kinds";
import { giveOutcome, setSectionLinks } from "~/domain/moderation/outcomes.server";
import { itemDetail, queueStateOf } from "~/domain/moderation/queue.server";
import { attachmentsOf } from "~/domain/contributions/attachments.server";
import { deliverSoon } from "~/domain/notifications/outbox.server";
import { listVersions, versionSections } from "~/domain/drafts/versions.server";
import { listObjectives, listStrategies } from "~/domain/plan/plan.server";
import { formatDate, isMessageKey, type MessageKey } from "~/i18n";
import { metaTranslator } from "~/i18n/meta";
import { useLang, useT } from "~/i18n/react";
import type { RouteHandle } from "~/lib/breadcrumb";
import { firstIssue, formValues } from "~/lib/forms";
import { invariantFound } from "~/lib/http.server";
import { renderMarkdown } from "~/lib/markdown.server";
import type { RootLoaderData } from "~/root";
import browseCss from "~/styles/browse.css";
import { CONTRIBUTION_KINDS, OUTCOMES } from "~db/schema/enums";

// One waiting item in full, with every decision staff can take on it: publish, reject with a
// reason, send back (contributions), restore or hide for good (reported items), redact a passage,
// correct a contribution's kind/themes/place (never its words), mark a duplicate, link it to draft
// sections and give (or revise) its outcome. Each form posts an `intent`; each answer redirects here.

type Data = { item?: { title: string } } | undefined;
export const handle: RouteHandle = { breadcrumb: { label: (d) => (d as Data)?.item?.title ?? "—" }, map: true };

// Leaflet's stylesheet and the contribution page's (the small place map, attachment previews).
export const links: LinksFunction = () => [
  { rel: "stylesheet", href: leafletCss },
  { rel: "stylesheet", href: browseCss },
];

export const meta: MetaFunction<typeof loader> = ({ data: d, matches }) => [
  { title: `${d ? d.item.title : metaTranslator(matches)("errors.title")} — ${metaTranslator(matches)("moderation.title")} — Concerta` },
];

function refOf(params: LoaderFunctionArgs["params"], request: Request) {
  const kind = kindOfSlug(params.kind);
  const id = Number(params.id);
  invariantFound(kind && Number.isInteger(id) && id > 0 && id <= 2 ** 31, request, "errors.notFound.item");
  return { kind, id };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "moderation.decide");
  const ref = refOf(params, request);
  const detail = itemDetail(ref);
  invariantFound(detail, request, "errors.notFound.item");
  const linkable = ref.kind === "contribution" || ref.kind === "amendment";
  const versionParam = Number(new URL(request.url).searchParams.get("versione"));
  const versions = linkable ? listVersions({ includeDrafts: true }).filter((v) => !detail.strategyCode || v.strategyCode === detail.strategyCode) : [];
  // The version the item was sent from comes first when its section is proposed as the link.
  const proposed = detail.proposedLink && versions.some((v) => v.id === detail.proposedLink!.versionId) ? detail.proposedLink : null;
  const chosen =
    versions.find((v) => v.id === versionParam) ?? versions.find((v) => v.id === proposed?.versionId) ?? versions.find((v) => v.status === "in_consultazione") ?? versions[0];
  const linkedIds = new Set(detail.links.filter((l) => l.versionId === chosen?.id).map((l) => l.sectionId));
  const proposedHere = proposed && proposed.versionId === chosen?.id ? proposed.sectionId : null;
  const [strategies, objectives] = ref.kind === "contribution" ? await Promise.all([listStrategies(), listObjectives()]) : [[], []];
  const iso = (d: Date | null | undefined) => d?.toISOString() ?? null;
  return {
    item: {
      kind: detail.kind,
      id: detail.id,
      status: detail.status,
      deleted: detail.deleted,
      link: detail.link,
      title: detail.title,
      body: detail.body,
      secondary: detail.secondary,
      authorName: detail.authorName,
      personName: detail.personName,
      organizationName: detail.organizationName,
      createdAt: iso(detail.createdAt),
      strategyCode: detail.strategyCode,
      section: detail.section,
    },
    attachments: ref.kind === "contribution" ? await attachmentsOf(ref.id) : [],
    state: queueStateOf(ref),
    // What the moderator sees now: each decision form sends it back, and a decision on a changed item is refused.
    revision: revisionOf(db, ref),
    contribution: detail.contribution
      ? {
          ...detail.contribution,
          createdAt: iso(detail.contribution.createdAt),
          publishedAt: iso(detail.contribution.publishedAt),
          changesRequestedAt: iso(detail.contribution.changesRequestedAt),
        }
      : null,
    flags: detail.flags.map((f) => ({ id: f.id, reason: f.reason, note: f.note, status: f.status, createdAt: f.createdAt.toISOString() })),
    redactions: detail.redactions.map((r) => ({ id: r.id, reason: r.reason, redactedAt: r.redactedAt.toISOString() })),
    outcome: detail.outcome
      ? {
          current: { outcome: detail.outcome.current.outcome, response: detail.outcome.current.response, revision: detail.outcome.current.revision },
          revisions: detail.outcome.revisions.map((r) => ({ ...r, decidedAt: r.decidedAt.toISOString(), html: renderMarkdown(r.response) })),
        }
      : null,
    links: detail.links,
    linkable,
    versions: versions.map((v) => ({ id: v.id, label: `${v.strategyCode} ${v.label}`, status: v.status })),
    chosenVersionId: chosen?.id ?? null,
    proposedLink: proposed,
    sections: chosen
      ? versionSections(chosen.id).map((s) => ({ sectionId: s.sectionId, number: s.number, title: s.title, depth: s.depth, linked: linkedIds.has(s.sectionId), proposed: s.sectionId === proposedHere }))
      : [],
    strategies: strategies.map((s) => ({ code: s.code, number: s.number, targets: s.targets.map((t) => ({ code: t.code, title: t.title })) })),
    objectives: objectives.map((o) => ({ code: o.code, title: o.title })),
    comuni: ref.kind === "contribution" ? comuniChoices() : [],
  };
}

// ---------------------------------------------------------------------------------------------

const reasonText = () => z.string().trim().min(1, { message: "moderation.error.reasonRequired" }).max(1000);
/** The revision the moderator saw (optional for older clients: without it only the item's state is checked). */
const revisionField = () => z.preprocess((v) => (v === "" || v == null ? undefined : v), z.coerce.number().int().min(0).max(2 ** 53).optional());
const ids = () => z.array(z.coerce.number().int().positive().max(2 ** 31));
const schemas = () => {
  const revision = revisionField();
  return {
    publish: z.object({ revision }),
    reject: z.object({ reason: z.enum(REJECT_REASONS, { message: "moderation.error.reasonRequired" }), text: z.string().max(1000).default(""), revision }),
    sendBack: z.object({ message: z.string().trim().min(1, { message: "moderation.error.messageRequired" }).max(2000), revision }),
    restore: z.object({ reason: reasonText(), revision }),
    hideForGood: z.object({ reason: reasonText(), revision }),
    redact: z.object({ passage: z.string().min(1, { message: "moderation.error.passageRequired" }).max(5000), reason: z.string().max(1000).default("") }),
    metadata: z.object({
      kind: z.enum(CONTRIBUTION_KINDS),
      strategyCode: z.string().max(10),
      targetCodes: z.array(z.string().max(20)).default([]),
      objectiveCodes: z.array(z.string().max(10)).default([]),
      placeMode: z.enum(["keep", "comuni", "geometry"]).default("keep"),
      comuni: z.array(z.string().regex(/^\d{6}$/)).default([]),
      geometry: z.string().max(200_000).default(""),
    }),
    duplicate: z.object({ duplicateOf: z.coerce.number({ message: "moderation.error.duplicateTarget" }).int().positive().max(2 ** 31) }),
    links: z.object({ versionId: z.coerce.number().int().positive().max(2 ** 31), sectionIds: ids().default([]) }),
    outcome: z.object({ outcome: z.enum(OUTCOMES, { message: "moderation.error.outcomeRequired" }), response: z.string().trim().min(1, { message: "moderation.error.responseRequired" }).max(MAX_RESPONSE_LENGTH) }),
  };
};
type Intent = keyof ReturnType<typeof schemas>;
const ARRAYS = new Set(["targetCodes", "objectiveCodes", "comuni", "sectionIds"]);

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "moderation.decide");
  const ref = refOf(params, request);
  const raw = formValues(await request.formData());
  const values: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries(raw)) values[k] = ARRAYS.has(k) ? [v].flat() : Array.isArray(v) ? v[0] : v;
  const intent = String(values.intent ?? "") as Intent;
  const fail = (key: string, status = 400, field: string | null = null, message: string | null = null) =>
    data({ ok: false as const, intent: String(values.intent ?? ""), error: key, message, field, values: values as Record<string, string | string[]> }, { status });
  const all = schemas();
  if (!(intent in all)) return fail("errors.unknownIntent");
  // Staff correct metadata only: a form that carries the author's title or text is refused, not half-applied.
  if (intent === "metadata" && ("title" in values || "body" in values)) return fail("moderation.error.authorText", 400, "form");
  const parsed = all[intent].safeParse(values);
  if (!parsed.success) {
    const { field, key } = firstIssue(parsed.error);
    return fail(key, 400, field);
  }
  const input = parsed.data as Record<string, unknown>;
  const contributionOnly = () => {
    if (ref.kind !== "contribution") throw new ModerationError("errors.unknownIntent", 400);
    return ref.id;
  };
  const outcomeKind = () => {
    if (ref.kind !== "contribution" && ref.kind !== "amendment") throw new ModerationError("errors.unknownIntent", 400);
    return ref.kind;
  };
  try {
    switch (intent) {
      case "publish":
      case "reject":
      case "sendBack":
      case "restore":
      case "hideForGood": {
        const decision: Record<typeof intent, DecisionKind> = { publish: "publish", reject: "reject", sendBack: "send_back", restore: "restore", hideForGood: "hide_for_good" };
        const code = intent === "reject" ? (input.reason as (typeof REJECT_REASONS)[number]) : null;
        const text = intent === "reject" ? (input.text as string) : intent === "sendBack" ? (input.message as string) : (input.reason as string | undefined);
        if (intent === "sendBack") contributionOnly();
        decide({ actorId: user.id, item: ref, decision: decision[intent], reason: { code, text }, seen: input.revision as number | undefined });
        break;
      }
      case "redact":
        redactPassage({ actorId: user.id, item: ref, passage: input.passage as string, reason: input.reason as string });
        break;
      case "metadata": {
        const m = parsed.data as z.infer<ReturnType<typeof schemas>["metadata"]>;
        await editMetadata({
          actorId: user.id,
          contributionId: contributionOnly(),
          metadata: {
            kind: m.kind,
            strategyCode: m.strategyCode,
            targetCodes: m.targetCodes,
            objectiveCodes: m.objectiveCodes,
            place: m.placeMode === "comuni" ? { comuni: m.comuni } : m.placeMode === "geometry" ? { geometry: m.geometry } : null,
          },
        });
        break;
      }
      case "duplicate":
        markDuplicate({ actorId: user.id, contributionId: contributionOnly(), duplicateOf: input.duplicateOf as number });
        break;
      case "links":
        setSectionLinks({ actorId: user.id, itemKind: outcomeKind(), itemId: ref.id, versionId: input.versionId as number, sectionIds: input.sectionIds as number[] });
        break;
      case "outcome":
        giveOutcome({ actorId: user.id, itemKind: outcomeKind(), itemId: ref.id, outcome: input.outcome as (typeof OUTCOMES)[number], response: input.response as string });
        break;
    }
  } catch (error) {
    if (error instanceof ModerationError) return fail(error.key, error.status, error.field, domainMessage(error, await getLang(request)));
    throw error;
  }
  deliverSoon();
  const version = intent === "links" ? `versione=${input.versionId as number}&` : "";
  return redirect(`${itemPath(ref.kind, ref.id)}?${version}esito=${intent}#${intent}-title`);
}

// ---------------------------------------------------------------------------------------------

export default function ModerationItem() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failure: Failure = result && !result.ok ? result : null;
  const [params] = useSearchParams();
  const t = useT();
  const lang = useLang();
  const { item } = d;
  const esito = params.get("esito");
  const when = (iso: string | null) => (iso ? formatDate(lang, iso, { dateStyle: "medium", timeStyle: "short" }) : "—");
  const openFlags = d.flags.filter((f) => f.status === "open").length;
  const isContribution = item.kind === "contribution";
  const described = (intent: string) => (failure?.intent === intent ? `${intent}-error` : undefined);
  const root = useRouteLoaderData("root") as RootLoaderData | undefined;

  return (
    <article className="moderation-item">
      <p className="back-link">
        <Link to="/gestione/moderazione">{t("moderation.item.back")}</Link>
      </p>
      <p className="kicker">
        <span className="badge">{t(`moderation.kind.${item.kind}` as MessageKey)}</span> #{item.id} · {t(`contributions.status.${item.status}` as MessageKey)}
        {d.state ? (
          <>
            {" · "}
            <span className={d.state === "flagged" ? "badge badge-danger" : "badge"}>{t(`moderation.state.${d.state}` as MessageKey)}</span>
          </>
        ) : null}
      </p>
      <h1 lang="it">{item.title}</h1>
      {esito && isMessageKey(`moderation.ok.item.${esito}`) ? (
        <div className="alert alert-success" role="status">
          <p>{t(`moderation.ok.item.${esito}` as MessageKey)}</p>
        </div>
      ) : null}
      <dl className="facts">
        <dt>{t("moderation.item.author")}</dt>
        <dd>{item.authorName ?? t("moderation.noAuthor")}</dd>
        {item.organizationName ? (
          <>
            <dt>{t("moderation.item.sentBy")}</dt>
            <dd>{t("moderation.item.onBehalf", { person: item.personName ?? t("moderation.noAuthor"), organization: item.organizationName })}</dd>
          </>
        ) : null}
        <dt>{t("moderation.item.sent")}</dt>
        <dd>{when(item.createdAt)}</dd>
        {item.section ? (
          <>
            <dt>{isContribution ? t("moderation.item.sentFromSection") : t("moderation.item.section")}</dt>
            <dd>
              <SectionLink section={item.section} />
            </dd>
          </>
        ) : null}
        {item.strategyCode ? (
          <>
            <dt>{t("moderation.filters.sttm")}</dt>
            <dd>{item.strategyCode}</dd>
          </>
        ) : null}
        <dt>{t("moderation.item.publicPage")}</dt>
        <dd>
          <Link to={item.link}>{item.link}</Link>
        </dd>
      </dl>
      {d.contribution?.changesRequestedAt ? (
        <p className="alert alert-warning" role="note">
          {t("moderation.item.sentBackOn", { date: when(d.contribution.changesRequestedAt), message: d.contribution.moderatorMessage ?? "" })}
        </p>
      ) : null}

      <h2 id="text-title">{t("moderation.item.text")}</h2>
      <p className="muted">{t("moderation.item.textNote")}</p>
      <div className="item-text" lang="it">
        {item.body}
      </div>
      {item.secondary ? (
        <>
          <h3>{t("moderation.item.rationale")}</h3>
          <div className="item-text" lang="it">
            {item.secondary}
          </div>
        </>
      ) : null}

      {d.contribution ? <PlaceAndAttachments id={item.id} place={d.contribution.place} attachments={d.attachments} tileUrl={root?.env.MAP_TILE_URL ?? ""} /> : null}

      {d.flags.length > 0 ? (
        <section className="moderation-panel" aria-labelledby="flags-title">
          <h2 id="flags-title">{t("moderation.flags.title", { count: openFlags })}</h2>
          <ul>
            {d.flags.map((f) => (
              <li key={f.id}>
                {t(`moderation.flagReason.${f.reason}` as MessageKey)} · {when(f.createdAt)} · {t(`moderation.flagStatus.${f.status}` as MessageKey)}
                {f.note ? <div className="muted" lang="it">{f.note}</div> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section className="moderation-panel" aria-labelledby="decision-title">
        <h2 id="decision-title">{t("moderation.item.decision")}</h2>
        <div className="moderation-grid">
          {["pending", "rejected"].includes(item.status) || (item.status === "hidden" && openFlags === 0) || d.state === "review" ? (
            <Form method="post" aria-labelledby="publish-title">
              <h3 id="publish-title">{d.state === "review" ? t("moderation.action.confirm") : t("moderation.action.publish")}</h3>
              <ErrorText failure={failure} intent="publish" />
              <input type="hidden" name="intent" value="publish" />
              <input type="hidden" name="revision" value={d.revision} />
              <button type="submit" className="btn">
                {d.state === "review" ? t("moderation.action.confirm") : t("moderation.action.publish")}
              </button>
            </Form>
          ) : null}

          {item.status === "pending" || (item.status === "published" && openFlags === 0) ? (
            <Form method="post" aria-labelledby="reject-title" aria-describedby={described("reject")}>
              <h3 id="reject-title">{item.status === "pending" ? t("moderation.reject.title") : t("moderation.reject.hideTitle")}</h3>
              <ErrorText failure={failure} intent="reject" />
              <input type="hidden" name="intent" value="reject" />
              <input type="hidden" name="revision" value={d.revision} />
              <div className="field">
                <label htmlFor="reject-reason">{t("moderation.reject.reason")}</label>
                <select id="reject-reason" name="reason" required defaultValue={valueOf(failure, "reject", "reason") ?? ""}>
                  <option value="">{t("moderation.reject.choose")}</option>
                  {REJECT_REASONS.map((r) => (
                    <option key={r} value={r}>
                      {t(`moderation.reason.${r}` as MessageKey)}
                    </option>
                  ))}
                </select>
              </div>
              <div className="field">
                <label htmlFor="reject-text">{t("moderation.reject.text")}</label>
                <textarea id="reject-text" name="text" rows={3} maxLength={1000} defaultValue={valueOf(failure, "reject", "text") ?? ""} />
                <p className="hint">{t("moderation.reject.textHint")}</p>
              </div>
              <button type="submit" className="btn btn-outline">
                {item.status === "pending" ? t("moderation.reject.submit") : t("moderation.reject.hideSubmit")}
              </button>
            </Form>
          ) : null}

          {isContribution && item.status === "pending" ? (
            <Form method="post" aria-labelledby="sendBack-title" aria-describedby={described("sendBack")}>
              <h3 id="sendBack-title">{t("moderation.sendBack.title")}</h3>
              <ErrorText failure={failure} intent="sendBack" />
              <input type="hidden" name="intent" value="sendBack" />
              <input type="hidden" name="revision" value={d.revision} />
              <div className="field">
                <label htmlFor="sendBack-message">{t("moderation.sendBack.message")}</label>
                <textarea id="sendBack-message" name="message" rows={4} maxLength={2000} required defaultValue={valueOf(failure, "sendBack", "message") ?? ""} />
                <p className="hint">{t("moderation.sendBack.hint")}</p>
              </div>
              <button type="submit" className="btn btn-outline">
                {t("moderation.sendBack.submit")}
              </button>
            </Form>
          ) : null}

          {(item.status === "hidden" && !item.deleted) || openFlags > 0 ? (
            <>
              <ReasonDecision intent="restore" revision={d.revision} failure={failure} primary />
              <ReasonDecision intent="hideForGood" revision={d.revision} failure={failure} />
            </>
          ) : null}
        </div>
      </section>

      {item.status !== "withdrawn" && !item.deleted ? (
        <section className="moderation-panel" aria-labelledby="redact-title">
          <h2 id="redact-title">{t("moderation.redact.title")}</h2>
          <p className="muted">{t("moderation.redact.intro")}</p>
          <Form method="post" aria-describedby={described("redact")}>
            <ErrorText failure={failure} intent="redact" />
            <input type="hidden" name="intent" value="redact" />
            <div className="field">
              <label htmlFor="redact-passage">{t("moderation.redact.passage")}</label>
              <textarea id="redact-passage" name="passage" rows={2} maxLength={5000} required defaultValue={valueOf(failure, "redact", "passage") ?? ""} />
            </div>
            <div className="field">
              <label htmlFor="redact-reason">{t("moderation.redact.reason")}</label>
              <input id="redact-reason" name="reason" type="text" maxLength={1000} defaultValue={valueOf(failure, "redact", "reason") ?? ""} />
            </div>
            <button type="submit" className="btn btn-outline">
              {t("moderation.redact.submit")}
            </button>
          </Form>
          {d.redactions.length > 0 ? (
            <ul>
              {d.redactions.map((r) => (
                <li key={r.id}>
                  {when(r.redactedAt)} — {r.reason}
                </li>
              ))}
            </ul>
          ) : null}
        </section>
      ) : null}

      {d.contribution && item.status !== "withdrawn" ? <MetadataForm d={d} failure={failure} /> : null}
      {d.contribution ? <DuplicateForm d={d} failure={failure} /> : null}
      {d.linkable ? <LinksAndOutcome d={d} failure={failure} /> : null}
    </article>
  );
}

/** A decision on a reported item that needs a reason the author reads: restore, or hide for good. */
function ReasonDecision({ intent, revision, failure, primary }: { intent: "restore" | "hideForGood"; revision: number; failure: Failure; primary?: boolean }) {
  const t = useT();
  return (
    <Form method="post" aria-labelledby={`${intent}-title`} aria-describedby={failure?.intent === intent ? `${intent}-error` : undefined}>
      <h3 id={`${intent}-title`}>{t(`moderation.${intent}.title`)}</h3>
      <ErrorText failure={failure} intent={intent} />
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="revision" value={revision} />
      <div className="field">
        <label htmlFor={`${intent}-reason`}>{t(`moderation.${intent}.reason`)}</label>
        <input id={`${intent}-reason`} name="reason" type="text" maxLength={1000} required defaultValue={valueOf(failure, intent, "reason") ?? ""} />
      </div>
      <button type="submit" className={primary ? "btn" : "btn btn-outline"}>
        {t(`moderation.${intent}.submit`)}
      </button>
    </Form>
  );
}
