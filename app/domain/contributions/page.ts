// Browser-safe part of the contribution page: its URL.

export const contributionPath = (id: number) => `/contributi/${id}`;
