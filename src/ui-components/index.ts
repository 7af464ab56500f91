export * from "./components.js";
export * from "./build.js";
export * from "./live-screen.js";
export * from "./version-rules.js";
