import { isMessageKey, type MessageKey } from "~/i18n";

// The outcome of a support action, carried back to the contribution page in the URL
// (/contributi/:id?sostegno=<key>#sostegno) by the /contributi/:id/sostegno action. Browser-safe.

export const SUPPORT_PARAM = "sostegno";

/** The message to show for `?sostegno=`, and whether it is a success; null for anything else. */
export function supportNotice(params: URLSearchParams): { key: MessageKey; ok: boolean } | null {
  const key = params.get(SUPPORT_PARAM);
  if (!key || !isMessageKey(key)) return null;
  if (key.startsWith("contributions.support.done.")) return { key, ok: true };
  if (key.startsWith("contributions.support.") || key.startsWith("contributions.error.") || key === "errors.unknownIntent") return { key, ok: false };
  return null;
}

export type SupportState = {
  /** People and organizations together (= contributions.support_count). */
  count: number;
  people: number;
  organizations: { id: number; name: string }[];
  /** The viewer: null when anonymous. */
  viewer: {
    supported: boolean;
    /** The viewer's own contribution cannot be supported by themselves. */
    isAuthor: boolean;
    /** Organizations the viewer represents (approved), and whether each has co-signed. */
    organizations: { id: number; name: string; cosigned: boolean }[];
  } | null;
};
