import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, Outlet, useLoaderData, useRouteLoaderData } from "@remix-run/react";
import leafletCss from "leaflet/dist/leaflet.css";
import { getUser } from "~/domain/accounts/session.server";
import { can } from "~/domain/accounts/permissions";
import { getMeetingDetail } from "~/domain/meetings/meetings.server";
import { listDocuments } from "~/domain/meetings/documents.server";
import { contributionsOfMeeting } from "~/domain/contributions/on-behalf.server";
import { latestMeetingReport } from "~/domain/reports/meeting-report.server";
import { renderMarkdown } from "~/lib/markdown.server";
import { invariantFound } from "~/lib/http.server";
import { RichText } from "~/components/RichText";
import { MeetingMap } from "~/components/map/MeetingMap";
import { fileSize, fileTypeLabel, kindLabel, StatusBadge, timeRange, zoneLabel } from "~/components/meetings/MeetingBits";
import { formatDate, type MessageKey } from "~/i18n";
import { metaTranslator } from "~/i18n/meta";
import { useLang, useT } from "~/i18n/react";
import type { RouteHandle } from "~/lib/breadcrumb";
import type { RootLoaderData } from "~/root";

// The public meeting page. Its index child (incontri.$id._index.tsx) is the registration panel, rendered in <Outlet />.

// Leaflet's stylesheet only on the pages that draw a map.
export const links: LinksFunction = () => [{ rel: "stylesheet", href: leafletCss }];

type Data = { meeting?: { title?: string } } | undefined;
export const handle: RouteHandle = { breadcrumb: { label: (data) => (data as Data)?.meeting?.title ?? "" }, map: true };

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const t = metaTranslator(matches);
  if (!data) return [{ title: `${t("errors.title")} — Concerta` }];
  return [{ title: t("meetings.page.metaTitle", { title: data.meeting.title }) }];
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = Number(params.id);
  const meeting = Number.isInteger(id) && id > 0 ? await getMeetingDetail(id) : null;
  invariantFound(meeting, request, "errors.notFound.meeting");
  const closed = meeting.status === "closed";
  const [documents, contributions, user, report] = await Promise.all([
    listDocuments(id),
    closed ? contributionsOfMeeting(id) : Promise.resolve([]),
    getUser(request),
    latestMeetingReport(id),
  ]);
  return {
    meeting: {
      id: meeting.id,
      title: meeting.title,
      kind: meeting.kind,
      status: meeting.status,
      startsAt: meeting.startsAt.toISOString(),
      endsAt: meeting.endsAt.toISOString(),
      zoneId: meeting.zoneId,
      zoneName: meeting.zoneName,
      processTitle: meeting.processTitle,
      strategies: meeting.strategies,
      venueName: meeting.venueName,
      venueAddress: meeting.venueAddress,
      lat: meeting.lat,
      lon: meeting.lon,
      onlineUrl: meeting.onlineUrl,
      capacity: meeting.capacity,
      allowObservers: meeting.allowObservers,
      registrationOpensAt: meeting.registrationOpensAt?.toISOString() ?? null,
      registrationClosesAt: meeting.registrationClosesAt?.toISOString() ?? null,
      cancelledReason: meeting.cancelledReason,
      attendeesCount: closed ? meeting.attendeesCount : null,
      minutesPublishedAt: closed ? (meeting.minutesPublishedAt?.toISOString() ?? null) : null,
    },
    agendaHtml: renderMarkdown(meeting.agenda),
    // The minutes are public only once the meeting is closed.
    minutesHtml: closed ? renderMarkdown(meeting.minutes) : "",
    documents: documents.map((d) => ({ id: d.id, title: d.title, fileName: d.fileName, mimeType: d.mimeType, sizeBytes: d.sizeBytes })),
    contributions: contributions.map((c) => ({
      id: c.id,
      kind: c.kind,
      title: c.title,
      body: c.body,
      strategyCode: c.strategyCode,
      organizationName: c.organizationName,
      comuneName: c.comuneName,
    })),
    canManage: can(user, "meeting.manage"),
    report: report ? { number: report.number, publishedAt: report.publishedAt.toISOString() } : null,
  };
}

export type MeetingPageData = Awaited<ReturnType<typeof loader>>;

export default function MeetingPage() {
  const { meeting, agendaHtml, minutesHtml, documents, contributions, canManage, report } = useLoaderData<typeof loader>();
  const t = useT();
  const lang = useLang();
  const root = useRouteLoaderData("root") as RootLoaderData | undefined;
  const tileUrl = root?.env.MAP_TILE_URL ?? "";
  const place = [meeting.venueName, meeting.venueAddress].filter(Boolean).join(", ");
  const when = (iso: string) => formatDate(lang, iso, { dateStyle: "long", timeStyle: "short" });
  const registration =
    meeting.registrationOpensAt && meeting.registrationClosesAt
      ? t("meetings.page.registrationWindow", { from: when(meeting.registrationOpensAt), to: when(meeting.registrationClosesAt) })
      : meeting.registrationClosesAt
        ? t("meetings.page.registrationUntil", { to: when(meeting.registrationClosesAt) })
        : meeting.registrationOpensAt
          ? t("meetings.page.registrationFrom", { from: when(meeting.registrationOpensAt) })
          : t("meetings.page.registrationNone");
  const hasPoint = meeting.lat != null && meeting.lon != null;

  return (
    <article className="meeting-page">
      <p className="meeting-tags">
        <span className="badge">{kindLabel(t, meeting.kind)}</span> <StatusBadge t={t} status={meeting.status} />
      </p>
      <h1>{meeting.title}</h1>
      {meeting.status === "cancelled" ? (
        <div className="alert alert-danger" role="note">
          <p>
            <strong>{t("meetings.page.cancelled")}</strong>
          </p>
          {meeting.cancelledReason ? <p>{t("meetings.page.cancelledReason", { reason: meeting.cancelledReason })}</p> : null}
        </div>
      ) : null}
      {canManage ? (
        <p>
          <Link to={`/gestione/incontri/${meeting.id}`}>{t("meetings.page.staffEdit")}</Link>
        </p>
      ) : null}

      <div className="meeting-layout">
        <div>
          <section aria-labelledby="facts-title">
            <h2 id="facts-title" className="visually-hidden">
              {t("meetings.page.facts")}
            </h2>
            <dl className="facts">
              <dt>{t("meetings.page.when")}</dt>
              <dd>
                <time dateTime={meeting.startsAt}>{timeRange(t, lang, meeting.startsAt, meeting.endsAt)}</time>
                <br />
                <span className="muted">{t("meetings.page.timeZoneNote")}</span>
              </dd>
              <dt>{t("meetings.page.kind")}</dt>
              <dd>{kindLabel(t, meeting.kind)}</dd>
              <dt>{t("meetings.page.status")}</dt>
              <dd>{t(`meetings.status.${meeting.status}` as MessageKey)}</dd>
              {meeting.zoneId ? (
                <>
                  <dt>{t("meetings.page.zone")}</dt>
                  <dd>{zoneLabel(t, { id: meeting.zoneId, name: meeting.zoneName })}</dd>
                </>
              ) : null}
              {meeting.strategies.length ? (
                <>
                  <dt>{t("meetings.page.strategies")}</dt>
                  <dd>
                    <ul className="inline-list">
                      {meeting.strategies.map((s) => (
                        <li key={s.code}>
                          <Link to={`/strategie/${s.code}`}>
                            STTM {s.number}
                          </Link>
                          <span lang="it"> — {s.title}</span>
                        </li>
                      ))}
                    </ul>
                  </dd>
                </>
              ) : null}
              <dt>{t("meetings.page.venue")}</dt>
              <dd id="meeting-venue">{place || (meeting.onlineUrl ? t("meetings.online") : t("meetings.venueTbd"))}</dd>
              {meeting.onlineUrl ? (
                <>
                  <dt>{t("meetings.page.online")}</dt>
                  <dd>
                    <a href={meeting.onlineUrl} rel="noopener noreferrer">
                      {t("meetings.page.onlineLink")}
                    </a>
                  </dd>
                </>
              ) : null}
              <dt>{t("meetings.page.capacity")}</dt>
              <dd>{meeting.capacity ? t("meetings.capacity.places", { count: meeting.capacity }) : t("meetings.capacity.unlimited")}</dd>
              <dt>{t("meetings.page.registration")}</dt>
              <dd>{registration}</dd>
              <dt>{t("meetings.page.process")}</dt>
              <dd lang="it">{meeting.processTitle}</dd>
            </dl>
            <p>
              <a href={`/incontri/${meeting.id}/calendario.ics`} className="btn btn-outline" download>
                {t("meetings.page.calendar")}
              </a>
            </p>
          </section>

          <section aria-labelledby="agenda-title">
            <h2 id="agenda-title">{t("meetings.page.agenda")}</h2>
            {agendaHtml ? <RichText html={agendaHtml} /> : <p>{t("meetings.page.noAgenda")}</p>}
          </section>

          {report ? (
            <section aria-labelledby="report-title-link">
              <h2 id="report-title-link">{t("reports.meeting.page.title")}</h2>
              <p>{t("reports.meeting.page.published", { number: report.number, date: formatDate(lang, report.publishedAt) })}</p>
              <p>
                <Link to={`/incontri/${meeting.id}/rapporto`}>{t("reports.meeting.page.link")}</Link>
              </p>
            </section>
          ) : null}

          {meeting.status === "closed" ? (
            <>
              <section aria-labelledby="minutes-title">
                <h2 id="minutes-title">{t("meetings.page.minutes")}</h2>
                {meeting.minutesPublishedAt ? (
                  <p className="muted">{t("meetings.page.minutesPublished", { date: formatDate(lang, meeting.minutesPublishedAt) })}</p>
                ) : null}
                {meeting.attendeesCount != null ? <p>{t("meetings.page.attendees", { count: meeting.attendeesCount })}</p> : null}
                <RichText html={minutesHtml} />
              </section>
              <section aria-labelledby="contributions-title">
                <h2 id="contributions-title">{t("meetings.page.contributions")}</h2>
                <p>{t("meetings.page.contributionsIntro")}</p>
                {contributions.length === 0 ? (
                  <p>{t("meetings.page.noContributions")}</p>
                ) : (
                  <ul className="contributions-list">
                    {contributions.map((c) => (
                      <li key={c.id}>
                        <p className="meeting-tags">
                          <span className="badge">{t(`meetings.contributionKind.${c.kind}` as MessageKey)}</span>
                          {c.strategyCode ? <span className="badge">{c.strategyCode.replace("STTM", "STTM ")}</span> : null}
                        </p>
                        <h3>{c.title}</h3>
                        <p className="who">
                          {c.organizationName}
                          {c.comuneName && c.comuneName !== c.organizationName?.replace(/^Comune di /, "") ? ` — ${c.comuneName}` : ""}{" "}
                          <span className="muted">({t("meetings.onBehalf.enteredByStaff")})</span>
                        </p>
                        <p className="pre-line">{c.body}</p>
                      </li>
                    ))}
                  </ul>
                )}
              </section>
            </>
          ) : null}
        </div>

        <aside>
          {hasPoint ? (
            <section aria-labelledby="map-title">
              <h2 id="map-title">{t("meetings.page.mapTitle")}</h2>
              <MeetingMap lat={meeting.lat!} lon={meeting.lon!} label={meeting.venueName ?? meeting.title} tileUrl={tileUrl} describedBy="meeting-map-text" />
              <p id="meeting-map-text" className="muted">
                {t("meetings.page.mapText", { place: place || `${meeting.lat}, ${meeting.lon}` })}
              </p>
            </section>
          ) : null}

          <section aria-labelledby="documents-title">
            <h2 id="documents-title">{t("meetings.page.documents")}</h2>
            {documents.length === 0 ? (
              <p>{t("meetings.page.noDocuments")}</p>
            ) : (
              <ul className="documents">
                {documents.map((d) => (
                  <li key={d.id}>
                    <a href={`/incontri/${meeting.id}/documenti/${d.id}`} download={d.fileName}>
                      {d.title}
                    </a>
                    <span className="muted">{t("meetings.page.documentMeta", { type: fileTypeLabel(d.mimeType), size: fileSize(lang, d.sizeBytes) })}</span>
                  </li>
                ))}
              </ul>
            )}
          </section>

          <section className="meeting-registration">
            <Outlet />
          </section>
        </aside>
      </div>

      <p>
        <Link to="/incontri">{t("meetings.page.allMeetings")}</Link>
      </p>
    </article>
  );
}
