export * from "./components.js";
export * from "./build.js";
