import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { getUser } from "~/domain/accounts/session.server";
import { setLocale } from "~/domain/accounts/users.server";
import { safeRedirect } from "~/domain/accounts/schemas";
import { isLang } from "~/i18n";
import { langCookie } from "~/lib/lang.server";

/** The language switch: anyone may use it; a signed-in user's choice is also remembered on the account. */
export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  const lang = form.get("lang");
  if (!isLang(lang)) throw new Response("Lingua non supportata", { status: 400 });
  const user = await getUser(request);
  if (user) await setLocale(user.id, lang);
  return redirect(safeRedirect(form.get("redirectTo"), "/"), {
    headers: { "Set-Cookie": await langCookie.serialize(lang) },
  });
}

export async function loader() {
  return redirect("/");
}
