/** opendata: keys added by the opendata capability (issue 7). */
const opendata = {
} as const;

export default opendata;
