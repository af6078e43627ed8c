import { Link, useLocation } from "@remix-run/react";
import { useT } from "~/i18n/react";

// The one pagination of the site: a navigation landmark with plain links (it works without
// JavaScript), the current page marked with aria-current. Two forms: "Pagina 2 di 5" between
// Precedente and Successiva (staff lists, small lists), or the page numbers to choose
// (the public contributions list).

type Props = {
  page: number;
  /** The number of pages (or the last one known when the count is capped). */
  pages: number;
  /** There are pages after this one even beyond `pages` (a capped count). Default: page < pages. */
  hasNext?: boolean;
  /** Shown after "Pagina 2 di 5", as "(total)". */
  total?: number;
  /** The page numbers to choose instead of "Pagina 2 di 5". */
  numbered?: boolean;
  /** The landmark's name; default "Paginazione". */
  label?: string;
  /** The address of a page. Default: the current URL with `param` set to it, the other parameters kept (but `omit`). */
  href?: (page: number) => string;
  param?: string;
  /** Parameters that are not carried to another page (one-time notices such as `ok` or `esito`). */
  omit?: readonly string[];
};

/** The query of another page: the current one's parameters, `param` set to the page (last), `omit` and `index` dropped. */
export function pageSearch(search: string, page: number, param = "page", omit: readonly string[] = []) {
  const params = new URLSearchParams(search);
  // `index` is left by a form posted to an index route; a link does not need it.
  for (const key of [param, "index", ...omit]) params.delete(key);
  params.append(param, String(page));
  return `?${params.toString()}`;
}

/** A page of a list whose query is already built (canonical): page 1 is the plain list, the page comes last. */
export function listPageHref(path: string, query: string, page: number, param = "page") {
  const search = [query, page > 1 ? `${param}=${page}` : ""].filter(Boolean).join("&");
  return search ? `${path}?${search}` : path;
}

/** The page numbers to link: the first, the current one with two on each side, the last. */
export function pageWindow(page: number, last: number) {
  const pages = new Set<number>([1, last]);
  for (let p = page - 2; p <= page + 2; p++) if (p >= 1 && p <= last) pages.add(p);
  return [...pages].sort((a, b) => a - b);
}

export function Pagination({ page, pages, hasNext = page < pages, total, numbered = false, label, href, param = "page", omit }: Props) {
  const t = useT();
  const location = useLocation();
  const to = href ?? ((p: number) => pageSearch(location.search, p, param, omit));
  const last = numbered ? Math.max(pages, page, hasNext ? page + 1 : 0) : pages;
  if (last <= 1) return null;
  const numbers = numbered ? pageWindow(page, last) : [];

  return (
    <nav className="pagination" aria-label={label ?? t("common.pagination")}>
      {page > 1 ? (
        <Link to={to(page - 1)} rel="prev">
          {t("common.previous")}
        </Link>
      ) : null}
      {numbered ? (
        <ul>
          {numbers.map((p, i) => (
            <li key={p}>
              {i > 0 && p > numbers[i - 1] + 1 ? <span aria-hidden="true">… </span> : null}
              {p === page ? (
                <span aria-current="page" className="current-page">
                  <span className="visually-hidden">{t("common.pageLabel")} </span>
                  {p}
                </span>
              ) : (
                <Link to={to(p)} aria-label={t("common.goToPage", { page: p })}>
                  {p}
                </Link>
              )}
            </li>
          ))}
        </ul>
      ) : (
        <span aria-current="page">
          {t("common.page", { page, pages })}
          {total !== undefined ? ` (${total})` : null}
        </span>
      )}
      {hasNext ? (
        <Link to={to(page + 1)} rel="next">
          {t("common.next")}
        </Link>
      ) : null}
    </nav>
  );
}
