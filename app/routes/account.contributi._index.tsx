import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { requirePermission } from "~/domain/accounts/session.server";
import { myContributions, withdrawContribution } from "~/domain/contributions/contributions.server";
import { STATUS_BADGE } from "~/domain/contributions/rules";
import { formatDate, isMessageKey, type MessageKey } from "~/i18n";
import { metaTranslator } from "~/i18n/meta";
import { useLang, useT } from "~/i18n/react";
import type { RouteHandle } from "~/lib/breadcrumb";
import { DomainError } from "~/lib/domain-error";
import { invariantFound } from "~/lib/http.server";
import contributionsCss from "~/styles/contributions.css";
import { Pagination } from "~/components/layout/Pagination";

// "I miei contributi": every contribution of the signed-in participant with its status and the
// moderators' message; edit while pending, withdraw any time (with a confirmation that works without JavaScript).

export const links: LinksFunction = () => [{ rel: "stylesheet", href: contributionsCss }];
export const handle: RouteHandle = { breadcrumb: { key: "contributions.mine.title" } };
export const meta: MetaFunction = ({ matches }) => [{ title: metaTranslator(matches)("contributions.mine.metaTitle") }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "contribution.create");
  const page = Number(new URL(request.url).searchParams.get("pagina") ?? "1");
  const mine = await myContributions(user.id, Number.isFinite(page) ? page : 1);
  return {
    ...mine,
    rows: mine.rows.map((r) => ({
      ...r,
      createdAt: r.createdAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
      publishedAt: r.publishedAt?.toISOString() ?? null,
      withdrawnAt: r.withdrawnAt?.toISOString() ?? null,
    })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "contribution.create");
  const form = await request.formData();
  const id = Number(form.get("id"));
  if (form.get("intent") !== "withdraw" || !Number.isInteger(id) || id <= 0) return data({ id: null, error: "errors.unknownIntent" as MessageKey }, { status: 400 });
  try {
    await withdrawContribution(user.id, id);
  } catch (error) {
    if (error instanceof DomainError) {
      invariantFound(error.status !== 404, request, "errors.notFound.contribution");
      return data({ id, error: error.key }, { status: error.status });
    }
    throw error;
  }
  return redirect(`/account/contributi?esito=withdrawn#contributo-${id}`, { status: 303 });
}

const NOTICES: Record<string, MessageKey> = {
  pending: "contributions.mine.notice.pending",
  published: "contributions.mine.notice.published",
  updated: "contributions.mine.notice.updated",
  withdrawn: "contributions.mine.notice.withdrawn",
};

export default function MyContributions() {
  const t = useT();
  const lang = useLang();
  const { rows, page, pages, total } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const notice = NOTICES[params.get("esito") ?? ""];
  const date = (d: string) => formatDate(lang, d, { dateStyle: "long" });
  return (
    <div className="my-contributions-page">
      <h1>{t("contributions.mine.title")}</h1>
      <p>{t("contributions.mine.intro")}</p>
      {notice ? (
        <div className="alert alert-success" role="status">
          {t(notice)}
        </div>
      ) : null}
      <p>
        <Link to="/contributi/nuovo" className="btn">
          {t("contributions.new.cta")}
        </Link>
      </p>
      {total === 0 ? (
        <p>{t("contributions.mine.empty")}</p>
      ) : (
        <ul className="my-contributions" aria-label={t("contributions.mine.list")}>
          {rows.map((c) => (
            <li key={c.id} id={`contributo-${c.id}`} className="my-contribution">
              <h2 lang="it">{c.status === "published" || c.status === "withdrawn" ? <Link to={`/contributi/${c.id}`}>{c.title}</Link> : c.title}</h2>
              <p className="meta">
                <span className={`badge status-badge ${STATUS_BADGE[c.status]}`}>{t(`contributions.status.${c.status}`)}</span>
                {c.changesRequested && c.status === "pending" ? (
                  <>
                    {" "}
                    <span className="badge status-badge badge-danger">{t("contributions.mine.changesRequested")}</span>
                  </>
                ) : null}{" "}
                · {t(`contributions.kind.${c.kind}`)}
                {c.strategyCode ? <> · {c.strategyCode}</> : null}
                {c.comuniNames ? (
                  <>
                    {" "}
                    · {c.comuniNames}
                    {c.comuniCount > 6 ? "…" : ""}
                  </>
                ) : null}
              </p>
              <p className="meta">
                {t("contributions.mine.sentOn", { date: date(c.createdAt) })}
                {c.publishedAt ? <> · {t("contributions.mine.publishedOn", { date: date(c.publishedAt) })}</> : null}
                {c.withdrawnAt ? <> · {t("contributions.mine.withdrawnOn", { date: date(c.withdrawnAt) })}</> : null}
                {c.organizationName ? <> · {t("contributions.mine.onBehalf", { organization: c.organizationName })}</> : null}
                {c.status === "published" ? <> · {c.supportCount === 1 ? t("contributions.support.countOne") : t("contributions.support.count", { count: c.supportCount })}</> : null}
              </p>
              {c.moderatorMessage ? (
                <div className="moderator-message">
                  <p>
                    <strong>{t("contributions.mine.moderatorMessage")}</strong>
                  </p>
                  <p lang="it">{c.moderatorMessage}</p>
                </div>
              ) : null}
              {result?.id === c.id && result.error ? (
                <p className="error" role="alert">
                  {t(isMessageKey(result.error) ? result.error : "errors.invalid")}
                </p>
              ) : null}
              {c.status !== "withdrawn" ? (
                <div className="actions">
                  {c.editable ? (
                    <Link to={`/account/contributi/${c.id}/modifica`} className="btn btn-small btn-outline" aria-label={t("contributions.mine.editNamed", { title: c.title })}>
                      {t("contributions.mine.edit")}
                    </Link>
                  ) : null}
                  <details>
                    <summary aria-label={t("contributions.mine.withdrawNamed", { title: c.title })}>{t("contributions.mine.withdraw")}</summary>
                    <Form method="post" className="withdraw-form">
                      <p>{t("contributions.mine.withdrawConfirm")}</p>
                      <input type="hidden" name="id" value={c.id} />
                      <button type="submit" name="intent" value="withdraw" className="btn btn-danger btn-small">
                        {t("contributions.mine.withdrawYes")}
                      </button>
                    </Form>
                  </details>
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      <Pagination page={page} pages={pages} param="pagina" omit={["esito"]} />
    </div>
  );
}
