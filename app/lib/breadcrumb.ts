import type { MessageKey } from "~/i18n";

/** A route's `handle.breadcrumb`: a catalogue key, or a function of the route's data for names from the database. */
export type Crumb = { key: MessageKey } | { label: (data: unknown) => string };
export type RouteHandle = { breadcrumb?: Crumb; map?: boolean };
