import type { LoaderFunctionArgs } from "@remix-run/node";
import { catalogueScript } from "~/i18n/catalogues.server";
import { isLang } from "~/i18n";

// Resource route: GET /i18n/<lang>-<hash>.js — the page language's messages for the browser
// (root.tsx loads it before the app's scripts). Immutable: a new text gives a new hash.
export async function loader({ params }: LoaderFunctionArgs) {
  const m = /^([a-z]{2})-([0-9a-f]{12})\.js$/.exec(params.file ?? "");
  const lang = m?.[1];
  if (!m || !isLang(lang)) {
    return new Response("Catalogo non trovato", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  const script = catalogueScript(lang);
  // A page rendered before a deploy asks for the previous hash: it gets today's messages, not cached.
  const current = script.hash === m[2];
  return new Response(script.body, {
    headers: { "Content-Type": "text/javascript; charset=utf-8", "Cache-Control": current ? "public, max-age=31536000, immutable" : "no-cache" },
  });
}
