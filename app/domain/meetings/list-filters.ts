/** The period filter of the public meeting list (browser-safe: the page's select offers these). */
export const WHEN = ["all", "upcoming", "past"] as const;
export type When = (typeof WHEN)[number];
