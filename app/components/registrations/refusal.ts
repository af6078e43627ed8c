import { formatDate, type Lang, type Translate } from "~/i18n";
import { refusalKey, type Refusal } from "~/domain/meetings/registration-rules";

/** The message of a refusal in the page's language, with its names and date filled in. */
export function refusalText(t: Translate, lang: Lang, refusal: Refusal) {
  return t(refusalKey(refusal.reason), {
    organization: refusal.organization ?? "",
    zone: refusal.zone ?? "",
    organizationZone: refusal.organizationZone ?? "",
    date: refusal.date ? formatDate(lang, refusal.date, { dateStyle: "long", timeStyle: "short" }) : "",
  });
}
