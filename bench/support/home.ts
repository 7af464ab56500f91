import { print } from "graphql";
import { mintToken } from "../../src/inbound/auth.js";
import { ACTION_KINDS, COMPONENT_KINDS } from "../../src/ui-components/index.js";
import {
  HomeDocument,
  HomeUpdatesDocument,
  LazyHomeDocument,
  SectionPageDocument,
} from "../../test/gql/graphql.js";
import { BENCH_JWT_SECRET } from "./processes.js";

/** What an up-to-date app declares it renders: every component and action. */
export const CAPABILITIES = {
  platform: "IOS",
  appVersion: "5.12.0",
  components: [...COMPONENT_KINDS],
  actions: [...ACTION_KINDS],
} as const;

/** The POST body of every home request: the app's own query (client/documents/home.graphql). */
export const HOME_BODY = JSON.stringify({
  query: print(HomeDocument),
  variables: { capabilities: CAPABILITIES },
});

export const HOME_UPDATES_QUERY = print(HomeUpdatesDocument);

/** Sections a lazily loaded screen asks `home` for in full; the rest are stubs. */
export const FIRST_SECTIONS = 2;

/** The first response of a lazily loaded screen: `home(firstSections: 2)`, the app's own query otherwise. */
export const LAZY_HOME_BODY = JSON.stringify({
  query: print(LazyHomeDocument),
  variables: { capabilities: CAPABILITIES, firstSections: FIRST_SECTIONS },
});

/** One page of one section, as a stub or a "more" button loads it. */
export function sectionPageBody(id: string, first: number): string {
  return JSON.stringify({
    query: print(SectionPageDocument),
    variables: { id, capabilities: CAPABILITIES, first },
  });
}

/** The viewer's sections, in order, with how many tiles each shows, from a full home answer. */
export function sectionsOf(answer: HomeAnswer): { id: string; tiles: number }[] {
  const body = JSON.parse(answer.text) as {
    data: { home: { sections: { id: string; tile?: unknown; tiles?: unknown[] }[] } };
  };
  return body.data.home.sections.map((section) => ({
    id: section.id,
    tiles: section.tiles?.length ?? (section.tile ? 1 : 0),
  }));
}

/** POSTs `body` and fails unless it is a GraphQL answer without errors. */
export async function expectAnswer(origin: string, authorization: string, body: string): Promise<void> {
  const response = await fetch(`${origin}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization },
    body,
    signal: AbortSignal.timeout(10_000),
  });
  const text = await response.text();
  const parsed = JSON.parse(text) as { data?: unknown; errors?: unknown[] };
  if (response.status !== 200 || !parsed.data || parsed.errors) {
    throw new Error(`expected an answer from ${origin}, got ${response.status} ${text.slice(0, 400)}`);
  }
}

/** `Authorization` header values, one per user, in order. */
export async function authorizationsFor(users: readonly string[]): Promise<string[]> {
  const headers: string[] = [];
  // Sequential on purpose: minting is CPU-bound, and 10,000 concurrent promises would only add memory.
  for (const user of users) {
    headers.push(`Bearer ${await mintToken(user, { secret: BENCH_JWT_SECRET, expiresIn: "6h" })}`);
  }
  return headers;
}

export interface HomeAnswer {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly text: string;
}

export async function postHome(origin: string, authorization: string): Promise<HomeAnswer> {
  const response = await fetch(`${origin}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization },
    body: HOME_BODY,
    signal: AbortSignal.timeout(10_000),
  });
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => (headers[name] = value));
  return { status: response.status, headers, text: await response.text() };
}

interface TileLike {
  readonly id: string;
  readonly product?: { readonly id: string; readonly service: string } | null;
  readonly personalization?: { readonly state: string } | null;
  readonly title?: string;
}
interface ScreenLike {
  readonly sections: readonly { readonly __typename: string; tile?: TileLike; tiles?: readonly TileLike[] }[];
}

/** The tiles of a successful home answer; throws with what came back for anything else. */
export function tilesOf(answer: HomeAnswer): TileLike[] {
  let body: { data?: { home?: ScreenLike } | null; errors?: unknown[] } | undefined;
  try {
    body = JSON.parse(answer.text) as typeof body;
  } catch {
    body = undefined;
  }
  const screen = body?.data?.home;
  if (answer.status !== 200 || !screen || body?.errors) {
    throw new Error(`home failed: ${answer.status} ${answer.text.slice(0, 400)}`);
  }
  return screen.sections.flatMap((section) => section.tiles ?? (section.tile ? [section.tile] : []));
}

/**
 * Asks for the viewer's home until it is a whole, personalised screen of `tiles` tiles (a first
 * look may fall back to generic tiles past the soft timeout, while the gateway is still cold), so a
 * benchmark never measures error or fallback answers. Returns that answer.
 */
export async function expectScreen(
  origin: string,
  authorization: string,
  tiles: number,
): Promise<HomeAnswer> {
  let problem = "";
  for (let attempt = 1; attempt <= 5; attempt++) {
    const answer = await postHome(origin, authorization);
    const found = tilesOf(answer);
    const personalised = found.filter((tile) => tile.personalization?.state === "PERSONALIZED").length;
    if (found.length === tiles && personalised === tiles) return answer;
    problem = `got ${found.length} tiles (${personalised} personalised)`;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`expected ${tiles} personalised tiles from ${origin}, ${problem}`);
}
