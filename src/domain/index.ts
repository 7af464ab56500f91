export * from "./model.js";
export * from "./ports.js";
export * from "./errors.js";
export * from "./product-data.js";
export * from "./home.js";
export * from "./sections.js";
export * from "./generic-refresh.js";
export * from "./updates.js";
