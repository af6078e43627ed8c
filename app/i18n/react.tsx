import { useRouteLoaderData } from "@remix-run/react";
import { useMemo } from "react";
import { DEFAULT_LANG, translator, type Lang, type Translate } from "./index";

type RootData = { lang: Lang } | undefined;

export function useLang(): Lang {
  const data = useRouteLoaderData("root") as RootData;
  return data?.lang ?? DEFAULT_LANG;
}

/** The translate function of the page's language. */
export function useT(): Translate {
  const lang = useLang();
  return useMemo(() => translator(lang), [lang]);
}
