import { mintToken } from "../auth.js";
import { DEV_JWT_SECRET } from "../../config.js";

export interface DemoUser {
  readonly id: string;
  readonly displayName: string;
}

export interface DemoUserToken extends DemoUser {
  /** A ready `Authorization` header value: `Bearer <token>`. */
  readonly authorization: string;
}

/** Tokens for the renderer's user picker, minted on each call so they are always fresh. */
export type DemoTokens = () => Promise<readonly DemoUserToken[]>;

export interface DemoTokenOptions {
  /** The HS256 secret the gateway verifies with; absent when it only accepts JWKS tokens. */
  readonly secret: string | undefined;
  readonly issuer?: string | undefined;
  readonly audience?: string | undefined;
  readonly users: readonly DemoUser[];
  readonly expiresIn?: string;
}

/**
 * Demo tokens, only while tokens are signed with the public development secret: anyone can mint
 * those already, so handing them to a browser gives nothing away. With any other secret this is
 * undefined and no route offers tokens, whatever the rest of the configuration says.
 */
export function developmentDemoTokens(options: DemoTokenOptions): DemoTokens | undefined {
  const secret = options.secret;
  if (secret !== DEV_JWT_SECRET) return undefined;
  return async () =>
    Promise.all(
      options.users.map(async (user) => ({
        id: user.id,
        displayName: user.displayName,
        authorization: `Bearer ${await mintToken(user.id, {
          secret,
          issuer: options.issuer,
          audience: options.audience,
          expiresIn: options.expiresIn ?? "12h",
        })}`,
      })),
    );
}
