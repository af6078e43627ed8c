import type { ReactNode, RefObject } from "react";
import type { MessageKey } from "~/i18n";
import { useT } from "~/i18n/react";
import type { MapStatus } from "./useLeafletMap";

type Props = {
  /** The container useLeafletMap gives. */
  container: RefObject<HTMLDivElement>;
  status: MapStatus;
  /** The map region's name. */
  label: string;
  /** A class besides `map`, for the map's own size and markers. */
  className?: string;
  describedBy?: string;
  /** The line shown until the map is ready: without JavaScript (where the text alternative is), loading, failed. */
  messages: { idle: MessageKey; loading: MessageKey; error: MessageKey };
  /** data-* attributes of the map element (state that tests and styles read). */
  data?: Record<`data-${string}`, string>;
  /** Shown in the frame after the map and its status line. */
  children?: ReactNode;
};

/** The frame of every map: a named region (busy while loading) and the status line under it until it is ready. */
export function MapFrame({ container, status, label, className, describedBy, messages, data, children }: Props) {
  const t = useT();
  return (
    <div className="map-frame">
      <div
        ref={container}
        className={className ? `map ${className}` : "map"}
        role="region"
        aria-label={label}
        aria-describedby={describedBy}
        aria-busy={status === "loading"}
        {...data}
      />
      {status !== "ready" ? (
        <p className="map-status" role={status === "error" ? "alert" : "status"}>
          {t(messages[status])}
        </p>
      ) : null}
      {children}
    </div>
  );
}
