// The panels of a moderation item page (app/routes/gestione.moderazione.$kind.$id.tsx): where a
// contribution is (map and words) and its attachments, the forms for its metadata and duplicates,
// links to draft sections and the outcome. Plain forms posting an `intent` to the page; refused
// values come back in `failure`.
import type { Geometry } from "geojson";
import { Form, Link } from "@remix-run/react";
import { RichText } from "~/components/RichText";
import { AttachmentList, type AttachmentView } from "~/components/contributions/AttachmentList";
import { PlaceMap } from "~/components/map/PlaceMap";
import { itemPath, MAX_RESPONSE_LENGTH } from "~/domain/moderation/kinds";
import { formatDate, formatNumber, isMessageKey, type MessageKey } from "~/i18n";
import { useLang, useT } from "~/i18n/react";
import { CONTRIBUTION_KINDS, OUTCOMES, type ContributionKind, type Outcome, type PlaceKind } from "~db/schema/enums";

/** A refused form: its intent, the message key (and the message itself when it names values), the field, what was typed. */
export type Failure = { intent: string; error: string; message?: string | null; field: string | null; values: Record<string, string | string[]> } | null;

export type ItemPanelsData = {
  item: { status: string };
  contribution: {
    kind: ContributionKind;
    strategyCode: string | null;
    targetCodes: string[];
    objectiveCodes: string[];
    placeKind: PlaceKind | null;
    geometry: string | null;
    comuni: { istat: string; name: string }[];
    duplicateOf: { id: number; title: string } | null;
    duplicatedBy: number[];
  } | null;
  strategies: { code: string; number: number; targets: { code: string; title: string }[] }[];
  objectives: { code: string; title: string }[];
  comuni: { istat: string; name: string }[];
  links: { versionId: number; sectionId: number; strategyCode: string; versionLabel: string; number: string | null; title: string | null }[];
  versions: { id: number; label: string; status: string }[];
  chosenVersionId: number | null;
  /** The section the item was sent from, proposed as its link (not saved yet). */
  proposedLink: SectionRefView | null;
  sections: { sectionId: number; number: string; title: string; linked: boolean; proposed: boolean }[];
  outcome: {
    current: { outcome: Outcome; response: string; revision: number };
    revisions: { revision: number; outcome: Outcome; decidedAt: string; decidedByName: string | null; html: string }[];
  } | null;
};

/** A draft section as the item page names it: "sezione 2.3 «…» di STTM1 v0.1". */
export type SectionRefView = { versionId: number; sectionId: number; strategyCode: string; versionLabel: string; number: string; title: string; path: string };

export type PlaceView = {
  comuni: { istat: string; name: string }[];
  zones: { id: string; name: string; isCapoluogo: boolean }[];
  map: {
    kind: PlaceKind | null;
    geometry: Geometry | null;
    outlines: { istat: string; name: string; geometry: Geometry }[];
    outlinesArePlace: boolean;
    point: [number, number] | null;
  };
};

export function SectionLink({ section }: { section: SectionRefView }) {
  const t = useT();
  return (
    <Link to={section.path} lang="it">
      {t("moderation.item.sectionRef", { number: section.number, title: section.title, strategy: section.strategyCode, version: section.versionLabel })}
    </Link>
  );
}

/**
 * Where a contribution is, on the small map of its public page and in words (the map's text
 * alternative, for keyboard and screen-reader users), and its attachments with previews.
 */
export function PlaceAndAttachments({ id, place, attachments, tileUrl }: { id: number; place: PlaceView; attachments: AttachmentView[]; tileUrl: string }) {
  const t = useT();
  const lang = useLang();
  const m = place.map;
  const coordinates =
    m.kind === "point" && m.point
      ? t("moderation.place.coordinates", {
          lat: formatNumber(lang, m.point[1], { minimumFractionDigits: 5, maximumFractionDigits: 5 }),
          lon: formatNumber(lang, m.point[0], { minimumFractionDigits: 5, maximumFractionDigits: 5 }),
        })
      : null;
  const words = [
    m.kind ? t(`contributions.placeKind.${m.kind}`) : null,
    place.comuni.map((c) => c.name).join(", "),
    place.zones.map((z) => (z.isCapoluogo ? t("browse.capoluogo") : z.name)).join(", "),
    coordinates,
  ].filter(Boolean);
  const hasMap = Boolean(m.geometry) || m.outlines.length > 0;
  return (
    <>
      <section className="moderation-panel" aria-labelledby="place-title">
        <h2 id="place-title">{t("moderation.place.title")}</h2>
        <p id="place-words">{words.length > 0 ? t("browse.page.placeWords", { place: words.join(" — ") }) : t("browse.page.noPlace")}</p>
        {hasMap ? <PlaceMap geometry={m.geometry} outlines={m.outlines} outlinesArePlace={m.outlinesArePlace} tileUrl={tileUrl} describedBy="place-words" /> : null}
      </section>
      <section className="moderation-panel" aria-labelledby="attachments-title">
        <h2 id="attachments-title">{t("contributions.attachments.title", { count: attachments.length })}</h2>
        {attachments.length > 0 ? <AttachmentList contributionId={id} attachments={attachments} /> : <p className="muted">{t("contributions.attachments.none")}</p>}
      </section>
    </>
  );
}

export function ErrorText({ failure, intent }: { failure: Failure; intent: string }) {
  const t = useT();
  if (!failure || failure.intent !== intent) return null;
  return (
    <p className="alert alert-danger" role="alert" id={`${intent}-error`}>
      {failure.message ?? (isMessageKey(failure.error) ? t(failure.error as MessageKey) : t("errors.invalid"))}
    </p>
  );
}

export const valueOf = (failure: Failure, intent: string, name: string) => {
  if (!failure || failure.intent !== intent) return undefined;
  const v = failure.values[name];
  return Array.isArray(v) ? v[0] : v;
};

export function MetadataForm({ d, failure }: { d: ItemPanelsData; failure: Failure }) {
  const t = useT();
  const c = d.contribution!;
  const strategy = d.strategies.find((s) => s.code === c.strategyCode) ?? d.strategies[0];
  return (
    <section className="moderation-panel" aria-labelledby="metadata-title">
      <h2 id="metadata-title">{t("moderation.metadata.title")}</h2>
      <p className="muted">{t("moderation.metadata.intro")}</p>
      <Form method="post" aria-describedby={failure?.intent === "metadata" ? "metadata-error" : undefined}>
        <ErrorText failure={failure} intent="metadata" />
        <input type="hidden" name="intent" value="metadata" />
        <div className="moderation-grid">
          <div className="field">
            <label htmlFor="meta-kind">{t("moderation.metadata.kind")}</label>
            <select id="meta-kind" name="kind" defaultValue={c.kind}>
              {CONTRIBUTION_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`contributions.kind.${k}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="meta-sttm">{t("moderation.filters.sttm")}</label>
            <select id="meta-sttm" name="strategyCode" defaultValue={c.strategyCode ?? strategy?.code}>
              {d.strategies.map((s) => (
                <option key={s.code} value={s.code}>
                  {t("plan.sttmLabel", { number: s.number })}
                </option>
              ))}
            </select>
          </div>
        </div>
        <fieldset className="field">
          <legend>{t("moderation.metadata.targets")}</legend>
          <ul className="checkbox-list">
            {d.strategies.flatMap((s) =>
              s.targets.map((target) => (
                <li key={target.code}>
                  <input type="checkbox" id={`target-${target.code}`} name="targetCodes" value={target.code} defaultChecked={c.targetCodes.includes(target.code)} />{" "}
                  <label htmlFor={`target-${target.code}`} lang="it">
                    {target.code} {target.title}
                  </label>
                </li>
              )),
            )}
          </ul>
        </fieldset>
        <fieldset className="field">
          <legend>{t("moderation.metadata.objectives")}</legend>
          <ul className="checkbox-list">
            {d.objectives.map((o) => (
              <li key={o.code}>
                <input type="checkbox" id={`objective-${o.code}`} name="objectiveCodes" value={o.code} defaultChecked={c.objectiveCodes.includes(o.code)} />{" "}
                <label htmlFor={`objective-${o.code}`} lang="it">
                  {o.code} {o.title}
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
        <fieldset className="field">
          <legend>{t("moderation.metadata.place")}</legend>
          <p className="hint">
            {t("moderation.metadata.currentPlace", {
              place: c.placeKind ? t(`contributions.placeKind.${c.placeKind}`) : "—",
              comuni: c.comuni.map((x) => x.name).join(", ") || "—",
            })}
          </p>
          <div>
            <input type="radio" id="place-keep" name="placeMode" value="keep" defaultChecked />{" "}
            <label htmlFor="place-keep">{t("moderation.metadata.placeKeep")}</label>
          </div>
          <div>
            <input type="radio" id="place-comuni" name="placeMode" value="comuni" />{" "}
            <label htmlFor="place-comuni">{t("moderation.metadata.placeComuni")}</label>
          </div>
          <div className="field">
            <label htmlFor="meta-comuni">{t("moderation.metadata.comuni")}</label>
            <select id="meta-comuni" name="comuni" multiple size={6} defaultValue={c.comuni.map((x) => x.istat)}>
              {d.comuni.map((x) => (
                <option key={x.istat} value={x.istat}>
                  {x.name}
                </option>
              ))}
            </select>
          </div>
          <div>
            <input type="radio" id="place-geometry" name="placeMode" value="geometry" />{" "}
            <label htmlFor="place-geometry">{t("moderation.metadata.placeGeometry")}</label>
          </div>
          <div className="field">
            <label htmlFor="meta-geometry">{t("moderation.metadata.geometry")}</label>
            <textarea id="meta-geometry" name="geometry" rows={3} defaultValue={c.placeKind !== "comuni" ? (c.geometry ?? "") : ""} />
          </div>
        </fieldset>
        <button type="submit" className="btn">
          {t("moderation.metadata.submit")}
        </button>
      </Form>
    </section>
  );
}

export function DuplicateForm({ d, failure }: { d: ItemPanelsData; failure: Failure }) {
  const t = useT();
  const c = d.contribution!;
  return (
    <section className="moderation-panel" aria-labelledby="duplicate-title">
      <h2 id="duplicate-title">{t("moderation.duplicate.title")}</h2>
      {c.duplicateOf ? (
        <p>
          {t("moderation.duplicate.of")} <Link to={itemPath("contribution", c.duplicateOf.id)}>#{c.duplicateOf.id} {c.duplicateOf.title}</Link>
        </p>
      ) : null}
      {c.duplicatedBy.length > 0 ? (
        <p>
          {t("moderation.duplicate.by")}{" "}
          {c.duplicatedBy.map((id, i) => (
            <span key={id}>
              {i > 0 ? ", " : ""}
              <Link to={itemPath("contribution", id)}>#{id}</Link>
            </span>
          ))}
        </p>
      ) : null}
      <Form method="post" aria-describedby={failure?.intent === "duplicate" ? "duplicate-error" : undefined}>
        <ErrorText failure={failure} intent="duplicate" />
        <input type="hidden" name="intent" value="duplicate" />
        <div className="field">
          <label htmlFor="duplicate-of">{t("moderation.duplicate.field")}</label>
          <input id="duplicate-of" name="duplicateOf" type="number" min={1} inputMode="numeric" required defaultValue={valueOf(failure, "duplicate", "duplicateOf") ?? ""} />
          <p className="hint">{t("moderation.duplicate.hint")}</p>
        </div>
        <button type="submit" className="btn btn-outline">
          {t("moderation.duplicate.submit")}
        </button>
      </Form>
    </section>
  );
}

export function LinksAndOutcome({ d, failure }: { d: ItemPanelsData; failure: Failure }) {
  const t = useT();
  const lang = useLang();
  const canGiveOutcome = d.item.status === "published";
  return (
    <>
      <section className="moderation-panel" aria-labelledby="links-title">
        <h2 id="links-title">{t("moderation.links.title")}</h2>
        {d.links.length > 0 ? (
          <ul>
            {d.links.map((l) => (
              <li key={`${l.versionId}-${l.sectionId}`}>
                {l.strategyCode} {l.versionLabel} · § {l.number} {l.title}
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t("moderation.links.none")}</p>
        )}
        {d.proposedLink ? (
          <p className="alert alert-info" role="note" id="links-proposed">
            {t("moderation.links.proposed", {
              section: t("moderation.item.sectionRef", { number: d.proposedLink.number, title: d.proposedLink.title, strategy: d.proposedLink.strategyCode, version: d.proposedLink.versionLabel }),
            })}
          </p>
        ) : null}
        {d.versions.length === 0 ? (
          <p>{t("moderation.links.noVersions")}</p>
        ) : (
          <>
            <Form method="get" className="actions">
              <label htmlFor="links-version">{t("moderation.links.version")}</label>
              <select id="links-version" name="versione" defaultValue={d.chosenVersionId ?? undefined}>
                {d.versions.map((v) => (
                  <option key={v.id} value={v.id}>
                    {v.label} ({t(`drafts.status.${v.status}` as MessageKey)})
                  </option>
                ))}
              </select>
              <button type="submit" className="btn btn-outline btn-small">
                {t("moderation.links.showSections")}
              </button>
            </Form>
            <Form method="post" aria-describedby={failure?.intent === "links" ? "links-error" : undefined}>
              <ErrorText failure={failure} intent="links" />
              <input type="hidden" name="intent" value="links" />
              <input type="hidden" name="versionId" value={d.chosenVersionId ?? ""} />
              <fieldset className="field">
                <legend>{t("moderation.links.sections", { version: d.versions.find((v) => v.id === d.chosenVersionId)?.label ?? "" })}</legend>
                <ul className="checkbox-list">
                  {d.sections.map((s) => (
                    <li key={s.sectionId}>
                      <input
                        type="checkbox"
                        id={`section-${s.sectionId}`}
                        name="sectionIds"
                        value={s.sectionId}
                        defaultChecked={s.linked || s.proposed}
                        aria-describedby={s.proposed ? "links-proposed" : undefined}
                      />{" "}
                      <label htmlFor={`section-${s.sectionId}`} lang="it">
                        § {s.number} {s.title}
                      </label>
                      {s.proposed ? <span className="badge proposed-badge">{t("moderation.links.proposedBadge")}</span> : null}
                    </li>
                  ))}
                </ul>
              </fieldset>
              <button type="submit" className="btn btn-outline">
                {t("moderation.links.submit")}
              </button>
            </Form>
          </>
        )}
      </section>

      <section className="moderation-panel" aria-labelledby="outcome-title">
        <h2 id="outcome-title">{t("moderation.outcome.title")}</h2>
        {!canGiveOutcome ? <p className="alert alert-warning">{t("moderation.outcome.onlyPublished")}</p> : null}
        {canGiveOutcome ? (
          <Form method="post" aria-describedby={failure?.intent === "outcome" ? "outcome-error" : undefined}>
            <ErrorText failure={failure} intent="outcome" />
            <input type="hidden" name="intent" value="outcome" />
            <div className="field">
              <label htmlFor="outcome-value">{t("moderation.outcome.value")}</label>
              {/* Starts empty (a revision starts from the current outcome): staff choose it, the page never guesses. */}
              <select
                id="outcome-value"
                name="outcome"
                required
                defaultValue={valueOf(failure, "outcome", "outcome") ?? d.outcome?.current.outcome ?? ""}
                onInvalid={(e) => e.currentTarget.setCustomValidity(t("moderation.error.outcomeRequired"))}
                onChange={(e) => e.currentTarget.setCustomValidity("")}
              >
                <option value="">{t("moderation.outcome.choose")}</option>
                {OUTCOMES.map((o) => (
                  <option key={o} value={o}>
                    {t(`browse.outcome.${o}`)}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="outcome-response">{t("moderation.outcome.response")}</label>
              <textarea
                id="outcome-response"
                name="response"
                rows={8}
                maxLength={MAX_RESPONSE_LENGTH}
                required
                aria-describedby="outcome-response-hint"
                defaultValue={valueOf(failure, "outcome", "response") ?? d.outcome?.current.response ?? ""}
              />
              <p className="hint" id="outcome-response-hint">
                {t("moderation.outcome.responseHint")}
              </p>
            </div>
            <button type="submit" className="btn">
              {d.outcome ? t("moderation.outcome.revise") : t("moderation.outcome.submit")}
            </button>
          </Form>
        ) : null}
        {d.outcome ? (
          <>
            <h3>{t("moderation.outcome.history")}</h3>
            <ol className="outcome-history" reversed>
              {d.outcome.revisions.map((r) => (
                <li key={r.revision}>
                  <p>
                    <strong>
                      {t("moderation.outcome.revision", { revision: r.revision })}: {t(`browse.outcome.${r.outcome}`)}
                    </strong>{" "}
                    · {formatDate(lang, r.decidedAt, { dateStyle: "medium", timeStyle: "short" })}
                    {r.decidedByName ? ` · ${r.decidedByName}` : ""}
                  </p>
                  <div lang="it">
                    <RichText html={r.html} />
                  </div>
                </li>
              ))}
            </ol>
          </>
        ) : null}
      </section>
    </>
  );
}
