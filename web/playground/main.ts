// Monaco's editor, JSON and GraphQL workers, bundled next to the page (no CDN).
import "graphiql/setup-workers/vite";
import "graphiql/style.css";
import { createGraphiQLFetcher } from "@graphiql/toolkit";
import { GraphiQL } from "graphiql";
import { createElement } from "react";
import { createRoot } from "react-dom/client";
import { EXAMPLE_TABS } from "./examples.js";

// Same origin as the page: queries over HTTP, the subscription over graphql-ws on the same path.
const url = new URL("/graphql", window.location.href).toString();
const fetcher = createGraphiQLFetcher({
  url,
  subscriptionUrl: url.replace(/^http/, "ws"),
  // The gateway has no @defer; plain JSON responses only.
  enableIncrementalDelivery: false,
});

// GraphiQL 5 fills the first tab's query from `defaultTabs` but not its variables and headers; on a
// first visit (no saved tabs) hand those over too. Later visits keep what the user left.
const [firstTab] = EXAMPLE_TABS;
const firstVisit = window.localStorage.getItem("graphiql:tabState") === null;

const root = document.getElementById("graphiql");
if (!root) throw new Error("#graphiql is missing from the page");
createRoot(root).render(
  createElement(GraphiQL, {
    fetcher,
    defaultTabs: EXAMPLE_TABS,
    ...(firstVisit && firstTab && { initialVariables: firstTab.variables, initialHeaders: firstTab.headers }),
    defaultEditorToolsVisibility: true,
    // A pasted token stays in this browser only if the user asks for it.
    shouldPersistHeaders: false,
  }),
);
