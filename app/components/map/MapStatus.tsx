import type { MessageKey } from "~/i18n";
import { useT } from "~/i18n/react";
import type { MapStatus } from "./useLeafletMap";

/** The line under a map until it is ready: no JavaScript (the text alternative is elsewhere), loading, or failed. */
export function MapStatusLine({ status, messages }: { status: MapStatus; messages: { idle: MessageKey; loading: MessageKey; error: MessageKey } }) {
  const t = useT();
  if (status === "ready") return null;
  return (
    <p className="map-status" role={status === "error" ? "alert" : "status"}>
      {t(messages[status])}
    </p>
  );
}
