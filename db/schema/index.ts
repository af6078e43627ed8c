export * from "./enums";
export * from "./territory";
export * from "./plan";
export * from "./accounts";
export * from "./audit";
