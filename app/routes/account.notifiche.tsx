import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { requireUser } from "~/domain/accounts/session.server";
import { NOTIFICATION_CATEGORIES, type NotificationCategory } from "~/domain/moderation/kinds";
import { preferencesOf, setPreferences } from "~/domain/notifications/preferences.server";
import { metaTranslator } from "~/i18n/meta";
import { useT } from "~/i18n/react";
import type { RouteHandle } from "~/lib/breadcrumb";
import { formValues } from "~/lib/forms";

// Which messages about my contributions, comments and amendments I receive (in the app and by e-mail).

export const handle: RouteHandle = { breadcrumb: { key: "moderation.prefs.title" } };
export const meta: MetaFunction = ({ matches }) => [{ title: `${metaTranslator(matches)("moderation.prefs.title")} — Concerta` }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return { preferences: preferencesOf(user.id) };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const chosen = [formValues(await request.formData()).kind ?? []].flat();
  setPreferences(
    user.id,
    NOTIFICATION_CATEGORIES.filter((c) => chosen.includes(c)),
  );
  return redirect("/account/notifiche?salvato=1");
}

export default function NotificationPreferences() {
  const { preferences } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const t = useT();
  return (
    <>
      <h1>{t("moderation.prefs.title")}</h1>
      <p>{t("moderation.prefs.intro")}</p>
      {params.get("salvato") ? (
        <div className="alert alert-success" role="status">
          <p>{t("moderation.prefs.saved")}</p>
        </div>
      ) : null}
      <Form method="post">
        <fieldset className="field">
          <legend>{t("moderation.prefs.legend")}</legend>
          {NOTIFICATION_CATEGORIES.map((c: NotificationCategory) => (
            <div key={c}>
              <input type="checkbox" id={`pref-${c}`} name="kind" value={c} defaultChecked={preferences[c]} />{" "}
              <label htmlFor={`pref-${c}`}>{t(`moderation.prefs.kind.${c}`)}</label>
            </div>
          ))}
        </fieldset>
        <button type="submit" className="btn">
          {t("moderation.prefs.submit")}
        </button>
      </Form>
      <p>
        <Link to="/account">{t("moderation.prefs.back")}</Link>
      </p>
    </>
  );
}
