import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requirePermission } from "~/domain/accounts/session.server";
import { can } from "~/domain/accounts/permissions";
import { pendingMembershipCount } from "~/domain/accounts/organizations.server";
import { useT } from "~/i18n/react";

export const meta: MetaFunction = () => [{ title: "Gestione — Concerta" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "staff.area");
  return { pending: await pendingMembershipCount(), isAdmin: can(user, "user.list"), canReadOutbox: can(user, "outbox.read"), canManageProcesses: can(user, "process.manage") };
}

export default function StaffHome() {
  const { pending, isAdmin, canReadOutbox, canManageProcesses } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      <h1>{t("staff.title")}</h1>
      <p>{t("staff.intro")}</p>
      <ul className="cards">
        <li className="card">
          <h2>
            <Link to="/gestione/adesioni">{t("staff.memberships")}</Link>
          </h2>
          <p>{t("staff.membershipsPending", { count: pending })}</p>
        </li>
        {canManageProcesses ? (
          <li className="card">
            <h2>
              <Link to="/gestione/processi">{t("processes.staff.title")}</Link>
            </h2>
            <p>{t("processes.staff.card")}</p>
          </li>
        ) : null}
        {isAdmin ? (
          <li className="card">
            <h2>
              <Link to="/gestione/utenti">{t("staff.users")}</Link>
            </h2>
          </li>
        ) : null}
        {canReadOutbox ? (
          <li className="card">
            <h2>
              <Link to="/gestione/posta">{t("outbox.title")}</Link>
            </h2>
          </li>
        ) : null}
        {/* Everyone in the staff area may manage meetings ("meeting.manage" has the roles of "staff.area"). */}
        <li className="card">
          <h2>
            <Link to="/gestione/incontri">{t("meetings.staff.title")}</Link>
          </h2>
          <p>{t("meetings.staff.cardText")}</p>
        </li>
        {/* Every staff-area role may moderate ("moderation.decide" has the roles of "staff.area"). */}
        <li className="card">
          <h2>
            <Link to="/gestione/moderazione">{t("moderation.title")}</Link>
          </h2>
          <p>{t("moderation.card")}</p>
        </li>
        {/* Every staff-area role may manage drafts ("draft.manage" has the roles of "staff.area"). */}
        <li className="card">
          <h2>
            <Link to="/gestione/bozze">{t("drafts.staff.title")}</Link>
          </h2>
          <p>{t("drafts.staff.card")}</p>
        </li>
      </ul>
    </>
  );
}
