import { GraphQLError, GraphQLScalarType } from "graphql";
import { GraphQLLocale } from "graphql-scalars";

/**
 * graphql-scalars' `Locale` (same name and description, so the schema is unchanged), also refusing
 * tags the runtime's Intl rejects (`i-klingon`, `x-private`, `en-GB-oed`, all well-formed BCP 47):
 * formatting a price with one would throw. Values come back canonical (`EN-us` -> `en-US`).
 */
export const LocaleScalar = new GraphQLScalarType<string, string>({
  ...GraphQLLocale.toConfig(),
  parseValue: (value) => supported(GraphQLLocale.parseValue(value) as string),
  parseLiteral: (ast, variables) => supported(GraphQLLocale.parseLiteral(ast, variables) as string),
});

function supported(locale: string): string {
  try {
    const [canonical] = Intl.getCanonicalLocales(locale);
    if (canonical !== undefined) return canonical;
  } catch {
    // Falls through to the refusal: Intl's RangeError says nothing more than "incorrect locale".
  }
  throw new GraphQLError(`Locale "${locale}" is not supported: use a BCP 47 tag such as en-US or de-DE`);
}
