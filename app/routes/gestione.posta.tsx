import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { z } from "~/lib/zod.server";
import { requirePermission } from "~/domain/accounts/session.server";
import { listOutbox } from "~/domain/notifications/outbox.server";
import { formatDate } from "~/i18n";
import { useLang, useT } from "~/i18n/react";
import type { RouteHandle } from "~/lib/breadcrumb";
import { Pagination } from "~/components/layout/Pagination";

export const handle: RouteHandle = { breadcrumb: { key: "outbox.title" } };
export const meta: MetaFunction = () => [{ title: "Posta in uscita — Concerta" }];

const querySchema = () => z.object({ page: z.coerce.number().int().min(1).max(100_000).catch(1) });

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "outbox.read");
  const { page } = querySchema().parse(Object.fromEntries(new URL(request.url).searchParams));
  const result = await listOutbox({ page });
  return {
    ...result,
    rows: result.rows.map((m) => ({
      id: m.id,
      createdAt: m.createdAt.toISOString(),
      toAddress: m.toAddress,
      subject: m.subject,
      body: m.body,
      link: m.link,
      sentAt: m.sentAt?.toISOString() ?? null,
      lastError: m.lastError,
    })),
  };
}

export default function Outbox() {
  const { rows, page, pages, total, smtp } = useLoaderData<typeof loader>();
  const t = useT();
  const lang = useLang();
  return (
    <>
      <h1>{t("outbox.title")}</h1>
      <p>{t("outbox.intro")}</p>
      <p className="alert">{smtp ? t("outbox.smtpOn") : t("outbox.smtpOff")}</p>
      {rows.length === 0 ? (
        <p>{t("outbox.empty")}</p>
      ) : (
        <table>
          <caption className="visually-hidden">{t("outbox.title")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("outbox.when")}</th>
              <th scope="col">{t("outbox.to")}</th>
              <th scope="col">{t("outbox.subject")}</th>
              <th scope="col">{t("outbox.status")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((m) => (
              <tr key={m.id}>
                <td>{formatDate(lang, m.createdAt, { dateStyle: "short", timeStyle: "short" })}</td>
                <td>{m.toAddress ?? "—"}</td>
                <td>
                  <details>
                    <summary>{m.subject}</summary>
                    <p style={{ whiteSpace: "pre-wrap" }}>{m.body}</p>
                    {m.link ? <Link to={m.link}>{t("outbox.open")}</Link> : null}
                  </details>
                </td>
                <td>{m.sentAt ? t("outbox.sent") : m.lastError ? t("outbox.failed", { error: m.lastError }) : t("outbox.notSent")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pagination page={page} pages={pages} total={total} />
    </>
  );
}
