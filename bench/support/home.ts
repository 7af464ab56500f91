import { print } from "graphql";
import { mintToken } from "../../src/auth.js";
import { ACTION_KINDS, COMPONENT_KINDS } from "../../src/ui-components/index.js";
import { HomeDocument, HomeUpdatesDocument } from "../../test/gql/graphql.js";
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
