import { GraphQLDateTimeISO, GraphQLSafeInt, GraphQLSemVer, GraphQLURL } from "graphql-scalars";
import { LocaleScalar } from "./locale-scalar.js";
import { Field, ID, InputType, Int, InterfaceType, ObjectType, registerEnumType } from "type-graphql";
import {
  FALLBACK_REASONS,
  type FallbackReason,
  PERSONALISATION_STATES,
  type Personalisation,
} from "../domain/index.js";
import {
  ACTION_KINDS,
  ASPECT_RATIOS,
  COMPONENT_KINDS,
  HOME_UPDATE_KINDS,
  PLATFORMS,
  SECTION_VARIANTS,
  TILE_VARIANTS,
  TONES,
  type ActionKind,
  type AspectRatio,
  type ComponentKind,
  type HomeUpdateKind,
  type Platform,
  type SectionVariant,
  type TileVariant,
  type Tone,
} from "../ui-components/index.js";
import type * as ui from "../ui-components/index.js";

/*
 * The GraphQL face of the server-driven UI vocabulary in src/ui-components. Each class mirrors a
 * component type there (`implements` makes the compiler check it); resolvers return the plain
 * objects the builders make, and `__typename` resolves every interface and union.
 */

function enumOf<const T extends readonly string[]>(values: T): { [K in T[number]]: K } {
  return Object.fromEntries(values.map((value) => [value, value])) as { [K in T[number]]: K };
}

const ComponentKindEnum = enumOf(COMPONENT_KINDS);
const ActionKindEnum = enumOf(ACTION_KINDS);
const PlatformEnum = enumOf(PLATFORMS);
const HomeUpdateKindEnum = enumOf(HOME_UPDATE_KINDS);
const PersonalizationStateEnum = enumOf(PERSONALISATION_STATES);
const FallbackReasonEnum = enumOf(FALLBACK_REASONS);
const ToneEnum = enumOf(TONES);
const TileVariantEnum = enumOf(TILE_VARIANTS);
const SectionVariantEnum = enumOf(SECTION_VARIANTS);
const AspectRatioEnum = enumOf(ASPECT_RATIOS);

registerEnumType(ComponentKindEnum, {
  name: "ComponentKind",
  description:
    "A component a client can render. LIST_SECTION and BASIC_TILE are the baseline every client renders.",
});
registerEnumType(ActionKindEnum, {
  name: "ActionKind",
  description: "An action a client can perform. OPEN_URL is the baseline every client performs.",
});
registerEnumType(PlatformEnum, { name: "Platform" });
registerEnumType(HomeUpdateKindEnum, {
  name: "HomeUpdateKind",
  description:
    "A kind of live update. Every client gets tile updates, inserts, removals and resyncs; SECTION_UPDATE only when declared.",
});
registerEnumType(PersonalizationStateEnum, {
  name: "PersonalizationState",
  description:
    "What a tile shows: data for this viewer, generic data, nothing yet (pushed later), or nothing.",
});
registerEnumType(FallbackReasonEnum, {
  name: "FallbackReason",
  description: "Why a tile is not personalised.",
});
registerEnumType(ToneEnum, {
  name: "Tone",
  description: "A design token: the client maps it to its palette.",
});
registerEnumType(TileVariantEnum, {
  name: "TileVariant",
  description: "How large and prominent a tile renders.",
});
registerEnumType(SectionVariantEnum, { name: "SectionVariant" });
registerEnumType(AspectRatioEnum, { name: "AspectRatio" });

// --- inputs ------------------------------------------------------------------------------------

@InputType({
  description:
    "What the client can render. The server never sends a component or action it did not declare, beyond the baseline.",
})
export class ClientCapabilitiesInput {
  @Field(() => PlatformEnum)
  platform!: Platform;

  @Field(() => GraphQLSemVer, { description: "The app's version, semver (e.g. 5.12.0)." })
  appVersion!: string;

  @Field(() => [ComponentKindEnum], { description: "Components the client renders, beyond the baseline." })
  components!: ComponentKind[];

  @Field(() => [ActionKindEnum], { description: "Actions the client performs, beyond the baseline." })
  actions!: ActionKind[];

  @Field(() => LocaleScalar, {
    nullable: true,
    description: "BCP 47 locale for formatted prices; en-US if absent.",
  })
  locale?: string | null;

  @Field(() => [HomeUpdateKindEnum], {
    nullable: true,
    description:
      "Live updates the client applies beyond the tile deltas and resyncs every client gets: SECTION_UPDATE to get a whole section in place (a recovered ErrorSection, a reordered or retitled section) instead of a resync.",
  })
  updates?: HomeUpdateKind[] | null;
}

// Every output type is plain data built by src/ui-components: `simpleResolvers` lets graphql-js
// read each field directly instead of through type-graphql's per-field middleware wrapper (no
// middleware or auth checker is used): a 30-tile home has about 1,000 fields.

// --- shared objects ----------------------------------------------------------------------------

@ObjectType({ simpleResolvers: true })
export class Image implements ui.Image {
  @Field(() => GraphQLURL)
  url!: string;
  @Field(() => String, { description: "Empty for decorative images." })
  alt!: string;
  @Field(() => AspectRatioEnum)
  aspectRatio!: AspectRatio;
}

@ObjectType({ simpleResolvers: true })
export class Badge implements ui.Badge {
  @Field(() => String)
  label!: string;
  @Field(() => ToneEnum)
  tone!: Tone;
}

@ObjectType({ simpleResolvers: true })
export class Price implements ui.Price {
  @Field(() => GraphQLSafeInt, { description: "In the currency's minor unit (cents)." })
  amountMinor!: number;
  @Field(() => String, { description: "ISO 4217." })
  currency!: string;
  @Field(() => String, { description: "Formatted for the requested locale." })
  formatted!: string;
}

@ObjectType({ simpleResolvers: true, description: "Log with every impression and tap." })
export class Analytics implements ui.Analytics {
  @Field(() => String)
  loggingId!: string;
  @Field(() => ComponentKindEnum)
  component!: ComponentKind;
  @Field(() => Int, { description: "0-based position within the parent." })
  position!: number;
}

@ObjectType({ simpleResolvers: true })
export class Personalization implements ui.Personalization {
  @Field(() => PersonalizationStateEnum)
  state!: Personalisation;
  @Field(() => FallbackReasonEnum, { nullable: true })
  reason!: FallbackReason | null;
}

@ObjectType({ simpleResolvers: true })
export class ProductReference {
  @Field(() => ID)
  id!: string;
  @Field(() => String, { description: "The product line (product service) it belongs to." })
  service!: string;
}

@ObjectType({ simpleResolvers: true })
export class Viewer {
  @Field(() => ID, { nullable: true })
  id!: string | null;
  @Field(() => Boolean)
  anonymous!: boolean;
}

// --- nodes -------------------------------------------------------------------------------------

const byTypename = (value: { __typename: string }): string => value.__typename;

@InterfaceType({ description: "Anything on screen with a stable identity.", resolveType: byTypename })
export abstract class Node {
  @Field(() => ID, { description: "Stable across requests for the same thing in the same place." })
  id!: string;
  @Field(() => GraphQLSafeInt, {
    description: "Grows whenever the node's content changes; keep the highest seen per id.",
  })
  revision!: number;
}

// --- actions -----------------------------------------------------------------------------------

@InterfaceType({ resolveType: byTypename })
export abstract class Action {
  @Field(() => GraphQLURL, {
    description: "A web page doing the same, for clients that cannot perform the action.",
  })
  fallbackUrl!: string;
  @Field(() => String)
  accessibilityLabel!: string;
}

@ObjectType({
  simpleResolvers: true,
  implements: Action,
  description: "Open a URL in a browser: the baseline action.",
})
export class OpenUrlAction extends Action implements ui.OpenUrlAction {
  declare readonly __typename: "OpenUrlAction";
  @Field(() => GraphQLURL)
  url!: string;
}

@ObjectType({ simpleResolvers: true, implements: Action, description: "Go to an in-app route." })
export class NavigateAction extends Action implements ui.NavigateAction {
  declare readonly __typename: "NavigateAction";
  @Field(() => String)
  route!: string;
}

@ObjectType({ simpleResolvers: true, implements: Action, description: "Open a product's page in the app." })
export class OpenProductAction extends Action implements ui.OpenProductAction {
  declare readonly __typename: "OpenProductAction";
  @Field(() => ID)
  productId!: string;
  @Field(() => String)
  service!: string;
}

@ObjectType({ simpleResolvers: true, implements: Action, description: "Open a universal or app link." })
export class DeepLinkAction extends Action implements ui.DeepLinkAction {
  declare readonly __typename: "DeepLinkAction";
  @Field(() => GraphQLURL, { description: "Any scheme, e.g. https:// or the app's own." })
  url!: string;
}

@ObjectType({
  simpleResolvers: true,
  implements: Action,
  description: "Refetch `home` (the section recovers when its source does).",
})
export class RetryAction extends Action implements ui.RetryAction {
  declare readonly __typename: "RetryAction";
  @Field(() => ID)
  sectionId!: string;
  @Field(() => Int)
  retryAfterSeconds!: number;
}

// --- tiles -------------------------------------------------------------------------------------

@InterfaceType({ implements: Node, resolveType: byTypename, description: "One product on screen." })
export abstract class Tile extends Node {
  @Field(() => ProductReference, { nullable: true })
  product!: ProductReference | null;
  @Field(() => Personalization)
  personalization!: Personalization;
  @Field(() => GraphQLDateTimeISO)
  generatedAt!: Date;
  @Field(() => GraphQLDateTimeISO, {
    description: "Refetch after this if no pushed update replaced the tile.",
  })
  staleAfter!: Date;
  @Field(() => TileVariantEnum)
  variant!: TileVariant;
  @Field(() => String)
  accessibilityLabel!: string;
  @Field(() => Analytics)
  analytics!: Analytics;
  @Field(() => Action, { nullable: true })
  action!: ui.Action | null;
}

@ObjectType({
  simpleResolvers: true,
  implements: [Node, Tile],
  description: "The baseline tile every client renders.",
})
export class BasicTile extends Tile implements ui.BasicTile {
  declare readonly __typename: "BasicTile";
  @Field(() => String)
  title!: string;
  @Field(() => String, { nullable: true })
  subtitle!: string | null;
  @Field(() => Image, { nullable: true })
  image!: Image | null;
}

@ObjectType({ simpleResolvers: true, implements: [Node, Tile] })
export class ProductTile extends Tile implements ui.ProductTile {
  declare readonly __typename: "ProductTile";
  @Field(() => String)
  title!: string;
  @Field(() => String, { nullable: true })
  subtitle!: string | null;
  @Field(() => Image, { nullable: true })
  image!: Image | null;
  @Field(() => Price, { nullable: true })
  price!: Price | null;
  @Field(() => Badge, { nullable: true })
  badge!: Badge | null;
}

@ObjectType({ simpleResolvers: true, implements: [Node, Tile] })
export class DealTile extends Tile implements ui.DealTile {
  declare readonly __typename: "DealTile";
  @Field(() => String)
  title!: string;
  @Field(() => Image, { nullable: true })
  image!: Image | null;
  // Nullable in the schema like every tile's price, so one query can select `price` on all tiles.
  @Field(() => Price, { nullable: true })
  price!: Price;
  @Field(() => Price, { nullable: true })
  originalPrice!: Price | null;
  @Field(() => Badge, { nullable: true })
  discount!: Badge | null;
  @Field(() => GraphQLDateTimeISO, { nullable: true })
  endsAt!: Date | null;
}

@ObjectType({
  simpleResolvers: true,
  implements: [Node, Tile],
  description: "A measured value against a maximum (data used, savings goal).",
})
export class MetricTile extends Tile implements ui.MetricTile {
  declare readonly __typename: "MetricTile";
  @Field(() => String)
  title!: string;
  @Field(() => Number)
  value!: number;
  @Field(() => Number)
  max!: number;
  @Field(() => String)
  unit!: string;
  @Field(() => String)
  caption!: string;
  @Field(() => ToneEnum)
  tone!: Tone;
}

@ObjectType({ simpleResolvers: true, implements: [Node, Tile] })
export class MediaTile extends Tile implements ui.MediaTile {
  declare readonly __typename: "MediaTile";
  @Field(() => String)
  title!: string;
  @Field(() => String, { nullable: true })
  subtitle!: string | null;
  // Nullable in the schema like every tile's image, so one query can select `image` on all tiles.
  @Field(() => Image, { nullable: true })
  image!: Image;
  @Field(() => Number, { nullable: true, description: "0..1; null when not started." })
  progress!: number | null;
}

@ObjectType({
  simpleResolvers: true,
  implements: [Node, Tile],
  description: "Space kept for a tile whose data is not there (yet).",
})
export class PlaceholderTile extends Tile implements ui.PlaceholderTile {
  declare readonly __typename: "PlaceholderTile";
  @Field(() => String, { nullable: true })
  message!: string | null;
}

// --- sections ----------------------------------------------------------------------------------

@InterfaceType({ implements: Node, resolveType: byTypename })
export abstract class Section extends Node {
  @Field(() => String, { nullable: true })
  title!: string | null;
  @Field(() => SectionVariantEnum)
  variant!: SectionVariant;
  @Field(() => String)
  accessibilityLabel!: string;
  @Field(() => Analytics)
  analytics!: Analytics;
}

@ObjectType({
  simpleResolvers: true,
  description: "Relay-style: where a page of a section's tiles sits in the whole section.",
})
export class PageInfo implements ui.PageInfo {
  @Field(() => Boolean)
  hasNextPage!: boolean;
  @Field(() => Boolean)
  hasPreviousPage!: boolean;
  @Field(() => String, {
    nullable: true,
    description: "Pass as `after` to `section` for the tiles after the page's first tile.",
  })
  startCursor!: string | null;
  @Field(() => String, {
    nullable: true,
    description: "Pass as `after` to `section` for the next page. Null when the section came whole.",
  })
  endCursor!: string | null;
}

@InterfaceType({
  implements: [Node, Section],
  resolveType: byTypename,
  description:
    "A section with a list of tiles that `section(first:, after:)` can page. `home` sends them whole.",
})
export abstract class TiledSection extends Section {
  @Field(() => [Tile])
  tiles!: ui.Tile[];
  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}

@ObjectType({
  simpleResolvers: true,
  implements: [Node, Section],
  description: "One featured tile across the screen.",
})
export class HeroSection extends Section implements ui.HeroSection {
  declare readonly __typename: "HeroSection";
  @Field(() => Tile)
  tile!: ui.Tile;
}

@ObjectType({
  simpleResolvers: true,
  implements: [Node, Section, TiledSection],
  description: "A horizontally scrolling row.",
})
export class CarouselSection extends TiledSection implements ui.CarouselSection {
  declare readonly __typename: "CarouselSection";
}

@ObjectType({ simpleResolvers: true, implements: [Node, Section, TiledSection] })
export class GridSection extends TiledSection implements ui.GridSection {
  declare readonly __typename: "GridSection";
  @Field(() => Int)
  columns!: number;
}

@ObjectType({
  simpleResolvers: true,
  implements: [Node, Section, TiledSection],
  description: "A vertical list: the baseline section every client renders.",
})
export class ListSection extends TiledSection implements ui.ListSection {
  declare readonly __typename: "ListSection";
}

@ObjectType({
  simpleResolvers: true,
  implements: [Node, Section],
  description: "A section that failed; the rest of the screen is fine.",
})
export class ErrorSection extends Section implements ui.ErrorSection {
  declare readonly __typename: "ErrorSection";
  @Field(() => String)
  message!: string;
  @Field(() => String, { description: "Stable and machine-readable, e.g. SECTION_UNAVAILABLE." })
  code!: string;
  @Field(() => Action)
  retry!: ui.Action;
}

@ObjectType({
  simpleResolvers: true,
  implements: [Node, Section],
  description:
    "A section `home` did not load (past `firstSections`): load it with `section(id:)` and the same capabilities. Its revision is 0.",
})
export class LazySection extends Section implements ui.LazySection {
  declare readonly __typename: "LazySection";
  @Field(() => ComponentKindEnum, {
    description:
      "The component it is planned as, for a skeleton; loaded, it may still be an ErrorSection, or nothing (null).",
  })
  kind!: ComponentKind;
}

@ObjectType({
  simpleResolvers: true,
  implements: Node,
  description: "The whole home screen: sections of tiles, for one viewer and client.",
})
export class HomeScreen extends Node implements ui.HomeScreen {
  declare readonly __typename: "HomeScreen";
  @Field(() => String, { description: "Version of this UI vocabulary." })
  schemaVersion!: string;
  @Field(() => Viewer)
  viewer!: Viewer;
  @Field(() => GraphQLDateTimeISO)
  generatedAt!: Date;
  @Field(() => GraphQLDateTimeISO, { description: "The earliest staleAfter of its tiles." })
  staleAfter!: Date;
  @Field(() => [Section])
  sections!: ui.ScreenSection[];
}

/** Every concrete type, so the schema emits them even where only an interface refers to them. */
export const ORPHANED_TYPES = [
  OpenUrlAction,
  NavigateAction,
  OpenProductAction,
  DeepLinkAction,
  RetryAction,
  BasicTile,
  ProductTile,
  DealTile,
  MetricTile,
  MediaTile,
  PlaceholderTile,
  HeroSection,
  CarouselSection,
  GridSection,
  ListSection,
  ErrorSection,
  LazySection,
];

// --- live updates ------------------------------------------------------------------------------

@InterfaceType({
  resolveType: byTypename,
  description:
    "One change to the screen the client holds. `sequence` counts 1, 2, 3... per subscription: a client that sees a gap refetches `home`.",
})
export abstract class HomeUpdate {
  @Field(() => Int)
  sequence!: number;
  @Field(() => GraphQLDateTimeISO)
  sentAt!: Date;
}

@ObjectType({
  simpleResolvers: true,
  implements: HomeUpdate,
  description: "Replace the tile with this id, if this revision is higher than yours.",
})
export class TileUpdate extends HomeUpdate {
  @Field(() => ID)
  sectionId!: string;
  @Field(() => Tile)
  tile!: ui.Tile;
}

@ObjectType({
  simpleResolvers: true,
  implements: HomeUpdate,
  description: "Insert the tile at `index` in the section.",
})
export class TileInsert extends HomeUpdate {
  @Field(() => ID)
  sectionId!: string;
  @Field(() => Int)
  index!: number;
  @Field(() => Tile)
  tile!: ui.Tile;
}

@ObjectType({
  simpleResolvers: true,
  implements: HomeUpdate,
  description: "Remove the tile with this id from the section.",
})
export class TileRemoval extends HomeUpdate {
  @Field(() => ID)
  sectionId!: string;
  @Field(() => ID)
  tileId!: string;
}

@ObjectType({
  simpleResolvers: true,
  implements: HomeUpdate,
  description:
    "Replace the section with this id by this one, if its revision is higher than yours: a failed section that recovered, or one whose title, component or tile order changed. Sent only to clients that declared SECTION_UPDATE; it may replace a LazySection the client has not loaded.",
})
export class SectionUpdate extends HomeUpdate {
  @Field(() => Section)
  section!: ui.Section;
}

@ObjectType({
  simpleResolvers: true,
  implements: HomeUpdate,
  description: "The screen changed more than deltas can say: refetch `home`.",
})
export class ResyncRequired extends HomeUpdate {
  @Field(() => String, {
    description: "SECTIONS_CHANGED, TILES_REORDERED, SECTION_RECOVERED, UPDATES_LOST, ...",
  })
  reason!: string;
}

export const LIVE_UPDATE_TYPES = [TileUpdate, TileInsert, TileRemoval, SectionUpdate, ResyncRequired];
