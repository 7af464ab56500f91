/** Mints a signed development token: `npm run token -- alice [--expires 2h]`. */
import { mintToken } from "../src/inbound/auth.js";
import { ConfigError, loadConfig } from "../src/config.js";

const args = process.argv.slice(2);
const user = args.find((arg) => !arg.startsWith("--"));
const expiresIndex = args.indexOf("--expires");
const expiresIn = expiresIndex >= 0 ? args[expiresIndex + 1] : "12h";

if (!user) {
  console.error("usage: npm run token -- <user-id> [--expires 12h]");
  process.exit(2);
}
try {
  const config = loadConfig();
  if (!config.jwtSecret) {
    console.error(
      "npm run token signs HS256 tokens and needs JWT_SECRET; JWKS tokens come from your identity provider.",
    );
    process.exit(2);
  }
  if (config.usingDevSecret)
    console.error("(signed with the DEVELOPMENT secret: set JWT_SECRET for a real one)");
  console.log(
    await mintToken(user, {
      secret: config.jwtSecret,
      issuer: config.JWT_ISSUER,
      audience: config.JWT_AUDIENCE,
      expiresIn: expiresIn ?? "12h",
    }),
  );
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
}
