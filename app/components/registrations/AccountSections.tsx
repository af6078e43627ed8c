import { Link } from "@remix-run/react";
import { formatDate, type MessageKey } from "~/i18n";
import { useLang, useT } from "~/i18n/react";

// The "Le mie iscrizioni" and "Inviti" sections of the account page (data from
// registrationsOfUser and invitationsForUser in app/domain/meetings).

type Registration = {
  id: number;
  meetingId: number;
  meetingTitle: string;
  meetingStatus: string;
  startsAt: Date | string;
  status: string;
  capacity: string;
  organizationName: string | null;
  position: number | null;
};

type Invitation = {
  meetingId: number;
  meetingTitle: string;
  meetingStatus: string;
  startsAt: Date | string;
  organizationId: number;
  organizationName: string;
  registered: boolean;
};

export function MyRegistrationsSection({ registrations }: { registrations: Registration[] }) {
  const t = useT();
  const lang = useLang();
  return (
    <section aria-labelledby="my-registrations">
      <h2 id="my-registrations">{t("account.registrations")}</h2>
      {registrations.length === 0 ? (
        <p>{t("account.noRegistrations")}</p>
      ) : (
        <ul className="registration-list">
          {registrations.map((r) => (
            <li key={r.id}>
              <Link to={`/incontri/${r.meetingId}`}>{r.meetingTitle}</Link> —{" "}
              <time dateTime={new Date(r.startsAt).toISOString()}>{formatDate(lang, r.startsAt, { dateStyle: "medium", timeStyle: "short" })}</time>
              {r.organizationName ? <> — {r.organizationName}</> : null} <span className="muted">({t(`registration.capacity.${r.capacity}` as MessageKey)})</span>{" "}
              <span className={`badge ${r.status === "confirmed" ? "badge-success" : "badge-warning"}`}>
                {t(`registration.status.${r.status}` as MessageKey)}
                {r.position ? `, ${t("registration.position", { position: r.position })}` : null}
              </span>
              {r.meetingStatus === "cancelled" ? <span className="badge badge-danger">{t("account.meetingCancelled")}</span> : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function InvitationsSection({ invitations }: { invitations: Invitation[] }) {
  const t = useT();
  const lang = useLang();
  return (
    <section aria-labelledby="my-invitations">
      <h2 id="my-invitations">{t("account.invitations")}</h2>
      {invitations.length === 0 ? (
        <p>{t("account.noInvitations")}</p>
      ) : (
        <ul className="registration-list">
          {invitations.map((i) => (
            <li key={`${i.meetingId}-${i.organizationId}`}>
              <Link to={`/incontri/${i.meetingId}`}>{i.meetingTitle}</Link> —{" "}
              <time dateTime={new Date(i.startsAt).toISOString()}>{formatDate(lang, i.startsAt, { dateStyle: "medium", timeStyle: "short" })}</time> —{" "}
              {t("account.invitationFor", { organization: i.organizationName })}{" "}
              <span className={`badge ${i.registered ? "badge-success" : ""}`}>
                {i.registered ? t("account.invitationRegistered") : t("account.invitationNotRegistered")}
              </span>
              {i.meetingStatus === "cancelled" ? <span className="badge badge-danger">{t("account.meetingCancelled")}</span> : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
