/* eslint-disable */
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type Maybe<T> = T | null;
export type InputMaybe<T> = T | null | undefined;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = { [_ in K]?: never };
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** A date-time string at UTC, such as 2007-12-03T10:15:30Z, compliant with the `date-time` format outlined in section 5.6 of the RFC 3339 profile of the ISO 8601 standard for representation of dates and times using the Gregorian calendar.This scalar is serialized to a string in ISO 8601 format and parsed from a string in ISO 8601 format. */
  DateTimeISO: { input: string; output: string; }
  /** The locale in the format of a BCP 47 (RFC 5646) standard string */
  Locale: { input: string; output: string; }
  /** The `SafeInt` scalar type represents non-fractional signed whole numeric values that are considered safe as defined by the ECMAScript specification. */
  SafeInt: { input: number; output: number; }
  /** A field whose value is a Semantic Version: https://semver.org */
  SemVer: { input: string; output: string; }
  /** A field whose value conforms to the standard URL format as specified in RFC3986: https://www.ietf.org/rfc/rfc3986.txt. */
  URL: { input: string; output: string; }
};

export type Action = {
  accessibilityLabel: Scalars['String']['output'];
  /** A web page doing the same, for clients that cannot perform the action. */
  fallbackUrl: Scalars['URL']['output'];
};

/** An action a client can perform. OPEN_URL is the baseline every client performs. */
export type ActionKind =
  | 'DEEP_LINK'
  | 'NAVIGATE'
  | 'OPEN_PRODUCT'
  | 'OPEN_URL'
  | 'RETRY';

/** Log with every impression and tap. */
export type Analytics = {
  __typename?: 'Analytics';
  component: ComponentKind;
  loggingId: Scalars['String']['output'];
  /** 0-based position within the parent. */
  position: Scalars['Int']['output'];
};

export type AspectRatio =
  | 'LANDSCAPE'
  | 'PORTRAIT'
  | 'SQUARE'
  | 'WIDE';

export type Badge = {
  __typename?: 'Badge';
  label: Scalars['String']['output'];
  tone: Tone;
};

/** The baseline tile every client renders. */
export type BasicTile = Node & Tile & {
  __typename?: 'BasicTile';
  accessibilityLabel: Scalars['String']['output'];
  action?: Maybe<Action>;
  analytics: Analytics;
  generatedAt: Scalars['DateTimeISO']['output'];
  /** Stable across requests for the same thing in the same place. */
  id: Scalars['ID']['output'];
  image?: Maybe<Image>;
  personalization: Personalization;
  product?: Maybe<ProductReference>;
  /** Grows whenever the node's content changes; keep the highest seen per id. */
  revision: Scalars['SafeInt']['output'];
  /** Refetch after this if no pushed update replaced the tile. */
  staleAfter: Scalars['DateTimeISO']['output'];
  subtitle?: Maybe<Scalars['String']['output']>;
  title: Scalars['String']['output'];
  variant: TileVariant;
};

/** A horizontally scrolling row. */
export type CarouselSection = Node & Section & TiledSection & {
  __typename?: 'CarouselSection';
  accessibilityLabel: Scalars['String']['output'];
  analytics: Analytics;
  /** Stable across requests for the same thing in the same place. */
  id: Scalars['ID']['output'];
  pageInfo: PageInfo;
  /** Grows whenever the node's content changes; keep the highest seen per id. */
  revision: Scalars['SafeInt']['output'];
  tiles: Array<Tile>;
  title?: Maybe<Scalars['String']['output']>;
  variant: SectionVariant;
};

/** What the client can render. The server never sends a component or action it did not declare, beyond the baseline. */
export type ClientCapabilitiesInput = {
  /** Actions the client performs, beyond the baseline. */
  actions: Array<ActionKind>;
  /** The app's version, semver (e.g. 5.12.0). */
  appVersion: Scalars['SemVer']['input'];
  /** Components the client renders, beyond the baseline. */
  components: Array<ComponentKind>;
  /** BCP 47 locale for formatted prices; en-US if absent. */
  locale?: InputMaybe<Scalars['Locale']['input']>;
  platform: Platform;
  /** Live updates the client applies beyond the tile deltas and resyncs every client gets: SECTION_UPDATE to get a whole section in place (a recovered ErrorSection, a reordered or retitled section) instead of a resync. */
  updates?: InputMaybe<Array<HomeUpdateKind>>;
};

/** A component a client can render. LIST_SECTION and BASIC_TILE are the baseline every client renders. */
export type ComponentKind =
  | 'BASIC_TILE'
  | 'CAROUSEL_SECTION'
  | 'DEAL_TILE'
  | 'ERROR_SECTION'
  | 'GRID_SECTION'
  | 'HERO_SECTION'
  | 'LIST_SECTION'
  | 'MEDIA_TILE'
  | 'METRIC_TILE'
  | 'PLACEHOLDER_TILE'
  | 'PRODUCT_TILE';

export type DealTile = Node & Tile & {
  __typename?: 'DealTile';
  accessibilityLabel: Scalars['String']['output'];
  action?: Maybe<Action>;
  analytics: Analytics;
  discount?: Maybe<Badge>;
  endsAt?: Maybe<Scalars['DateTimeISO']['output']>;
  generatedAt: Scalars['DateTimeISO']['output'];
  /** Stable across requests for the same thing in the same place. */
  id: Scalars['ID']['output'];
  image?: Maybe<Image>;
  originalPrice?: Maybe<Price>;
  personalization: Personalization;
  price?: Maybe<Price>;
  product?: Maybe<ProductReference>;
  /** Grows whenever the node's content changes; keep the highest seen per id. */
  revision: Scalars['SafeInt']['output'];
  /** Refetch after this if no pushed update replaced the tile. */
  staleAfter: Scalars['DateTimeISO']['output'];
  title: Scalars['String']['output'];
  variant: TileVariant;
};

/** Open a universal or app link. */
export type DeepLinkAction = Action & {
  __typename?: 'DeepLinkAction';
  accessibilityLabel: Scalars['String']['output'];
  /** A web page doing the same, for clients that cannot perform the action. */
  fallbackUrl: Scalars['URL']['output'];
  /** Any scheme, e.g. https:// or the app's own. */
  url: Scalars['URL']['output'];
};

/** A section that failed; the rest of the screen is fine. */
export type ErrorSection = Node & Section & {
  __typename?: 'ErrorSection';
  accessibilityLabel: Scalars['String']['output'];
  analytics: Analytics;
  /** Stable and machine-readable, e.g. SECTION_UNAVAILABLE. */
  code: Scalars['String']['output'];
  /** Stable across requests for the same thing in the same place. */
  id: Scalars['ID']['output'];
  message: Scalars['String']['output'];
  retry: Action;
  /** Grows whenever the node's content changes; keep the highest seen per id. */
  revision: Scalars['SafeInt']['output'];
  title?: Maybe<Scalars['String']['output']>;
  variant: SectionVariant;
};

/** Why a tile is not personalised. */
export type FallbackReason =
  | 'ANONYMOUS_VIEWER'
  | 'NOT_PERSONALISED'
  | 'NO_DATA'
  | 'SERVICE_FAILED'
  | 'SERVICE_SLOW';

export type GridSection = Node & Section & TiledSection & {
  __typename?: 'GridSection';
  accessibilityLabel: Scalars['String']['output'];
  analytics: Analytics;
  columns: Scalars['Int']['output'];
  /** Stable across requests for the same thing in the same place. */
  id: Scalars['ID']['output'];
  pageInfo: PageInfo;
  /** Grows whenever the node's content changes; keep the highest seen per id. */
  revision: Scalars['SafeInt']['output'];
  tiles: Array<Tile>;
  title?: Maybe<Scalars['String']['output']>;
  variant: SectionVariant;
};

/** One featured tile across the screen. */
export type HeroSection = Node & Section & {
  __typename?: 'HeroSection';
  accessibilityLabel: Scalars['String']['output'];
  analytics: Analytics;
  /** Stable across requests for the same thing in the same place. */
  id: Scalars['ID']['output'];
  /** Grows whenever the node's content changes; keep the highest seen per id. */
  revision: Scalars['SafeInt']['output'];
  tile: Tile;
  title?: Maybe<Scalars['String']['output']>;
  variant: SectionVariant;
};

/** The whole home screen: sections of tiles, for one viewer and client. */
export type HomeScreen = Node & {
  __typename?: 'HomeScreen';
  generatedAt: Scalars['DateTimeISO']['output'];
  /** Stable across requests for the same thing in the same place. */
  id: Scalars['ID']['output'];
  /** Grows whenever the node's content changes; keep the highest seen per id. */
  revision: Scalars['SafeInt']['output'];
  /** Version of this UI vocabulary. */
  schemaVersion: Scalars['String']['output'];
  sections: Array<Section>;
  /** The earliest staleAfter of its tiles. */
  staleAfter: Scalars['DateTimeISO']['output'];
  viewer: Viewer;
};

/** One change to the screen the client holds. `sequence` counts 1, 2, 3... per subscription: a client that sees a gap refetches `home`. */
export type HomeUpdate = {
  sentAt: Scalars['DateTimeISO']['output'];
  sequence: Scalars['Int']['output'];
};

/** A kind of live update. Every client gets tile updates, inserts, removals and resyncs; SECTION_UPDATE only when declared. */
export type HomeUpdateKind =
  | 'RESYNC_REQUIRED'
  | 'SECTION_UPDATE'
  | 'TILE_INSERT'
  | 'TILE_REMOVAL'
  | 'TILE_UPDATE';

export type Image = {
  __typename?: 'Image';
  /** Empty for decorative images. */
  alt: Scalars['String']['output'];
  aspectRatio: AspectRatio;
  url: Scalars['URL']['output'];
};

/** A section `home` did not load (past `firstSections`): load it with `section(id:)` and the same capabilities. Its revision is 0. */
export type LazySection = Node & Section & {
  __typename?: 'LazySection';
  accessibilityLabel: Scalars['String']['output'];
  analytics: Analytics;
  /** Stable across requests for the same thing in the same place. */
  id: Scalars['ID']['output'];
  /** The component it is planned as, for a skeleton; loaded, it may still be an ErrorSection, or nothing (null). */
  kind: ComponentKind;
  /** Grows whenever the node's content changes; keep the highest seen per id. */
  revision: Scalars['SafeInt']['output'];
  title?: Maybe<Scalars['String']['output']>;
  variant: SectionVariant;
};

/** A vertical list: the baseline section every client renders. */
export type ListSection = Node & Section & TiledSection & {
  __typename?: 'ListSection';
  accessibilityLabel: Scalars['String']['output'];
  analytics: Analytics;
  /** Stable across requests for the same thing in the same place. */
  id: Scalars['ID']['output'];
  pageInfo: PageInfo;
  /** Grows whenever the node's content changes; keep the highest seen per id. */
  revision: Scalars['SafeInt']['output'];
  tiles: Array<Tile>;
  title?: Maybe<Scalars['String']['output']>;
  variant: SectionVariant;
};

export type MediaTile = Node & Tile & {
  __typename?: 'MediaTile';
  accessibilityLabel: Scalars['String']['output'];
  action?: Maybe<Action>;
  analytics: Analytics;
  generatedAt: Scalars['DateTimeISO']['output'];
  /** Stable across requests for the same thing in the same place. */
  id: Scalars['ID']['output'];
  image?: Maybe<Image>;
  personalization: Personalization;
  product?: Maybe<ProductReference>;
  /** 0..1; null when not started. */
  progress?: Maybe<Scalars['Float']['output']>;
  /** Grows whenever the node's content changes; keep the highest seen per id. */
  revision: Scalars['SafeInt']['output'];
  /** Refetch after this if no pushed update replaced the tile. */
  staleAfter: Scalars['DateTimeISO']['output'];
  subtitle?: Maybe<Scalars['String']['output']>;
  title: Scalars['String']['output'];
  variant: TileVariant;
};

/** A measured value against a maximum (data used, savings goal). */
export type MetricTile = Node & Tile & {
  __typename?: 'MetricTile';
  accessibilityLabel: Scalars['String']['output'];
  action?: Maybe<Action>;
  analytics: Analytics;
  caption: Scalars['String']['output'];
  generatedAt: Scalars['DateTimeISO']['output'];
  /** Stable across requests for the same thing in the same place. */
  id: Scalars['ID']['output'];
  max: Scalars['Float']['output'];
  personalization: Personalization;
  product?: Maybe<ProductReference>;
  /** Grows whenever the node's content changes; keep the highest seen per id. */
  revision: Scalars['SafeInt']['output'];
  /** Refetch after this if no pushed update replaced the tile. */
  staleAfter: Scalars['DateTimeISO']['output'];
  title: Scalars['String']['output'];
  tone: Tone;
  unit: Scalars['String']['output'];
  value: Scalars['Float']['output'];
  variant: TileVariant;
};

/** Go to an in-app route. */
export type NavigateAction = Action & {
  __typename?: 'NavigateAction';
  accessibilityLabel: Scalars['String']['output'];
  /** A web page doing the same, for clients that cannot perform the action. */
  fallbackUrl: Scalars['URL']['output'];
  route: Scalars['String']['output'];
};

/** Anything on screen with a stable identity. */
export type Node = {
  /** Stable across requests for the same thing in the same place. */
  id: Scalars['ID']['output'];
  /** Grows whenever the node's content changes; keep the highest seen per id. */
  revision: Scalars['SafeInt']['output'];
};

/** Open a product's page in the app. */
export type OpenProductAction = Action & {
  __typename?: 'OpenProductAction';
  accessibilityLabel: Scalars['String']['output'];
  /** A web page doing the same, for clients that cannot perform the action. */
  fallbackUrl: Scalars['URL']['output'];
  productId: Scalars['ID']['output'];
  service: Scalars['String']['output'];
};

/** Open a URL in a browser: the baseline action. */
export type OpenUrlAction = Action & {
  __typename?: 'OpenUrlAction';
  accessibilityLabel: Scalars['String']['output'];
  /** A web page doing the same, for clients that cannot perform the action. */
  fallbackUrl: Scalars['URL']['output'];
  url: Scalars['URL']['output'];
};

/** Relay-style: where a page of a section's tiles sits in the whole section. */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** Pass as `after` to `section` for the next page. Null when the section came whole. */
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
  hasPreviousPage: Scalars['Boolean']['output'];
  /** Pass as `after` to `section` for the tiles after the page's first tile. */
  startCursor?: Maybe<Scalars['String']['output']>;
};

export type Personalization = {
  __typename?: 'Personalization';
  reason?: Maybe<FallbackReason>;
  state: PersonalizationState;
};

/** What a tile shows: data for this viewer, generic data, nothing yet (pushed later), or nothing. */
export type PersonalizationState =
  | 'GENERIC'
  | 'PENDING'
  | 'PERSONALIZED'
  | 'UNAVAILABLE';

/** Space kept for a tile whose data is not there (yet). */
export type PlaceholderTile = Node & Tile & {
  __typename?: 'PlaceholderTile';
  accessibilityLabel: Scalars['String']['output'];
  action?: Maybe<Action>;
  analytics: Analytics;
  generatedAt: Scalars['DateTimeISO']['output'];
  /** Stable across requests for the same thing in the same place. */
  id: Scalars['ID']['output'];
  message?: Maybe<Scalars['String']['output']>;
  personalization: Personalization;
  product?: Maybe<ProductReference>;
  /** Grows whenever the node's content changes; keep the highest seen per id. */
  revision: Scalars['SafeInt']['output'];
  /** Refetch after this if no pushed update replaced the tile. */
  staleAfter: Scalars['DateTimeISO']['output'];
  variant: TileVariant;
};

export type Platform =
  | 'ANDROID'
  | 'IOS'
  | 'WEB';

export type Price = {
  __typename?: 'Price';
  /** In the currency's minor unit (cents). */
  amountMinor: Scalars['SafeInt']['output'];
  /** ISO 4217. */
  currency: Scalars['String']['output'];
  /** Formatted for the requested locale. */
  formatted: Scalars['String']['output'];
};

export type ProductReference = {
  __typename?: 'ProductReference';
  id: Scalars['ID']['output'];
  /** The product line (product service) it belongs to. */
  service: Scalars['String']['output'];
};

export type ProductTile = Node & Tile & {
  __typename?: 'ProductTile';
  accessibilityLabel: Scalars['String']['output'];
  action?: Maybe<Action>;
  analytics: Analytics;
  badge?: Maybe<Badge>;
  generatedAt: Scalars['DateTimeISO']['output'];
  /** Stable across requests for the same thing in the same place. */
  id: Scalars['ID']['output'];
  image?: Maybe<Image>;
  personalization: Personalization;
  price?: Maybe<Price>;
  product?: Maybe<ProductReference>;
  /** Grows whenever the node's content changes; keep the highest seen per id. */
  revision: Scalars['SafeInt']['output'];
  /** Refetch after this if no pushed update replaced the tile. */
  staleAfter: Scalars['DateTimeISO']['output'];
  subtitle?: Maybe<Scalars['String']['output']>;
  title: Scalars['String']['output'];
  variant: TileVariant;
};

export type Query = {
  __typename?: 'Query';
  /** The viewer's home screen. Anonymous viewers (no token) get the generic screen. Declare what the client renders in `capabilities`: anything else is downgraded to the baseline (ListSection, BasicTile, OpenUrlAction) or left out. */
  home: HomeScreen;
  /** One section of the viewer's home screen, exactly as `home` would show it: a LazySection stub loaded, or a page of a long section's tiles (`first` up to 100, `after` a PageInfo cursor). Null when this client can be shown nothing of it. Errors: SECTION_NOT_FOUND (not on this viewer's screen), INVALID_CURSOR (not issued to this viewer for this section), STALE_CURSOR (the section changed since: load it again without `after`). */
  section?: Maybe<Section>;
};


export type QueryHomeArgs = {
  capabilities?: InputMaybe<ClientCapabilitiesInput>;
  firstSections?: InputMaybe<Scalars['Int']['input']>;
};


export type QuerySectionArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  capabilities?: InputMaybe<ClientCapabilitiesInput>;
  first?: InputMaybe<Scalars['Int']['input']>;
  id: Scalars['ID']['input'];
};

/** The screen changed more than deltas can say: refetch `home`. */
export type ResyncRequired = HomeUpdate & {
  __typename?: 'ResyncRequired';
  /** SECTIONS_CHANGED, TILES_REORDERED, SECTION_RECOVERED, UPDATES_LOST, ... */
  reason: Scalars['String']['output'];
  sentAt: Scalars['DateTimeISO']['output'];
  sequence: Scalars['Int']['output'];
};

/** Refetch `home` (the section recovers when its source does). */
export type RetryAction = Action & {
  __typename?: 'RetryAction';
  accessibilityLabel: Scalars['String']['output'];
  /** A web page doing the same, for clients that cannot perform the action. */
  fallbackUrl: Scalars['URL']['output'];
  retryAfterSeconds: Scalars['Int']['output'];
  sectionId: Scalars['ID']['output'];
};

export type Section = {
  accessibilityLabel: Scalars['String']['output'];
  analytics: Analytics;
  /** Stable across requests for the same thing in the same place. */
  id: Scalars['ID']['output'];
  /** Grows whenever the node's content changes; keep the highest seen per id. */
  revision: Scalars['SafeInt']['output'];
  title?: Maybe<Scalars['String']['output']>;
  variant: SectionVariant;
};

/** Replace the section with this id by this one, if its revision is higher than yours: a failed section that recovered, or one whose title, component or tile order changed. Sent only to clients that declared SECTION_UPDATE; it may replace a LazySection the client has not loaded. */
export type SectionUpdate = HomeUpdate & {
  __typename?: 'SectionUpdate';
  section: Section;
  sentAt: Scalars['DateTimeISO']['output'];
  sequence: Scalars['Int']['output'];
};

export type SectionVariant =
  | 'DEFAULT'
  | 'EMPHASIZED';

export type Subscription = {
  __typename?: 'Subscription';
  /** Live changes to the viewer's home screen: tiles replaced (same id, higher revision), inserted or removed, whole sections replaced (SectionUpdate, when declared in `capabilities.updates`), or a request to refetch `home`. Declare the same capabilities as for `home`. */
  homeUpdates: HomeUpdate;
};


export type SubscriptionHomeUpdatesArgs = {
  capabilities?: InputMaybe<ClientCapabilitiesInput>;
};

/** One product on screen. */
export type Tile = {
  accessibilityLabel: Scalars['String']['output'];
  action?: Maybe<Action>;
  analytics: Analytics;
  generatedAt: Scalars['DateTimeISO']['output'];
  /** Stable across requests for the same thing in the same place. */
  id: Scalars['ID']['output'];
  personalization: Personalization;
  product?: Maybe<ProductReference>;
  /** Grows whenever the node's content changes; keep the highest seen per id. */
  revision: Scalars['SafeInt']['output'];
  /** Refetch after this if no pushed update replaced the tile. */
  staleAfter: Scalars['DateTimeISO']['output'];
  variant: TileVariant;
};

/** Insert the tile at `index` in the section. */
export type TileInsert = HomeUpdate & {
  __typename?: 'TileInsert';
  index: Scalars['Int']['output'];
  sectionId: Scalars['ID']['output'];
  sentAt: Scalars['DateTimeISO']['output'];
  sequence: Scalars['Int']['output'];
  tile: Tile;
};

/** Remove the tile with this id from the section. */
export type TileRemoval = HomeUpdate & {
  __typename?: 'TileRemoval';
  sectionId: Scalars['ID']['output'];
  sentAt: Scalars['DateTimeISO']['output'];
  sequence: Scalars['Int']['output'];
  tileId: Scalars['ID']['output'];
};

/** Replace the tile with this id, if this revision is higher than yours. */
export type TileUpdate = HomeUpdate & {
  __typename?: 'TileUpdate';
  sectionId: Scalars['ID']['output'];
  sentAt: Scalars['DateTimeISO']['output'];
  sequence: Scalars['Int']['output'];
  tile: Tile;
};

/** How large and prominent a tile renders. */
export type TileVariant =
  | 'COMPACT'
  | 'FEATURED'
  | 'STANDARD';

/** A section with a list of tiles that `section(first:, after:)` can page. `home` sends them whole. */
export type TiledSection = {
  accessibilityLabel: Scalars['String']['output'];
  analytics: Analytics;
  /** Stable across requests for the same thing in the same place. */
  id: Scalars['ID']['output'];
  pageInfo: PageInfo;
  /** Grows whenever the node's content changes; keep the highest seen per id. */
  revision: Scalars['SafeInt']['output'];
  tiles: Array<Tile>;
  title?: Maybe<Scalars['String']['output']>;
  variant: SectionVariant;
};

/** A design token: the client maps it to its palette. */
export type Tone =
  | 'ACCENT'
  | 'CRITICAL'
  | 'NEUTRAL'
  | 'POSITIVE'
  | 'WARNING';

export type Viewer = {
  __typename?: 'Viewer';
  anonymous: Scalars['Boolean']['output'];
  id?: Maybe<Scalars['ID']['output']>;
};

type RendererAction_DeepLinkAction_Fragment = { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string };

type RendererAction_NavigateAction_Fragment = { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string };

type RendererAction_OpenProductAction_Fragment = { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string };

type RendererAction_OpenUrlAction_Fragment = { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string };

type RendererAction_RetryAction_Fragment = { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string };

export type RendererActionFragment =
  | RendererAction_DeepLinkAction_Fragment
  | RendererAction_NavigateAction_Fragment
  | RendererAction_OpenProductAction_Fragment
  | RendererAction_OpenUrlAction_Fragment
  | RendererAction_RetryAction_Fragment
;

export type RendererImageFragment = { __typename?: 'Image', url: string, alt: string, aspectRatio: AspectRatio };

type RendererTile_BasicTile_Fragment = { __typename: 'BasicTile', title: string, subtitle?: string | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, image?: { __typename?: 'Image', url: string, alt: string, aspectRatio: AspectRatio } | null, product?: { __typename?: 'ProductReference', id: string, service: string } | null, personalization: { __typename?: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, action?:
    | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
    | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
    | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
    | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
    | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
   | null };

type RendererTile_DealTile_Fragment = { __typename: 'DealTile', title: string, endsAt?: string | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, image?: { __typename?: 'Image', url: string, alt: string, aspectRatio: AspectRatio } | null, price?: { __typename?: 'Price', formatted: string } | null, originalPrice?: { __typename?: 'Price', formatted: string } | null, discount?: { __typename?: 'Badge', label: string, tone: Tone } | null, product?: { __typename?: 'ProductReference', id: string, service: string } | null, personalization: { __typename?: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, action?:
    | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
    | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
    | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
    | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
    | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
   | null };

type RendererTile_MediaTile_Fragment = { __typename: 'MediaTile', title: string, subtitle?: string | null, progress?: number | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, image?: { __typename?: 'Image', url: string, alt: string, aspectRatio: AspectRatio } | null, product?: { __typename?: 'ProductReference', id: string, service: string } | null, personalization: { __typename?: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, action?:
    | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
    | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
    | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
    | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
    | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
   | null };

type RendererTile_MetricTile_Fragment = { __typename: 'MetricTile', title: string, value: number, max: number, unit: string, caption: string, tone: Tone, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, product?: { __typename?: 'ProductReference', id: string, service: string } | null, personalization: { __typename?: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, action?:
    | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
    | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
    | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
    | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
    | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
   | null };

type RendererTile_PlaceholderTile_Fragment = { __typename: 'PlaceholderTile', message?: string | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, product?: { __typename?: 'ProductReference', id: string, service: string } | null, personalization: { __typename?: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, action?:
    | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
    | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
    | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
    | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
    | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
   | null };

type RendererTile_ProductTile_Fragment = { __typename: 'ProductTile', title: string, subtitle?: string | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, image?: { __typename?: 'Image', url: string, alt: string, aspectRatio: AspectRatio } | null, price?: { __typename?: 'Price', formatted: string } | null, badge?: { __typename?: 'Badge', label: string, tone: Tone } | null, product?: { __typename?: 'ProductReference', id: string, service: string } | null, personalization: { __typename?: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, action?:
    | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
    | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
    | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
    | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
    | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
   | null };

export type RendererTileFragment =
  | RendererTile_BasicTile_Fragment
  | RendererTile_DealTile_Fragment
  | RendererTile_MediaTile_Fragment
  | RendererTile_MetricTile_Fragment
  | RendererTile_PlaceholderTile_Fragment
  | RendererTile_ProductTile_Fragment
;

export type RendererHomeQueryVariables = Exact<{
  capabilities?: InputMaybe<ClientCapabilitiesInput>;
  firstSections?: InputMaybe<Scalars['Int']['input']>;
}>;


export type RendererHomeQuery = { __typename?: 'Query', home: { __typename?: 'HomeScreen', id: string, revision: number, schemaVersion: string, generatedAt: string, staleAfter: string, viewer: { __typename?: 'Viewer', id?: string | null, anonymous: boolean }, sections: Array<
      | { __typename: 'CarouselSection', id: string, revision: number, title?: string | null, variant: SectionVariant, accessibilityLabel: string, tiles: Array<
          | { __typename: 'BasicTile', title: string, subtitle?: string | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, image?: { __typename?: 'Image', url: string, alt: string, aspectRatio: AspectRatio } | null, product?: { __typename?: 'ProductReference', id: string, service: string } | null, personalization: { __typename?: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, action?:
              | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
             | null }
          | { __typename: 'DealTile', title: string, endsAt?: string | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, image?: { __typename?: 'Image', url: string, alt: string, aspectRatio: AspectRatio } | null, price?: { __typename?: 'Price', formatted: string } | null, originalPrice?: { __typename?: 'Price', formatted: string } | null, discount?: { __typename?: 'Badge', label: string, tone: Tone } | null, product?: { __typename?: 'ProductReference', id: string, service: string } | null, personalization: { __typename?: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, action?:
              | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
             | null }
          | { __typename: 'MediaTile', title: string, subtitle?: string | null, progress?: number | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, image?: { __typename?: 'Image', url: string, alt: string, aspectRatio: AspectRatio } | null, product?: { __typename?: 'ProductReference', id: string, service: string } | null, personalization: { __typename?: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, action?:
              | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
             | null }
          | { __typename: 'MetricTile', title: string, value: number, max: number, unit: string, caption: string, tone: Tone, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, product?: { __typename?: 'ProductReference', id: string, service: string } | null, personalization: { __typename?: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, action?:
              | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
             | null }
          | { __typename: 'PlaceholderTile', message?: string | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, product?: { __typename?: 'ProductReference', id: string, service: string } | null, personalization: { __typename?: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, action?:
              | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
             | null }
          | { __typename: 'ProductTile', title: string, subtitle?: string | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, image?: { __typename?: 'Image', url: string, alt: string, aspectRatio: AspectRatio } | null, price?: { __typename?: 'Price', formatted: string } | null, badge?: { __typename?: 'Badge', label: string, tone: Tone } | null, product?: { __typename?: 'ProductReference', id: string, service: string } | null, personalization: { __typename?: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, action?:
              | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
             | null }
        > }
      | { __typename: 'ErrorSection', code: string, message: string, id: string, revision: number, title?: string | null, variant: SectionVariant, accessibilityLabel: string, retry:
          | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
          | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
          | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
          | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
          | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
         }
      | { __typename: 'GridSection', columns: number, id: string, revision: number, title?: string | null, variant: SectionVariant, accessibilityLabel: string, tiles: Array<
          | { __typename: 'BasicTile', title: string, subtitle?: string | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, image?: { __typename?: 'Image', url: string, alt: string, aspectRatio: AspectRatio } | null, product?: { __typename?: 'ProductReference', id: string, service: string } | null, personalization: { __typename?: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, action?:
              | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
             | null }
          | { __typename: 'DealTile', title: string, endsAt?: string | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, image?: { __typename?: 'Image', url: string, alt: string, aspectRatio: AspectRatio } | null, price?: { __typename?: 'Price', formatted: string } | null, originalPrice?: { __typename?: 'Price', formatted: string } | null, discount?: { __typename?: 'Badge', label: string, tone: Tone } | null, product?: { __typename?: 'ProductReference', id: string, service: string } | null, personalization: { __typename?: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, action?:
              | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
             | null }
          | { __typename: 'MediaTile', title: string, subtitle?: string | null, progress?: number | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, image?: { __typename?: 'Image', url: string, alt: string, aspectRatio: AspectRatio } | null, product?: { __typename?: 'ProductReference', id: string, service: string } | null, personalization: { __typename?: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, action?:
              | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
             | null }
          | { __typename: 'MetricTile', title: string, value: number, max: number, unit: string, caption: string, tone: Tone, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, product?: { __typename?: 'ProductReference', id: string, service: string } | null, personalization: { __typename?: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, action?:
              | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
             | null }
          | { __typename: 'PlaceholderTile', message?: string | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, product?: { __typename?: 'ProductReference', id: string, service: string } | null, personalization: { __typename?: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, action?:
              | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
             | null }
          | { __typename: 'ProductTile', title: string, subtitle?: string | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, image?: { __typename?: 'Image', url: string, alt: string, aspectRatio: AspectRatio } | null, price?: { __typename?: 'Price', formatted: string } | null, badge?: { __typename?: 'Badge', label: string, tone: Tone } | null, product?: { __typename?: 'ProductReference', id: string, service: string } | null, personalization: { __typename?: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, action?:
              | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
             | null }
        > }
      | { __typename: 'HeroSection', id: string, revision: number, title?: string | null, variant: SectionVariant, accessibilityLabel: string, tile:
          | { __typename: 'BasicTile', title: string, subtitle?: string | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, image?: { __typename?: 'Image', url: string, alt: string, aspectRatio: AspectRatio } | null, product?: { __typename?: 'ProductReference', id: string, service: string } | null, personalization: { __typename?: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, action?:
              | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
             | null }
          | { __typename: 'DealTile', title: string, endsAt?: string | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, image?: { __typename?: 'Image', url: string, alt: string, aspectRatio: AspectRatio } | null, price?: { __typename?: 'Price', formatted: string } | null, originalPrice?: { __typename?: 'Price', formatted: string } | null, discount?: { __typename?: 'Badge', label: string, tone: Tone } | null, product?: { __typename?: 'ProductReference', id: string, service: string } | null, personalization: { __typename?: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, action?:
              | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
             | null }
          | { __typename: 'MediaTile', title: string, subtitle?: string | null, progress?: number | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, image?: { __typename?: 'Image', url: string, alt: string, aspectRatio: AspectRatio } | null, product?: { __typename?: 'ProductReference', id: string, service: string } | null, personalization: { __typename?: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, action?:
              | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
             | null }
          | { __typename: 'MetricTile', title: string, value: number, max: number, unit: string, caption: string, tone: Tone, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, product?: { __typename?: 'ProductReference', id: string, service: string } | null, personalization: { __typename?: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, action?:
              | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
             | null }
          | { __typename: 'PlaceholderTile', message?: string | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, product?: { __typename?: 'ProductReference', id: string, service: string } | null, personalization: { __typename?: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, action?:
              | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
             | null }
          | { __typename: 'ProductTile', title: string, subtitle?: string | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, image?: { __typename?: 'Image', url: string, alt: string, aspectRatio: AspectRatio } | null, price?: { __typename?: 'Price', formatted: string } | null, badge?: { __typename?: 'Badge', label: string, tone: Tone } | null, product?: { __typename?: 'ProductReference', id: string, service: string } | null, personalization: { __typename?: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, action?:
              | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
             | null }
         }
      | { __typename: 'LazySection', kind: ComponentKind, id: string, revision: number, title?: string | null, variant: SectionVariant, accessibilityLabel: string }
      | { __typename: 'ListSection', id: string, revision: number, title?: string | null, variant: SectionVariant, accessibilityLabel: string, tiles: Array<
          | { __typename: 'BasicTile', title: string, subtitle?: string | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, image?: { __typename?: 'Image', url: string, alt: string, aspectRatio: AspectRatio } | null, product?: { __typename?: 'ProductReference', id: string, service: string } | null, personalization: { __typename?: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, action?:
              | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
             | null }
          | { __typename: 'DealTile', title: string, endsAt?: string | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, image?: { __typename?: 'Image', url: string, alt: string, aspectRatio: AspectRatio } | null, price?: { __typename?: 'Price', formatted: string } | null, originalPrice?: { __typename?: 'Price', formatted: string } | null, discount?: { __typename?: 'Badge', label: string, tone: Tone } | null, product?: { __typename?: 'ProductReference', id: string, service: string } | null, personalization: { __typename?: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, action?:
              | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
             | null }
          | { __typename: 'MediaTile', title: string, subtitle?: string | null, progress?: number | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, image?: { __typename?: 'Image', url: string, alt: string, aspectRatio: AspectRatio } | null, product?: { __typename?: 'ProductReference', id: string, service: string } | null, personalization: { __typename?: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, action?:
              | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
             | null }
          | { __typename: 'MetricTile', title: string, value: number, max: number, unit: string, caption: string, tone: Tone, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, product?: { __typename?: 'ProductReference', id: string, service: string } | null, personalization: { __typename?: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, action?:
              | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
             | null }
          | { __typename: 'PlaceholderTile', message?: string | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, product?: { __typename?: 'ProductReference', id: string, service: string } | null, personalization: { __typename?: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, action?:
              | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
             | null }
          | { __typename: 'ProductTile', title: string, subtitle?: string | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, image?: { __typename?: 'Image', url: string, alt: string, aspectRatio: AspectRatio } | null, price?: { __typename?: 'Price', formatted: string } | null, badge?: { __typename?: 'Badge', label: string, tone: Tone } | null, product?: { __typename?: 'ProductReference', id: string, service: string } | null, personalization: { __typename?: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, action?:
              | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
             | null }
        > }
    > } };

export type RendererSectionQueryVariables = Exact<{
  id: Scalars['ID']['input'];
  capabilities?: InputMaybe<ClientCapabilitiesInput>;
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type RendererSectionQuery = { __typename?: 'Query', section?:
    | { __typename: 'CarouselSection', id: string, revision: number, title?: string | null, variant: SectionVariant, accessibilityLabel: string, tiles: Array<
        | { __typename: 'BasicTile', title: string, subtitle?: string | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, image?: { __typename?: 'Image', url: string, alt: string, aspectRatio: AspectRatio } | null, product?: { __typename?: 'ProductReference', id: string, service: string } | null, personalization: { __typename?: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, action?:
            | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
           | null }
        | { __typename: 'DealTile', title: string, endsAt?: string | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, image?: { __typename?: 'Image', url: string, alt: string, aspectRatio: AspectRatio } | null, price?: { __typename?: 'Price', formatted: string } | null, originalPrice?: { __typename?: 'Price', formatted: string } | null, discount?: { __typename?: 'Badge', label: string, tone: Tone } | null, product?: { __typename?: 'ProductReference', id: string, service: string } | null, personalization: { __typename?: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, action?:
            | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
           | null }
        | { __typename: 'MediaTile', title: string, subtitle?: string | null, progress?: number | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, image?: { __typename?: 'Image', url: string, alt: string, aspectRatio: AspectRatio } | null, product?: { __typename?: 'ProductReference', id: string, service: string } | null, personalization: { __typename?: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, action?:
            | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
           | null }
        | { __typename: 'MetricTile', title: string, value: number, max: number, unit: string, caption: string, tone: Tone, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, product?: { __typename?: 'ProductReference', id: string, service: string } | null, personalization: { __typename?: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, action?:
            | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
           | null }
        | { __typename: 'PlaceholderTile', message?: string | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, product?: { __typename?: 'ProductReference', id: string, service: string } | null, personalization: { __typename?: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, action?:
            | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
           | null }
        | { __typename: 'ProductTile', title: string, subtitle?: string | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, image?: { __typename?: 'Image', url: string, alt: string, aspectRatio: AspectRatio } | null, price?: { __typename?: 'Price', formatted: string } | null, badge?: { __typename?: 'Badge', label: string, tone: Tone } | null, product?: { __typename?: 'ProductReference', id: string, service: string } | null, personalization: { __typename?: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, action?:
            | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
           | null }
      >, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null } }
    | { __typename: 'ErrorSection', code: string, message: string, id: string, revision: number, title?: string | null, variant: SectionVariant, accessibilityLabel: string, retry:
        | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
        | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
        | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
        | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
        | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
       }
    | { __typename: 'GridSection', columns: number, id: string, revision: number, title?: string | null, variant: SectionVariant, accessibilityLabel: string, tiles: Array<
        | { __typename: 'BasicTile', title: string, subtitle?: string | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, image?: { __typename?: 'Image', url: string, alt: string, aspectRatio: AspectRatio } | null, product?: { __typename?: 'ProductReference', id: string, service: string } | null, personalization: { __typename?: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, action?:
            | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
           | null }
        | { __typename: 'DealTile', title: string, endsAt?: string | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, image?: { __typename?: 'Image', url: string, alt: string, aspectRatio: AspectRatio } | null, price?: { __typename?: 'Price', formatted: string } | null, originalPrice?: { __typename?: 'Price', formatted: string } | null, discount?: { __typename?: 'Badge', label: string, tone: Tone } | null, product?: { __typename?: 'ProductReference', id: string, service: string } | null, personalization: { __typename?: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, action?:
            | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
           | null }
        | { __typename: 'MediaTile', title: string, subtitle?: string | null, progress?: number | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, image?: { __typename?: 'Image', url: string, alt: string, aspectRatio: AspectRatio } | null, product?: { __typename?: 'ProductReference', id: string, service: string } | null, personalization: { __typename?: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, action?:
            | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
           | null }
        | { __typename: 'MetricTile', title: string, value: number, max: number, unit: string, caption: string, tone: Tone, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, product?: { __typename?: 'ProductReference', id: string, service: string } | null, personalization: { __typename?: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, action?:
            | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
           | null }
        | { __typename: 'PlaceholderTile', message?: string | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, product?: { __typename?: 'ProductReference', id: string, service: string } | null, personalization: { __typename?: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, action?:
            | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
           | null }
        | { __typename: 'ProductTile', title: string, subtitle?: string | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, image?: { __typename?: 'Image', url: string, alt: string, aspectRatio: AspectRatio } | null, price?: { __typename?: 'Price', formatted: string } | null, badge?: { __typename?: 'Badge', label: string, tone: Tone } | null, product?: { __typename?: 'ProductReference', id: string, service: string } | null, personalization: { __typename?: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, action?:
            | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
           | null }
      >, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null } }
    | { __typename: 'HeroSection', id: string, revision: number, title?: string | null, variant: SectionVariant, accessibilityLabel: string, tile:
        | { __typename: 'BasicTile', title: string, subtitle?: string | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, image?: { __typename?: 'Image', url: string, alt: string, aspectRatio: AspectRatio } | null, product?: { __typename?: 'ProductReference', id: string, service: string } | null, personalization: { __typename?: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, action?:
            | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
           | null }
        | { __typename: 'DealTile', title: string, endsAt?: string | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, image?: { __typename?: 'Image', url: string, alt: string, aspectRatio: AspectRatio } | null, price?: { __typename?: 'Price', formatted: string } | null, originalPrice?: { __typename?: 'Price', formatted: string } | null, discount?: { __typename?: 'Badge', label: string, tone: Tone } | null, product?: { __typename?: 'ProductReference', id: string, service: string } | null, personalization: { __typename?: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, action?:
            | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
           | null }
        | { __typename: 'MediaTile', title: string, subtitle?: string | null, progress?: number | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, image?: { __typename?: 'Image', url: string, alt: string, aspectRatio: AspectRatio } | null, product?: { __typename?: 'ProductReference', id: string, service: string } | null, personalization: { __typename?: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, action?:
            | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
           | null }
        | { __typename: 'MetricTile', title: string, value: number, max: number, unit: string, caption: string, tone: Tone, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, product?: { __typename?: 'ProductReference', id: string, service: string } | null, personalization: { __typename?: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, action?:
            | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
           | null }
        | { __typename: 'PlaceholderTile', message?: string | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, product?: { __typename?: 'ProductReference', id: string, service: string } | null, personalization: { __typename?: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, action?:
            | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
           | null }
        | { __typename: 'ProductTile', title: string, subtitle?: string | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, image?: { __typename?: 'Image', url: string, alt: string, aspectRatio: AspectRatio } | null, price?: { __typename?: 'Price', formatted: string } | null, badge?: { __typename?: 'Badge', label: string, tone: Tone } | null, product?: { __typename?: 'ProductReference', id: string, service: string } | null, personalization: { __typename?: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, action?:
            | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
           | null }
       }
    | { __typename: 'LazySection', id: string, revision: number, title?: string | null, variant: SectionVariant, accessibilityLabel: string }
    | { __typename: 'ListSection', id: string, revision: number, title?: string | null, variant: SectionVariant, accessibilityLabel: string, tiles: Array<
        | { __typename: 'BasicTile', title: string, subtitle?: string | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, image?: { __typename?: 'Image', url: string, alt: string, aspectRatio: AspectRatio } | null, product?: { __typename?: 'ProductReference', id: string, service: string } | null, personalization: { __typename?: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, action?:
            | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
           | null }
        | { __typename: 'DealTile', title: string, endsAt?: string | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, image?: { __typename?: 'Image', url: string, alt: string, aspectRatio: AspectRatio } | null, price?: { __typename?: 'Price', formatted: string } | null, originalPrice?: { __typename?: 'Price', formatted: string } | null, discount?: { __typename?: 'Badge', label: string, tone: Tone } | null, product?: { __typename?: 'ProductReference', id: string, service: string } | null, personalization: { __typename?: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, action?:
            | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
           | null }
        | { __typename: 'MediaTile', title: string, subtitle?: string | null, progress?: number | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, image?: { __typename?: 'Image', url: string, alt: string, aspectRatio: AspectRatio } | null, product?: { __typename?: 'ProductReference', id: string, service: string } | null, personalization: { __typename?: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, action?:
            | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
           | null }
        | { __typename: 'MetricTile', title: string, value: number, max: number, unit: string, caption: string, tone: Tone, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, product?: { __typename?: 'ProductReference', id: string, service: string } | null, personalization: { __typename?: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, action?:
            | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
           | null }
        | { __typename: 'PlaceholderTile', message?: string | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, product?: { __typename?: 'ProductReference', id: string, service: string } | null, personalization: { __typename?: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, action?:
            | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
           | null }
        | { __typename: 'ProductTile', title: string, subtitle?: string | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, image?: { __typename?: 'Image', url: string, alt: string, aspectRatio: AspectRatio } | null, price?: { __typename?: 'Price', formatted: string } | null, badge?: { __typename?: 'Badge', label: string, tone: Tone } | null, product?: { __typename?: 'ProductReference', id: string, service: string } | null, personalization: { __typename?: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, action?:
            | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
           | null }
      >, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null } }
   | null };

export type RendererHomeUpdatesSubscriptionVariables = Exact<{
  capabilities?: InputMaybe<ClientCapabilitiesInput>;
}>;


export type RendererHomeUpdatesSubscription = { __typename?: 'Subscription', homeUpdates:
    | { __typename: 'ResyncRequired', reason: string, sequence: number, sentAt: string }
    | { __typename: 'SectionUpdate', sequence: number, sentAt: string, section:
        | { __typename: 'CarouselSection', id: string, revision: number, title?: string | null, variant: SectionVariant, accessibilityLabel: string, tiles: Array<
            | { __typename: 'BasicTile', title: string, subtitle?: string | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, image?: { __typename?: 'Image', url: string, alt: string, aspectRatio: AspectRatio } | null, product?: { __typename?: 'ProductReference', id: string, service: string } | null, personalization: { __typename?: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, action?:
                | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
               | null }
            | { __typename: 'DealTile', title: string, endsAt?: string | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, image?: { __typename?: 'Image', url: string, alt: string, aspectRatio: AspectRatio } | null, price?: { __typename?: 'Price', formatted: string } | null, originalPrice?: { __typename?: 'Price', formatted: string } | null, discount?: { __typename?: 'Badge', label: string, tone: Tone } | null, product?: { __typename?: 'ProductReference', id: string, service: string } | null, personalization: { __typename?: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, action?:
                | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
               | null }
            | { __typename: 'MediaTile', title: string, subtitle?: string | null, progress?: number | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, image?: { __typename?: 'Image', url: string, alt: string, aspectRatio: AspectRatio } | null, product?: { __typename?: 'ProductReference', id: string, service: string } | null, personalization: { __typename?: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, action?:
                | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
               | null }
            | { __typename: 'MetricTile', title: string, value: number, max: number, unit: string, caption: string, tone: Tone, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, product?: { __typename?: 'ProductReference', id: string, service: string } | null, personalization: { __typename?: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, action?:
                | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
               | null }
            | { __typename: 'PlaceholderTile', message?: string | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, product?: { __typename?: 'ProductReference', id: string, service: string } | null, personalization: { __typename?: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, action?:
                | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
               | null }
            | { __typename: 'ProductTile', title: string, subtitle?: string | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, image?: { __typename?: 'Image', url: string, alt: string, aspectRatio: AspectRatio } | null, price?: { __typename?: 'Price', formatted: string } | null, badge?: { __typename?: 'Badge', label: string, tone: Tone } | null, product?: { __typename?: 'ProductReference', id: string, service: string } | null, personalization: { __typename?: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, action?:
                | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
               | null }
          > }
        | { __typename: 'ErrorSection', code: string, message: string, id: string, revision: number, title?: string | null, variant: SectionVariant, accessibilityLabel: string, retry:
            | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
           }
        | { __typename: 'GridSection', columns: number, id: string, revision: number, title?: string | null, variant: SectionVariant, accessibilityLabel: string, tiles: Array<
            | { __typename: 'BasicTile', title: string, subtitle?: string | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, image?: { __typename?: 'Image', url: string, alt: string, aspectRatio: AspectRatio } | null, product?: { __typename?: 'ProductReference', id: string, service: string } | null, personalization: { __typename?: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, action?:
                | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
               | null }
            | { __typename: 'DealTile', title: string, endsAt?: string | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, image?: { __typename?: 'Image', url: string, alt: string, aspectRatio: AspectRatio } | null, price?: { __typename?: 'Price', formatted: string } | null, originalPrice?: { __typename?: 'Price', formatted: string } | null, discount?: { __typename?: 'Badge', label: string, tone: Tone } | null, product?: { __typename?: 'ProductReference', id: string, service: string } | null, personalization: { __typename?: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, action?:
                | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
               | null }
            | { __typename: 'MediaTile', title: string, subtitle?: string | null, progress?: number | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, image?: { __typename?: 'Image', url: string, alt: string, aspectRatio: AspectRatio } | null, product?: { __typename?: 'ProductReference', id: string, service: string } | null, personalization: { __typename?: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, action?:
                | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
               | null }
            | { __typename: 'MetricTile', title: string, value: number, max: number, unit: string, caption: string, tone: Tone, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, product?: { __typename?: 'ProductReference', id: string, service: string } | null, personalization: { __typename?: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, action?:
                | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
               | null }
            | { __typename: 'PlaceholderTile', message?: string | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, product?: { __typename?: 'ProductReference', id: string, service: string } | null, personalization: { __typename?: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, action?:
                | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
               | null }
            | { __typename: 'ProductTile', title: string, subtitle?: string | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, image?: { __typename?: 'Image', url: string, alt: string, aspectRatio: AspectRatio } | null, price?: { __typename?: 'Price', formatted: string } | null, badge?: { __typename?: 'Badge', label: string, tone: Tone } | null, product?: { __typename?: 'ProductReference', id: string, service: string } | null, personalization: { __typename?: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, action?:
                | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
               | null }
          > }
        | { __typename: 'HeroSection', id: string, revision: number, title?: string | null, variant: SectionVariant, accessibilityLabel: string, tile:
            | { __typename: 'BasicTile', title: string, subtitle?: string | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, image?: { __typename?: 'Image', url: string, alt: string, aspectRatio: AspectRatio } | null, product?: { __typename?: 'ProductReference', id: string, service: string } | null, personalization: { __typename?: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, action?:
                | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
               | null }
            | { __typename: 'DealTile', title: string, endsAt?: string | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, image?: { __typename?: 'Image', url: string, alt: string, aspectRatio: AspectRatio } | null, price?: { __typename?: 'Price', formatted: string } | null, originalPrice?: { __typename?: 'Price', formatted: string } | null, discount?: { __typename?: 'Badge', label: string, tone: Tone } | null, product?: { __typename?: 'ProductReference', id: string, service: string } | null, personalization: { __typename?: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, action?:
                | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
               | null }
            | { __typename: 'MediaTile', title: string, subtitle?: string | null, progress?: number | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, image?: { __typename?: 'Image', url: string, alt: string, aspectRatio: AspectRatio } | null, product?: { __typename?: 'ProductReference', id: string, service: string } | null, personalization: { __typename?: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, action?:
                | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
               | null }
            | { __typename: 'MetricTile', title: string, value: number, max: number, unit: string, caption: string, tone: Tone, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, product?: { __typename?: 'ProductReference', id: string, service: string } | null, personalization: { __typename?: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, action?:
                | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
               | null }
            | { __typename: 'PlaceholderTile', message?: string | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, product?: { __typename?: 'ProductReference', id: string, service: string } | null, personalization: { __typename?: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, action?:
                | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
               | null }
            | { __typename: 'ProductTile', title: string, subtitle?: string | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, image?: { __typename?: 'Image', url: string, alt: string, aspectRatio: AspectRatio } | null, price?: { __typename?: 'Price', formatted: string } | null, badge?: { __typename?: 'Badge', label: string, tone: Tone } | null, product?: { __typename?: 'ProductReference', id: string, service: string } | null, personalization: { __typename?: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, action?:
                | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
               | null }
           }
        | { __typename: 'LazySection', id: string, revision: number, title?: string | null, variant: SectionVariant, accessibilityLabel: string }
        | { __typename: 'ListSection', id: string, revision: number, title?: string | null, variant: SectionVariant, accessibilityLabel: string, tiles: Array<
            | { __typename: 'BasicTile', title: string, subtitle?: string | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, image?: { __typename?: 'Image', url: string, alt: string, aspectRatio: AspectRatio } | null, product?: { __typename?: 'ProductReference', id: string, service: string } | null, personalization: { __typename?: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, action?:
                | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
               | null }
            | { __typename: 'DealTile', title: string, endsAt?: string | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, image?: { __typename?: 'Image', url: string, alt: string, aspectRatio: AspectRatio } | null, price?: { __typename?: 'Price', formatted: string } | null, originalPrice?: { __typename?: 'Price', formatted: string } | null, discount?: { __typename?: 'Badge', label: string, tone: Tone } | null, product?: { __typename?: 'ProductReference', id: string, service: string } | null, personalization: { __typename?: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, action?:
                | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
               | null }
            | { __typename: 'MediaTile', title: string, subtitle?: string | null, progress?: number | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, image?: { __typename?: 'Image', url: string, alt: string, aspectRatio: AspectRatio } | null, product?: { __typename?: 'ProductReference', id: string, service: string } | null, personalization: { __typename?: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, action?:
                | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
               | null }
            | { __typename: 'MetricTile', title: string, value: number, max: number, unit: string, caption: string, tone: Tone, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, product?: { __typename?: 'ProductReference', id: string, service: string } | null, personalization: { __typename?: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, action?:
                | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
               | null }
            | { __typename: 'PlaceholderTile', message?: string | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, product?: { __typename?: 'ProductReference', id: string, service: string } | null, personalization: { __typename?: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, action?:
                | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
               | null }
            | { __typename: 'ProductTile', title: string, subtitle?: string | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, image?: { __typename?: 'Image', url: string, alt: string, aspectRatio: AspectRatio } | null, price?: { __typename?: 'Price', formatted: string } | null, badge?: { __typename?: 'Badge', label: string, tone: Tone } | null, product?: { __typename?: 'ProductReference', id: string, service: string } | null, personalization: { __typename?: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, action?:
                | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
               | null }
          > }
       }
    | { __typename: 'TileInsert', sectionId: string, index: number, sequence: number, sentAt: string, tile:
        | { __typename: 'BasicTile', title: string, subtitle?: string | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, image?: { __typename?: 'Image', url: string, alt: string, aspectRatio: AspectRatio } | null, product?: { __typename?: 'ProductReference', id: string, service: string } | null, personalization: { __typename?: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, action?:
            | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
           | null }
        | { __typename: 'DealTile', title: string, endsAt?: string | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, image?: { __typename?: 'Image', url: string, alt: string, aspectRatio: AspectRatio } | null, price?: { __typename?: 'Price', formatted: string } | null, originalPrice?: { __typename?: 'Price', formatted: string } | null, discount?: { __typename?: 'Badge', label: string, tone: Tone } | null, product?: { __typename?: 'ProductReference', id: string, service: string } | null, personalization: { __typename?: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, action?:
            | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
           | null }
        | { __typename: 'MediaTile', title: string, subtitle?: string | null, progress?: number | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, image?: { __typename?: 'Image', url: string, alt: string, aspectRatio: AspectRatio } | null, product?: { __typename?: 'ProductReference', id: string, service: string } | null, personalization: { __typename?: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, action?:
            | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
           | null }
        | { __typename: 'MetricTile', title: string, value: number, max: number, unit: string, caption: string, tone: Tone, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, product?: { __typename?: 'ProductReference', id: string, service: string } | null, personalization: { __typename?: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, action?:
            | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
           | null }
        | { __typename: 'PlaceholderTile', message?: string | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, product?: { __typename?: 'ProductReference', id: string, service: string } | null, personalization: { __typename?: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, action?:
            | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
           | null }
        | { __typename: 'ProductTile', title: string, subtitle?: string | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, image?: { __typename?: 'Image', url: string, alt: string, aspectRatio: AspectRatio } | null, price?: { __typename?: 'Price', formatted: string } | null, badge?: { __typename?: 'Badge', label: string, tone: Tone } | null, product?: { __typename?: 'ProductReference', id: string, service: string } | null, personalization: { __typename?: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, action?:
            | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
           | null }
       }
    | { __typename: 'TileRemoval', sectionId: string, tileId: string, sequence: number, sentAt: string }
    | { __typename: 'TileUpdate', sectionId: string, sequence: number, sentAt: string, tile:
        | { __typename: 'BasicTile', title: string, subtitle?: string | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, image?: { __typename?: 'Image', url: string, alt: string, aspectRatio: AspectRatio } | null, product?: { __typename?: 'ProductReference', id: string, service: string } | null, personalization: { __typename?: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, action?:
            | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
           | null }
        | { __typename: 'DealTile', title: string, endsAt?: string | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, image?: { __typename?: 'Image', url: string, alt: string, aspectRatio: AspectRatio } | null, price?: { __typename?: 'Price', formatted: string } | null, originalPrice?: { __typename?: 'Price', formatted: string } | null, discount?: { __typename?: 'Badge', label: string, tone: Tone } | null, product?: { __typename?: 'ProductReference', id: string, service: string } | null, personalization: { __typename?: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, action?:
            | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
           | null }
        | { __typename: 'MediaTile', title: string, subtitle?: string | null, progress?: number | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, image?: { __typename?: 'Image', url: string, alt: string, aspectRatio: AspectRatio } | null, product?: { __typename?: 'ProductReference', id: string, service: string } | null, personalization: { __typename?: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, action?:
            | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
           | null }
        | { __typename: 'MetricTile', title: string, value: number, max: number, unit: string, caption: string, tone: Tone, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, product?: { __typename?: 'ProductReference', id: string, service: string } | null, personalization: { __typename?: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, action?:
            | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
           | null }
        | { __typename: 'PlaceholderTile', message?: string | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, product?: { __typename?: 'ProductReference', id: string, service: string } | null, personalization: { __typename?: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, action?:
            | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
           | null }
        | { __typename: 'ProductTile', title: string, subtitle?: string | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, image?: { __typename?: 'Image', url: string, alt: string, aspectRatio: AspectRatio } | null, price?: { __typename?: 'Price', formatted: string } | null, badge?: { __typename?: 'Badge', label: string, tone: Tone } | null, product?: { __typename?: 'ProductReference', id: string, service: string } | null, personalization: { __typename?: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, action?:
            | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
           | null }
       }
   };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const RendererActionFragmentDoc = new TypedDocumentString(`
    fragment RendererAction on Action {
  __typename
  fallbackUrl
  accessibilityLabel
  ... on OpenUrlAction {
    url
  }
  ... on NavigateAction {
    route
  }
  ... on OpenProductAction {
    productId
    service
  }
  ... on DeepLinkAction {
    url
  }
  ... on RetryAction {
    sectionId
    retryAfterSeconds
  }
}
    `, {"fragmentName":"RendererAction"}) as unknown as TypedDocumentString<RendererActionFragment, unknown>;
export const RendererImageFragmentDoc = new TypedDocumentString(`
    fragment RendererImage on Image {
  url
  alt
  aspectRatio
}
    `, {"fragmentName":"RendererImage"}) as unknown as TypedDocumentString<RendererImageFragment, unknown>;
export const RendererTileFragmentDoc = new TypedDocumentString(`
    fragment RendererTile on Tile {
  __typename
  id
  revision
  product {
    id
    service
  }
  personalization {
    state
    reason
  }
  generatedAt
  staleAfter
  variant
  accessibilityLabel
  action {
    ...RendererAction
  }
  ... on BasicTile {
    title
    subtitle
    image {
      ...RendererImage
    }
  }
  ... on ProductTile {
    title
    subtitle
    image {
      ...RendererImage
    }
    price {
      formatted
    }
    badge {
      label
      tone
    }
  }
  ... on DealTile {
    title
    image {
      ...RendererImage
    }
    price {
      formatted
    }
    originalPrice {
      formatted
    }
    discount {
      label
      tone
    }
    endsAt
  }
  ... on MetricTile {
    title
    value
    max
    unit
    caption
    tone
  }
  ... on MediaTile {
    title
    subtitle
    image {
      ...RendererImage
    }
    progress
  }
  ... on PlaceholderTile {
    message
  }
}
    fragment RendererAction on Action {
  __typename
  fallbackUrl
  accessibilityLabel
  ... on OpenUrlAction {
    url
  }
  ... on NavigateAction {
    route
  }
  ... on OpenProductAction {
    productId
    service
  }
  ... on DeepLinkAction {
    url
  }
  ... on RetryAction {
    sectionId
    retryAfterSeconds
  }
}
fragment RendererImage on Image {
  url
  alt
  aspectRatio
}`, {"fragmentName":"RendererTile"}) as unknown as TypedDocumentString<RendererTileFragment, unknown>;
export const RendererHomeDocument = new TypedDocumentString(`
    query RendererHome($capabilities: ClientCapabilitiesInput, $firstSections: Int) {
  home(capabilities: $capabilities, firstSections: $firstSections) {
    id
    revision
    schemaVersion
    generatedAt
    staleAfter
    viewer {
      id
      anonymous
    }
    sections {
      __typename
      id
      revision
      title
      variant
      accessibilityLabel
      ... on HeroSection {
        tile {
          ...RendererTile
        }
      }
      ... on CarouselSection {
        tiles {
          ...RendererTile
        }
      }
      ... on GridSection {
        columns
        tiles {
          ...RendererTile
        }
      }
      ... on ListSection {
        tiles {
          ...RendererTile
        }
      }
      ... on ErrorSection {
        code
        message
        retry {
          ...RendererAction
        }
      }
      ... on LazySection {
        kind
      }
    }
  }
}
    fragment RendererAction on Action {
  __typename
  fallbackUrl
  accessibilityLabel
  ... on OpenUrlAction {
    url
  }
  ... on NavigateAction {
    route
  }
  ... on OpenProductAction {
    productId
    service
  }
  ... on DeepLinkAction {
    url
  }
  ... on RetryAction {
    sectionId
    retryAfterSeconds
  }
}
fragment RendererImage on Image {
  url
  alt
  aspectRatio
}
fragment RendererTile on Tile {
  __typename
  id
  revision
  product {
    id
    service
  }
  personalization {
    state
    reason
  }
  generatedAt
  staleAfter
  variant
  accessibilityLabel
  action {
    ...RendererAction
  }
  ... on BasicTile {
    title
    subtitle
    image {
      ...RendererImage
    }
  }
  ... on ProductTile {
    title
    subtitle
    image {
      ...RendererImage
    }
    price {
      formatted
    }
    badge {
      label
      tone
    }
  }
  ... on DealTile {
    title
    image {
      ...RendererImage
    }
    price {
      formatted
    }
    originalPrice {
      formatted
    }
    discount {
      label
      tone
    }
    endsAt
  }
  ... on MetricTile {
    title
    value
    max
    unit
    caption
    tone
  }
  ... on MediaTile {
    title
    subtitle
    image {
      ...RendererImage
    }
    progress
  }
  ... on PlaceholderTile {
    message
  }
}`, {"hash":"85dd7fc6d62324a87307db4e15577d6e1661b593e04594dd96dd665a09f09436"}) as unknown as TypedDocumentString<RendererHomeQuery, RendererHomeQueryVariables>;
export const RendererSectionDocument = new TypedDocumentString(`
    query RendererSection($id: ID!, $capabilities: ClientCapabilitiesInput, $first: Int, $after: String) {
  section(id: $id, capabilities: $capabilities, first: $first, after: $after) {
    __typename
    id
    revision
    title
    variant
    accessibilityLabel
    ... on HeroSection {
      tile {
        ...RendererTile
      }
    }
    ... on TiledSection {
      tiles {
        ...RendererTile
      }
    }
    ... on GridSection {
      columns
    }
    ... on ErrorSection {
      code
      message
      retry {
        ...RendererAction
      }
    }
    ... on TiledSection {
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
}
    fragment RendererAction on Action {
  __typename
  fallbackUrl
  accessibilityLabel
  ... on OpenUrlAction {
    url
  }
  ... on NavigateAction {
    route
  }
  ... on OpenProductAction {
    productId
    service
  }
  ... on DeepLinkAction {
    url
  }
  ... on RetryAction {
    sectionId
    retryAfterSeconds
  }
}
fragment RendererImage on Image {
  url
  alt
  aspectRatio
}
fragment RendererTile on Tile {
  __typename
  id
  revision
  product {
    id
    service
  }
  personalization {
    state
    reason
  }
  generatedAt
  staleAfter
  variant
  accessibilityLabel
  action {
    ...RendererAction
  }
  ... on BasicTile {
    title
    subtitle
    image {
      ...RendererImage
    }
  }
  ... on ProductTile {
    title
    subtitle
    image {
      ...RendererImage
    }
    price {
      formatted
    }
    badge {
      label
      tone
    }
  }
  ... on DealTile {
    title
    image {
      ...RendererImage
    }
    price {
      formatted
    }
    originalPrice {
      formatted
    }
    discount {
      label
      tone
    }
    endsAt
  }
  ... on MetricTile {
    title
    value
    max
    unit
    caption
    tone
  }
  ... on MediaTile {
    title
    subtitle
    image {
      ...RendererImage
    }
    progress
  }
  ... on PlaceholderTile {
    message
  }
}`, {"hash":"7576150bcb935ad0686c507d4f47706f36cf487adc7d9b966ae9ea52024b1bb9"}) as unknown as TypedDocumentString<RendererSectionQuery, RendererSectionQueryVariables>;
export const RendererHomeUpdatesDocument = new TypedDocumentString(`
    subscription RendererHomeUpdates($capabilities: ClientCapabilitiesInput) {
  homeUpdates(capabilities: $capabilities) {
    __typename
    sequence
    sentAt
    ... on TileUpdate {
      sectionId
      tile {
        ...RendererTile
      }
    }
    ... on TileInsert {
      sectionId
      index
      tile {
        ...RendererTile
      }
    }
    ... on TileRemoval {
      sectionId
      tileId
    }
    ... on SectionUpdate {
      section {
        __typename
        id
        revision
        title
        variant
        accessibilityLabel
        ... on HeroSection {
          tile {
            ...RendererTile
          }
        }
        ... on TiledSection {
          tiles {
            ...RendererTile
          }
        }
        ... on GridSection {
          columns
        }
        ... on ErrorSection {
          code
          message
          retry {
            ...RendererAction
          }
        }
      }
    }
    ... on ResyncRequired {
      reason
    }
  }
}
    fragment RendererAction on Action {
  __typename
  fallbackUrl
  accessibilityLabel
  ... on OpenUrlAction {
    url
  }
  ... on NavigateAction {
    route
  }
  ... on OpenProductAction {
    productId
    service
  }
  ... on DeepLinkAction {
    url
  }
  ... on RetryAction {
    sectionId
    retryAfterSeconds
  }
}
fragment RendererImage on Image {
  url
  alt
  aspectRatio
}
fragment RendererTile on Tile {
  __typename
  id
  revision
  product {
    id
    service
  }
  personalization {
    state
    reason
  }
  generatedAt
  staleAfter
  variant
  accessibilityLabel
  action {
    ...RendererAction
  }
  ... on BasicTile {
    title
    subtitle
    image {
      ...RendererImage
    }
  }
  ... on ProductTile {
    title
    subtitle
    image {
      ...RendererImage
    }
    price {
      formatted
    }
    badge {
      label
      tone
    }
  }
  ... on DealTile {
    title
    image {
      ...RendererImage
    }
    price {
      formatted
    }
    originalPrice {
      formatted
    }
    discount {
      label
      tone
    }
    endsAt
  }
  ... on MetricTile {
    title
    value
    max
    unit
    caption
    tone
  }
  ... on MediaTile {
    title
    subtitle
    image {
      ...RendererImage
    }
    progress
  }
  ... on PlaceholderTile {
    message
  }
}`, {"hash":"6b34a722c4fdf78a969624acda9a3bfdf666b3ac5aed559c9725ccace7eed527"}) as unknown as TypedDocumentString<RendererHomeUpdatesSubscription, RendererHomeUpdatesSubscriptionVariables>;