import { compileQuery } from "graphql-jit";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ACTION_KINDS, COMPONENT_KINDS } from "../../src/ui-components/index.js";
import { HomeDocument, LazyHomeDocument, SectionPageDocument } from "../gql/graphql.js";
import { type TestApp, createTestApp } from "../support/test-app.js";

const EVERYTHING = {
  platform: "IOS" as const,
  appVersion: "5.12.0",
  components: [...COMPONENT_KINDS],
  actions: [...ACTION_KINDS],
};

const apps: TestApp[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map((app) => app.stop()));
});

async function appCompiling(
  execution: Parameters<typeof createTestApp>[0] extends infer O
    ? O extends { gateway?: infer G }
      ? G extends { execution?: infer E }
        ? E
        : never
      : never
    : never,
): Promise<TestApp> {
  const app = await createTestApp({ tilesPerUser: 24, gateway: { execution } });
  apps.push(app);
  return app;
}

/** What a client sees of an answer's errors. */
const seen = (
  errors: readonly { message: string; path?: unknown; extensions?: Record<string, unknown> }[] = [],
) => errors.map((error) => ({ message: error.message, path: error.path, code: error.extensions?.["code"] }));

describe("compiled execution of HTTP operations", () => {
  it("compiles a document at its third run, once, and answers as graphql-js did before", async () => {
    const compile = vi.fn(compileQuery) as unknown as typeof compileQuery & ReturnType<typeof vi.fn>;
    const app = await appCompiling({ compileAtRun: 3, compile });
    const token = await app.token("alice");
    const answers = [];
    for (let run = 1; run <= 5; run++) {
      answers.push(await app.execute(HomeDocument, { capabilities: EVERYTHING }, { token }));
      expect(compile, `compilations after run ${run}`).toHaveBeenCalledTimes(run < 3 ? 0 : 1);
    }
    for (const answer of answers) expect(answer.errors).toBeUndefined();
    // Runs 1-2 were graphql-js, 3-5 compiled: the same screen.
    expect(answers[4]?.data).toEqual(answers[0]?.data);
    expect(JSON.stringify(answers[4]?.data)).toBe(JSON.stringify(answers[0]?.data));
  });

  it("compiles at most the budget per minute; past it graphql-js answers, and the budget comes back", async () => {
    const compile = vi.fn(compileQuery) as unknown as typeof compileQuery & ReturnType<typeof vi.fn>;
    let nowMs = 0;
    const app = await appCompiling({ compileAtRun: 1, compilationsPerMinute: 1, compile, now: () => nowMs });
    const token = await app.token("alice");
    expect((await app.execute(HomeDocument, { capabilities: EVERYTHING }, { token })).errors).toBeUndefined();
    expect(compile).toHaveBeenCalledTimes(1);
    const lazy = await app.execute(
      LazyHomeDocument,
      { capabilities: EVERYTHING, firstSections: 2 },
      { token },
    );
    expect(lazy.errors).toBeUndefined();
    expect(lazy.data?.home.sections.length).toBeGreaterThan(2);
    expect(compile).toHaveBeenCalledTimes(1);
    nowMs += 60_000;
    const again = await app.execute(
      LazyHomeDocument,
      { capabilities: EVERYTHING, firstSections: 2 },
      { token },
    );
    expect(compile).toHaveBeenCalledTimes(2);
    expect(again.data).toEqual(lazy.data);
  });

  it("gives the same errors as graphql-js: a bad cursor, an unknown section, a variable of the wrong type", async () => {
    const compiled = await appCompiling({ compileAtRun: 1 });
    const interpreted = await appCompiling({ compileAtRun: Number.POSITIVE_INFINITY });
    const cases = [
      { id: "long", capabilities: EVERYTHING, first: 2, after: "not-a-cursor" },
      { id: "no-such-section", capabilities: EVERYTHING },
      { id: "long", capabilities: EVERYTHING, first: "two" as unknown as number },
      { id: "long", capabilities: EVERYTHING, first: -1 },
    ];
    for (const variables of cases) {
      const [a, b] = await Promise.all(
        [compiled, interpreted].map(async (app) =>
          app.execute(SectionPageDocument, variables, { token: await app.token("alice") }),
        ),
      );
      expect(a?.errors?.length, JSON.stringify(variables)).toBeGreaterThan(0);
      expect(seen(a?.errors), JSON.stringify(variables)).toEqual(seen(b?.errors));
      expect(a?.data ?? null).toEqual(b?.data ?? null);
    }
  });
});
