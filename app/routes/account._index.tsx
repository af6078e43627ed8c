import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { requireUser } from "~/domain/accounts/session.server";
import { findUserById } from "~/domain/accounts/users.server";
import { membershipsOf } from "~/domain/accounts/organizations.server";
import { messagesFor } from "~/domain/notifications/outbox.server";
import { registrationsOfUser } from "~/domain/meetings/registrations.server";
import { invitationsForUser } from "~/domain/meetings/invitations.server";
import { InvitationsSection, MyRegistrationsSection } from "~/components/registrations/AccountSections";
import { formatDate, type MessageKey } from "~/i18n";
import { useLang, useT } from "~/i18n/react";
import { invariantFound } from "~/lib/http.server";

export const meta: MetaFunction = () => [{ title: "Il mio account — Concerta" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const current = await requireUser(request);
  const [user, memberships, messages] = await Promise.all([findUserById(current.id), membershipsOf(current.id), messagesFor(current.id)]);
  const [registrations, invitations] = await Promise.all([registrationsOfUser(current.id), invitationsForUser(current.id)]);
  invariantFound(user, request, "errors.notFound.account");
  return {
    user: {
      name: user.name ?? "",
      email: user.email ?? "",
      role: user.role,
      createdAt: user.createdAt.toISOString(),
      privacyConsentAt: user.privacyConsentAt?.toISOString() ?? null,
    },
    memberships: memberships.map((m) => ({
      id: m.id,
      status: m.status,
      position: m.position,
      organizationName: m.organizationName,
      organizationKind: m.organizationKind,
      decisionNote: m.decisionNote,
    })),
    messages: messages.map((m) => ({ id: m.id, subject: m.subject, body: m.body, link: m.link, createdAt: m.createdAt.toISOString() })),
    registrations,
    invitations,
  };
}

const NOTICES: Record<string, MessageKey> = {
  registered: "account.registered",
  password: "account.passwordChanged",
  membership: "account.membershipRequested",
};

export default function Account() {
  const { user, memberships, messages, registrations, invitations } = useLoaderData<typeof loader>();
  const t = useT();
  const lang = useLang();
  const [params] = useSearchParams();
  const notice = NOTICES[params.get("ok") ?? ""];
  return (
    <>
      <h1>{t("account.title")}</h1>
      {notice ? (
        <div className="alert alert-success" role="status">
          {t(notice)}
        </div>
      ) : null}
      <section aria-labelledby="profile">
        <h2 id="profile">{t("account.profile")}</h2>
        <dl className="facts">
          <dt>{t("account.name")}</dt>
          <dd>{user.name}</dd>
          <dt>{t("account.email")}</dt>
          <dd>{user.email}</dd>
          <dt>{t("account.role")}</dt>
          <dd>{t(`role.${user.role}` as MessageKey)}</dd>
          <dt>{t("account.since")}</dt>
          <dd>{formatDate(lang, user.createdAt)}</dd>
          {user.privacyConsentAt ? (
            <>
              <dt>{t("account.consent")}</dt>
              <dd>{formatDate(lang, user.privacyConsentAt, { dateStyle: "long", timeStyle: "short" })}</dd>
            </>
          ) : null}
        </dl>
      </section>
      <section aria-labelledby="orgs">
        <h2 id="orgs">{t("account.organizations")}</h2>
        {memberships.length === 0 ? (
          <p>{t("account.noOrganizations")}</p>
        ) : (
          <ul className="memberships">
            {memberships.map((m) => (
              <li key={m.id}>
                <strong>{m.organizationName}</strong> <span className="muted">({t(`orgKind.${m.organizationKind}` as MessageKey)})</span>
                {m.position ? <> — {m.position}</> : null}{" "}
                <span className={`badge ${m.status === "approved" ? "badge-success" : m.status === "pending" ? "badge-warning" : "badge-danger"}`}>
                  {t(`membership.status.${m.status}` as MessageKey)}
                </span>
                {m.decisionNote && m.status !== "approved" ? <p className="muted">{m.decisionNote}</p> : null}
              </li>
            ))}
          </ul>
        )}
        <p>
          <Link to="/account/organizzazioni">{t("account.requestMembership")}</Link>
        </p>
      </section>
      <section aria-labelledby="my-contributions">
        <h2 id="my-contributions">{t("contributions.mine.title")}</h2>
        <p>
          <Link to="/account/contributi">{t("contributions.mine.accountLink")}</Link> · <Link to="/contributi/nuovo">{t("contributions.new.cta")}</Link>
        </p>
      </section>
      <MyRegistrationsSection registrations={registrations} />
      {invitations.length || memberships.some((m) => m.status === "approved") ? <InvitationsSection invitations={invitations} /> : null}
      <section aria-labelledby="messages">
        <h2 id="messages">{t("account.messages")}</h2>
        <p>
          <Link to="/account/notifiche">{t("moderation.prefs.link")}</Link>
        </p>
        {messages.length === 0 ? (
          <p>{t("account.noMessages")}</p>
        ) : (
          <ul className="messages">
            {messages.map((m) => (
              <li key={m.id}>
                <time dateTime={m.createdAt}>{formatDate(lang, m.createdAt, { dateStyle: "medium", timeStyle: "short" })}</time> —{" "}
                {m.link ? <Link to={m.link}>{m.subject}</Link> : <strong>{m.subject}</strong>}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="security">
        <h2 id="security">{t("account.security")}</h2>
        <p>
          <Link to="/account/password">{t("account.changePassword")}</Link>
        </p>
      </section>
      <section aria-labelledby="mydata">
        <h2 id="mydata">{t("account.privacy")}</h2>
        <ul>
          <li>
            <a href="/account/dati" download>
              {t("account.downloadData")}
            </a>
          </li>
          <li>
            <Link to="/account/elimina">{t("account.deleteAccount")}</Link>
          </li>
        </ul>
      </section>
    </>
  );
}
