import { formatNumber, type Lang, type Translate } from "~/i18n";

/** A rate per 10,000 inhabitants, with two decimals ("–" when the population is unknown). */
export function formatRate(lang: Lang, rate: number | null) {
  return rate == null ? "–" : formatNumber(lang, rate, { maximumFractionDigits: 2, minimumFractionDigits: 2 });
}

/** The capoluogo's stored name is Italian ("Milano (capoluogo)"); the zone names are proper names. */
export function zoneName(t: Translate, zone: { name: string; isCapoluogo: boolean }) {
  return zone.isCapoluogo ? t("territory.capoluogo") : zone.name;
}
