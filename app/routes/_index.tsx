import type { MetaFunction } from "@remix-run/node";
import { useT } from "~/i18n/react";

export const meta: MetaFunction = () => [{ title: "Concerta — Città metropolitana di Milano" }];

export default function Home() {
  const t = useT();
  return (
    <>
      <h1>{t("site.tagline")}</h1>
    </>
  );
}
