import { createCookie } from "@remix-run/node";
import { DEFAULT_LANG, isLang, type Lang } from "~/i18n";
import { cookieSecure } from "./env.server";

export const langCookie = createCookie("concerta_lang", {
  path: "/",
  sameSite: "lax",
  httpOnly: true,
  secure: cookieSecure(),
  maxAge: 60 * 60 * 24 * 365,
});

/**
 * Language: the one chosen with the switch (cookie), else Italian. The browser's
 * Accept-Language is deliberately ignored: the service speaks Italian first.
 */
export async function getLang(request: Request): Promise<Lang> {
  const fromCookie = await langCookie.parse(request.headers.get("Cookie"));
  return isLang(fromCookie) ? fromCookie : DEFAULT_LANG;
}
