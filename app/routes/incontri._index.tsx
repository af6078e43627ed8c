import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "~/lib/zod.server";
import { listMeetings, meetingOptions } from "~/domain/meetings/meetings.server";
import { WHEN } from "~/domain/meetings/list-filters";
import { kindLabel, StatusBadge, zoneLabel } from "~/components/meetings/MeetingBits";
import { formatDate, type Lang, type Translate } from "~/i18n";
import { metaTranslator } from "~/i18n/meta";
import { useLang, useT } from "~/i18n/react";
import { MEETING_KINDS } from "~db/schema/enums";
import { listPageHref, Pagination } from "~/components/layout/Pagination";

export const meta: MetaFunction = ({ matches }) => [{ title: metaTranslator(matches)("meetings.metaTitle") }];

// Filters live in the URL (a GET form), so a filtered list can be shared and works without JavaScript.
const querySchema = () => z.object({
  kind: z.enum(MEETING_KINDS).optional().catch(undefined),
  zone: z.string().max(40).optional().catch(undefined),
  sttm: z.string().max(20).optional().catch(undefined),
  when: z.enum(WHEN).catch("all"),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const raw = Object.fromEntries([...new URL(request.url).searchParams].filter(([, v]) => v !== ""));
  const q = querySchema().parse(raw);
  const [result, options] = await Promise.all([
    listMeetings({ kind: q.kind, zoneId: q.zone, strategyCode: q.sttm, when: q.when, page: q.page }),
    meetingOptions(),
  ]);
  return {
    filters: { kind: q.kind ?? "", zone: q.zone ?? "", sttm: q.sttm ?? "", when: q.when },
    options: { zones: options.zones, strategies: options.strategies },
    page: result.page,
    pages: result.pages,
    total: result.total,
    rows: result.rows.map((r) => ({ ...r, startsAt: r.startsAt.toISOString(), endsAt: r.endsAt.toISOString() })),
  };
}

type Row = Awaited<ReturnType<typeof loader>>["rows"][number];

function DateBlock({ lang, iso }: { lang: Lang; iso: string }) {
  return (
    <time className="meeting-date" dateTime={iso}>
      <span className="day">{formatDate(lang, iso, { day: "numeric" })}</span>
      <span className="month">{formatDate(lang, iso, { month: "short" })}</span>
      <span className="year">{formatDate(lang, iso, { year: "numeric" })}</span>
      <span className="time">{formatDate(lang, iso, { timeStyle: "short" })}</span>
    </time>
  );
}

function MeetingItem({ row, t, lang }: { row: Row; t: Translate; lang: Lang }) {
  const place = [row.venueName, row.venueAddress].filter(Boolean).join(", ");
  return (
    <li className={`meeting-item${row.past ? " is-past" : ""}${row.status === "cancelled" ? " is-cancelled" : ""}`} data-meeting-id={row.id}>
      <DateBlock lang={lang} iso={row.startsAt} />
      <div>
        <h3>
          <Link to={`/incontri/${row.id}`}>{row.title}</Link>
        </h3>
        <p className="meeting-tags">
          <span className="badge">{kindLabel(t, row.kind)}</span> <StatusBadge t={t} status={row.status} />
          {row.strategyCodes.map((c) => (
            <span key={c} className="badge">
              {c.replace("STTM", "STTM ")}
            </span>
          ))}
        </p>
        <p>
          {formatDate(lang, row.startsAt, { dateStyle: "full", timeStyle: "short" })}
          {row.zoneId ? ` · ${zoneLabel(t, { id: row.zoneId, name: row.zoneName })}` : ""}
        </p>
        <p className="muted">{[place, row.online ? t("meetings.online") : ""].filter(Boolean).join(" · ") || t("meetings.venueTbd")}</p>
      </div>
    </li>
  );
}

export default function MeetingsList() {
  const { filters, options, rows, page, pages, total } = useLoaderData<typeof loader>();
  const t = useT();
  const lang = useLang();
  const upcoming = rows.filter((r) => !r.past);
  const past = rows.filter((r) => r.past);
  // The filters set, without their defaults (so the first page of a plain list is /incontri).
  const filterQuery = new URLSearchParams(Object.entries(filters).filter(([k, v]) => v && !(k === "when" && v === "all"))).toString();
  return (
    <>
      <h1>{t("meetings.title")}</h1>
      <p className="lead">{t("meetings.intro")}</p>

      <section aria-labelledby="filters-title">
        <h2 id="filters-title" className="visually-hidden">
          {t("meetings.filters.title")}
        </h2>
        <Form method="get" className="meeting-filters" aria-labelledby="filters-title">
          <div className="field">
            <label htmlFor="filter-kind">{t("meetings.filters.kind")}</label>
            <select id="filter-kind" name="kind" defaultValue={filters.kind}>
              <option value="">{t("meetings.filters.anyKind")}</option>
              {MEETING_KINDS.map((k) => (
                <option key={k} value={k}>
                  {kindLabel(t, k)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="filter-zone">{t("meetings.filters.zone")}</label>
            <select id="filter-zone" name="zone" defaultValue={filters.zone}>
              <option value="">{t("meetings.filters.anyZone")}</option>
              {options.zones.map((z) => (
                <option key={z.id} value={z.id}>
                  {zoneLabel(t, z)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="filter-sttm">{t("meetings.filters.strategy")}</label>
            <select id="filter-sttm" name="sttm" defaultValue={filters.sttm}>
              <option value="">{t("meetings.filters.anyStrategy")}</option>
              {options.strategies.map((s) => (
                <option key={s.code} value={s.code}>
                  STTM {s.number}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="filter-when">{t("meetings.filters.when")}</label>
            <select id="filter-when" name="when" defaultValue={filters.when}>
              {WHEN.map((w) => (
                <option key={w} value={w}>
                  {t(`meetings.when.${w}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="actions">
            <button type="submit" className="btn">
              {t("meetings.filters.submit")}
            </button>
            <Link to="/incontri">{t("meetings.filters.reset")}</Link>
          </div>
        </Form>
      </section>

      <p role="status">{total === 1 ? t("meetings.list.countOne") : t("meetings.list.count", { count: total })}</p>

      {rows.length === 0 ? <p>{t("meetings.list.empty")}</p> : null}
      {upcoming.length ? (
        <section aria-labelledby="upcoming-title">
          <h2 id="upcoming-title">{t("meetings.list.upcoming")}</h2>
          <ul className="meeting-list" aria-labelledby="upcoming-title">
            {upcoming.map((r) => (
              <MeetingItem key={r.id} row={r} t={t} lang={lang} />
            ))}
          </ul>
        </section>
      ) : null}
      {past.length ? (
        <section aria-labelledby="past-title">
          <h2 id="past-title">{t("meetings.list.past")}</h2>
          <ul className="meeting-list" aria-labelledby="past-title">
            {past.map((r) => (
              <MeetingItem key={r.id} row={r} t={t} lang={lang} />
            ))}
          </ul>
        </section>
      ) : null}

      <Pagination page={page} pages={pages} href={(p) => listPageHref("/incontri", filterQuery, p)} />

      <section aria-labelledby="feed-title">
        <h2 id="feed-title">{t("meetings.feed.title")}</h2>
        <p>
          {t("meetings.feed.text")} <a href="/incontri/calendario.ics">{t("meetings.feed.link")}</a>
        </p>
      </section>
    </>
  );
}
