import { Link, useMatches } from "@remix-run/react";
import type { RouteHandle } from "~/lib/breadcrumb";
import { useT } from "~/i18n/react";

/** Built from the `handle.breadcrumb` of the matched routes; hidden on the home page. */
export function Breadcrumb() {
  const t = useT();
  const matches = useMatches();
  const crumbs = matches
    .filter((m) => (m.handle as RouteHandle | undefined)?.breadcrumb)
    .map((m) => {
      const crumb = (m.handle as RouteHandle).breadcrumb!;
      return { to: m.pathname, label: "key" in crumb ? t(crumb.key) : crumb.label(m.data) };
    });
  if (crumbs.length === 0) return null;
  return (
    <nav aria-label={t("breadcrumb.label")} className="breadcrumb">
      <ol>
        <li>
          <Link to="/">{t("nav.home")}</Link>
        </li>
        {crumbs.map((c, i) => (
          <li key={c.to}>
            {i === crumbs.length - 1 ? <span aria-current="page">{c.label}</span> : <Link to={c.to}>{c.label}</Link>}
          </li>
        ))}
      </ol>
    </nav>
  );
}
