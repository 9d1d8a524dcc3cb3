export * from "./project";
export * from "./build";
export * from "./parse";
export * from "./serialize";
