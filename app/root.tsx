import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import {
  Link,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  isRouteErrorResponse,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import type { ReactNode } from "react";
import { getSession } from "~/domain/accounts/session.server";
import { can } from "~/domain/accounts/permissions";
import { getLang } from "~/lib/lang.server";
import { publicEnv } from "~/lib/env.server";
import { catalogueOf, registerCatalogue, translator, type Lang, type MessageKey } from "~/i18n";
import { catalogueUrl } from "~/i18n/catalogues.server";
import { SiteFooter } from "~/components/layout/SiteFooter";
import { SiteHeader } from "~/components/layout/SiteHeader";
import { Breadcrumb } from "~/components/layout/Breadcrumb";
import { ReportNotice } from "~/components/moderation/ReportForm";
import { useNonce } from "~/components/nonce";
import appStyles from "~/styles/app.css";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: appStyles },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = () => [{ title: "Concerta — Città metropolitana di Milano" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const [{ user, setCookie }, lang] = await Promise.all([getSession(request), getLang(request)]);
  const headers = new Headers();
  if (setCookie) headers.append("Set-Cookie", setCookie);
  return data(
    {
      lang,
      // Where the browser loads the page language's messages from (not bundled in the JS).
      messagesUrl: catalogueUrl(lang),
      user: user ? { id: user.id, name: user.name, role: user.role, isStaff: can(user, "staff.area"), isAdmin: can(user, "user.list") } : null,
      env: publicEnv(),
    },
    { headers },
  );
}

export type RootLoaderData = Awaited<ReturnType<typeof loader>>["data"];

const MESSAGES_ID = "concerta-messages";

declare global {
  interface Window {
    __concertaMessages?: Partial<Record<Lang, Record<string, string>>>;
  }
}

function loadedMessages(lang: Lang): Record<string, string> | undefined {
  return typeof window === "undefined" ? undefined : window.__concertaMessages?.[lang];
}

function embeddedMessages(lang: Lang): Record<string, string> | null {
  if (typeof document === "undefined") return catalogueOf(lang) ?? null;
  const text = document.getElementById(MESSAGES_ID)?.textContent;
  return text ? (JSON.parse(text) as Record<string, string>) : (catalogueOf(lang) ?? null);
}

export function Layout({ children }: { children: ReactNode }) {
  const root = useRouteLoaderData<typeof loader>("root");
  const nonce = useNonce();
  const lang: Lang = root?.lang ?? "it";
  // The browser's messages come from the script below (loaded before the app's scripts). Without
  // the root's data (an error before its loader ran), the server embeds them in the page as JSON.
  const embedded = root?.messagesUrl ? null : embeddedMessages(lang);
  registerCatalogue(lang, embedded ?? loadedMessages(lang));
  const t = translator(lang);
  return (
    <html lang={lang}>
      <head>
        <meta charSet="utf-8" />
        {root?.messagesUrl ? <script nonce={nonce} src={root.messagesUrl} /> : null}
        {embedded ? (
          <script id={MESSAGES_ID} type="application/json" dangerouslySetInnerHTML={{ __html: JSON.stringify(embedded).replace(/</g, "\\u003c") }} />
        ) : null}
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <nav className="skiplinks" aria-label={t("site.skipToContent")}>
          <a href="#main">{t("site.skipToContent")}</a>
          <a href="#main-nav">{t("site.skipToNav")}</a>
          <a href="#footer">{t("site.skipToFooter")}</a>
        </nav>
        <SiteHeader lang={lang} user={root?.user ?? null} />
        <div className="container">
          <Breadcrumb />
          <main id="main" tabIndex={-1}>
            <ReportNotice />
            {children}
          </main>
        </div>
        <SiteFooter lang={lang} />
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  const root = useRouteLoaderData<typeof loader>("root");
  const t = translator(root?.lang ?? "it");
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const known = [400, 401, 403, 404, 405, 429].includes(status) ? (`errors.${status}` as MessageKey) : "errors.500";
  // A specific message from the server (e.g. "Strategia non trovata") is shown under the generic one;
  // 401/403 keep only the generic text.
  const own = isRouteErrorResponse(error) && !(error as { internal?: boolean }).internal; // not Remix's own "No route matches"
  const detail = own && typeof error.data === "string" && status < 500 && status !== 401 && status !== 403 ? error.data : null;
  return (
    <div className="error-page">
      <h1>{t("errors.title")}</h1>
      <p>{t(known)}</p>
      {detail && detail !== t(known) ? <p>{detail}</p> : null}
      <p className="muted">HTTP {status}</p>
      <p>
        <Link to="/">{t("errors.goHome")}</Link>
      </p>
    </div>
  );
}
