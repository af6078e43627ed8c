import type it from "../it/opendata";

const opendata: Record<keyof typeof it, string> = {
};

export default opendata;
