/** dashboard: keys added by the dashboard capability (issue 7). */
const dashboard = {
} as const;

export default dashboard;
