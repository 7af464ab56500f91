import { describe, expect, it } from "vitest";
import { specifiedRules } from "graphql";
import { ValidatedDocuments } from "../../src/inbound/document-cache.js";
import { buildGatewaySchema } from "../../src/resolvers/schema.js";

const SUBSCRIPTION = "subscription { homeUpdates { sequence } }";

async function documents(maxQueryChars?: number): Promise<ValidatedDocuments> {
  return new ValidatedDocuments(await buildGatewaySchema(), specifiedRules, 2_000, maxQueryChars);
}

describe("ValidatedDocuments", () => {
  it("gives every subscription of the same query one shared document", async () => {
    const cache = await documents();
    const first = cache.get(SUBSCRIPTION);
    const second = cache.get(SUBSCRIPTION);
    if (!("document" in first) || !("document" in second)) throw new Error("refused a valid query");
    expect(second.document).toBe(first.document);
    expect(cache.size).toBe(1);
  });

  it("refuses a malformed or invalid query every time and keeps none of them", async () => {
    const cache = await documents();
    for (let attempt = 0; attempt < 2; attempt++) {
      const malformed = cache.get("subscription {");
      expect("parseError" in malformed && malformed.parseError.message).toMatch(/^Syntax Error/);
      const invalid = cache.get("subscription { nope }");
      expect("errors" in invalid && invalid.errors.map((error) => error.message)).toEqual([
        'Cannot query field "nope" on type "Subscription".',
      ]);
    }
    expect(cache.size).toBe(0);
  });

  it("refuses a query over the token limit before validating it", async () => {
    const cache = new ValidatedDocuments(await buildGatewaySchema(), specifiedRules, 10);
    const refused = cache.get(`subscription { homeUpdates { ${"sequence ".repeat(20)} } }`);
    expect("parseError" in refused && refused.parseError.message).toMatch(
      /Document contains more that 10 tokens/,
    );
  });

  it("holds at most maxQueryChars of query text, the least recently used going first", async () => {
    const cache = await documents(SUBSCRIPTION.length * 2 + 10);
    const variants = [0, 1, 2].map((index) => `${SUBSCRIPTION} # ${index}`);
    for (const query of variants) expect("document" in cache.get(query)).toBe(true);
    expect(cache.size).toBe(2);
  });
});
