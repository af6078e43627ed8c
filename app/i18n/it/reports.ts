/** reports: keys added by the reports capability (issue 7). */
const reports = {
} as const;

export default reports;
