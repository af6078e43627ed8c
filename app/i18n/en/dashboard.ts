import type it from "../it/dashboard";

const dashboard: Record<keyof typeof it, string> = {
};

export default dashboard;
