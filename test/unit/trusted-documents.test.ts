import { createHash } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { addTypenameToDocument } from "@apollo/client/utilities";
import { InMemoryLRUCache } from "@apollo/utils.keyvaluecache";
import { parse, print } from "graphql";
import { describe, expect, it } from "vitest";
import { HomeDocument, HomeUpdatesDocument } from "../../client/gql/graphql.js";
import {
  ManifestError,
  PersistedQueries,
  TrustedDocuments,
  persistedQueryErrorCode,
} from "../../src/inbound/trusted-documents.js";
import { RendererHomeDocument } from "../../web/renderer/gql/graphql.js";

const hashOf = (document: unknown): string => (document as { __meta__: { hash: string } }).__meta__.hash;
const sha256 = (text: string): string => createHash("sha256").update(text).digest("hex");

describe("TrustedDocuments", () => {
  const project = TrustedDocuments.ofProject();

  it("knows the project's operations by the hashes codegen gave them: the client kit's and the renderer's", () => {
    for (const document of [HomeDocument, HomeUpdatesDocument]) {
      expect(project.document(hashOf(document))).toBeDefined();
    }
    expect(project.document(RendererHomeDocument.__meta__?.hash as string)).toContain("query RendererHome");
    // The kit's Home, HomeUpdates, LazyHome, SectionPage and HomeSectionUpdates; the renderer's three.
    expect(project.size).toBe(8);
  });

  it("recognises a manifest document however it is printed, ordered, or given __typename by a client cache", () => {
    expect(project.includes(parse(print(HomeDocument)))).toBe(true);
    // What Apollo Client sends: its cache adds __typename to every selection set.
    expect(project.includes(addTypenameToDocument(parse(print(HomeUpdatesDocument))))).toBe(true);
    expect(project.includes(parse(RendererHomeDocument.toString()))).toBe(true);
    const reordered = print(HomeDocument).replace(
      /\n {4}revision\n {4}schemaVersion\n/,
      "\n    schemaVersion\n    revision\n",
    );
    expect(reordered).not.toBe(print(HomeDocument));
    expect(project.includes(parse(reordered))).toBe(true);
  });

  it("does not recognise a document that asks for anything more, or less", () => {
    const more = print(HomeDocument).replace(
      "schemaVersion",
      "schemaVersion\n    __schema { types { name } }",
    );
    expect(project.includes(parse(more))).toBe(false);
    expect(project.includes(parse(print(HomeDocument).replace("schemaVersion", "")))).toBe(false);
    expect(project.includes(parse("query Home { home { id } }"))).toBe(false);
  });

  it("refuses, at start, a manifest that cannot be read or whose hash is not its document's", () => {
    const directory = mkdtempSync(join(tmpdir(), "manifest-"));
    const forged = join(directory, "forged.json");
    writeFileSync(forged, JSON.stringify({ [sha256("{ a }")]: "{ home { id } }" }));
    expect(() => TrustedDocuments.load([forged])).toThrow(ManifestError);
    expect(() => TrustedDocuments.load([join(directory, "missing.json")])).toThrow(/not a readable JSON/);
    const good = join(directory, "good.json");
    writeFileSync(good, JSON.stringify({ [sha256("{ home { id } }")]: "{ home { id } }" }));
    expect(TrustedDocuments.ofProject([good]).size).toBe(9);
  });
});

describe("PersistedQueries", () => {
  const document = "{ home { id } }";
  const hash = sha256(document);

  it("serves manifest documents without storing them, and registrations from the store", async () => {
    const store = new InMemoryLRUCache<string>();
    const persisted = new PersistedQueries(new TrustedDocuments([[hash, document]]), store);
    expect(await persisted.get(hash)).toBe(document);
    await persisted.set(hash, document);
    expect(store.keys()).toEqual([]);

    const other = "{ viewer { id } }";
    await persisted.set(sha256(other), other);
    expect(store.keys()).toEqual([`apq:${sha256(other)}`]);
    expect(await persisted.get(sha256(other))).toBe(other);
    expect(await persisted.get(sha256("unknown"))).toBeUndefined();
  });
});

describe("persistedQueryErrorCode", () => {
  it("names the persisted-query errors Apollo sends without a code", () => {
    expect(persistedQueryErrorCode("provided sha does not match query")).toBe(
      "PERSISTED_QUERY_HASH_MISMATCH",
    );
    expect(persistedQueryErrorCode("Unsupported persisted query version")).toBe(
      "PERSISTED_QUERY_VERSION_NOT_SUPPORTED",
    );
    expect(persistedQueryErrorCode("anything else")).toBeUndefined();
  });
});
