import type it from "../it/reports";

const reports: Record<keyof typeof it, string> = {
};

export default reports;
