/* eslint-disable */
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
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

type ActionFields_DeepLinkAction_Fragment = { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string };

type ActionFields_NavigateAction_Fragment = { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string };

type ActionFields_OpenProductAction_Fragment = { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string };

type ActionFields_OpenUrlAction_Fragment = { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string };

type ActionFields_RetryAction_Fragment = { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string };

export type ActionFieldsFragment =
  | ActionFields_DeepLinkAction_Fragment
  | ActionFields_NavigateAction_Fragment
  | ActionFields_OpenProductAction_Fragment
  | ActionFields_OpenUrlAction_Fragment
  | ActionFields_RetryAction_Fragment
;

type TileFields_BasicTile_Fragment = { __typename: 'BasicTile', title: string, subtitle?: string | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, image?: { __typename: 'Image', url: string, alt: string, aspectRatio: AspectRatio } | null, product?: { __typename: 'ProductReference', id: string, service: string } | null, personalization: { __typename: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number }, action?:
    | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
    | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
    | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
    | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
    | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
   | null };

type TileFields_DealTile_Fragment = { __typename: 'DealTile', title: string, endsAt?: string | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, price?: { __typename: 'Price', amountMinor: number, currency: string, formatted: string } | null, originalPrice?: { __typename: 'Price', formatted: string } | null, discount?: { __typename: 'Badge', label: string, tone: Tone } | null, product?: { __typename: 'ProductReference', id: string, service: string } | null, personalization: { __typename: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number }, action?:
    | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
    | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
    | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
    | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
    | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
   | null };

type TileFields_MediaTile_Fragment = { __typename: 'MediaTile', title: string, subtitle?: string | null, progress?: number | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, image?: { __typename: 'Image', url: string, alt: string } | null, product?: { __typename: 'ProductReference', id: string, service: string } | null, personalization: { __typename: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number }, action?:
    | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
    | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
    | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
    | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
    | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
   | null };

type TileFields_MetricTile_Fragment = { __typename: 'MetricTile', title: string, value: number, max: number, unit: string, caption: string, tone: Tone, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, product?: { __typename: 'ProductReference', id: string, service: string } | null, personalization: { __typename: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number }, action?:
    | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
    | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
    | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
    | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
    | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
   | null };

type TileFields_PlaceholderTile_Fragment = { __typename: 'PlaceholderTile', message?: string | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, product?: { __typename: 'ProductReference', id: string, service: string } | null, personalization: { __typename: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number }, action?:
    | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
    | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
    | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
    | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
    | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
   | null };

type TileFields_ProductTile_Fragment = { __typename: 'ProductTile', title: string, subtitle?: string | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, image?: { __typename: 'Image', url: string, alt: string, aspectRatio: AspectRatio } | null, price?: { __typename: 'Price', amountMinor: number, currency: string, formatted: string } | null, badge?: { __typename: 'Badge', label: string, tone: Tone } | null, product?: { __typename: 'ProductReference', id: string, service: string } | null, personalization: { __typename: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number }, action?:
    | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
    | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
    | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
    | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
    | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
   | null };

export type TileFieldsFragment =
  | TileFields_BasicTile_Fragment
  | TileFields_DealTile_Fragment
  | TileFields_MediaTile_Fragment
  | TileFields_MetricTile_Fragment
  | TileFields_PlaceholderTile_Fragment
  | TileFields_ProductTile_Fragment
;

export type HomeQueryVariables = Exact<{
  capabilities?: InputMaybe<ClientCapabilitiesInput>;
}>;


export type HomeQuery = { __typename: 'Query', home: { __typename: 'HomeScreen', id: string, revision: number, schemaVersion: string, generatedAt: string, staleAfter: string, viewer: { __typename: 'Viewer', id?: string | null, anonymous: boolean }, sections: Array<
      | { __typename: 'CarouselSection', id: string, revision: number, title?: string | null, variant: SectionVariant, accessibilityLabel: string, tiles: Array<
          | { __typename: 'BasicTile', title: string, subtitle?: string | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, image?: { __typename: 'Image', url: string, alt: string, aspectRatio: AspectRatio } | null, product?: { __typename: 'ProductReference', id: string, service: string } | null, personalization: { __typename: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number }, action?:
              | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
             | null }
          | { __typename: 'DealTile', title: string, endsAt?: string | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, price?: { __typename: 'Price', amountMinor: number, currency: string, formatted: string } | null, originalPrice?: { __typename: 'Price', formatted: string } | null, discount?: { __typename: 'Badge', label: string, tone: Tone } | null, product?: { __typename: 'ProductReference', id: string, service: string } | null, personalization: { __typename: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number }, action?:
              | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
             | null }
          | { __typename: 'MediaTile', title: string, subtitle?: string | null, progress?: number | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, image?: { __typename: 'Image', url: string, alt: string } | null, product?: { __typename: 'ProductReference', id: string, service: string } | null, personalization: { __typename: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number }, action?:
              | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
             | null }
          | { __typename: 'MetricTile', title: string, value: number, max: number, unit: string, caption: string, tone: Tone, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, product?: { __typename: 'ProductReference', id: string, service: string } | null, personalization: { __typename: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number }, action?:
              | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
             | null }
          | { __typename: 'PlaceholderTile', message?: string | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, product?: { __typename: 'ProductReference', id: string, service: string } | null, personalization: { __typename: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number }, action?:
              | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
             | null }
          | { __typename: 'ProductTile', title: string, subtitle?: string | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, image?: { __typename: 'Image', url: string, alt: string, aspectRatio: AspectRatio } | null, price?: { __typename: 'Price', amountMinor: number, currency: string, formatted: string } | null, badge?: { __typename: 'Badge', label: string, tone: Tone } | null, product?: { __typename: 'ProductReference', id: string, service: string } | null, personalization: { __typename: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number }, action?:
              | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
             | null }
        >, analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number } }
      | { __typename: 'ErrorSection', message: string, code: string, id: string, revision: number, title?: string | null, variant: SectionVariant, accessibilityLabel: string, retry:
          | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
          | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
          | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
          | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
          | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
        , analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number } }
      | { __typename: 'GridSection', columns: number, id: string, revision: number, title?: string | null, variant: SectionVariant, accessibilityLabel: string, tiles: Array<
          | { __typename: 'BasicTile', title: string, subtitle?: string | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, image?: { __typename: 'Image', url: string, alt: string, aspectRatio: AspectRatio } | null, product?: { __typename: 'ProductReference', id: string, service: string } | null, personalization: { __typename: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number }, action?:
              | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
             | null }
          | { __typename: 'DealTile', title: string, endsAt?: string | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, price?: { __typename: 'Price', amountMinor: number, currency: string, formatted: string } | null, originalPrice?: { __typename: 'Price', formatted: string } | null, discount?: { __typename: 'Badge', label: string, tone: Tone } | null, product?: { __typename: 'ProductReference', id: string, service: string } | null, personalization: { __typename: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number }, action?:
              | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
             | null }
          | { __typename: 'MediaTile', title: string, subtitle?: string | null, progress?: number | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, image?: { __typename: 'Image', url: string, alt: string } | null, product?: { __typename: 'ProductReference', id: string, service: string } | null, personalization: { __typename: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number }, action?:
              | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
             | null }
          | { __typename: 'MetricTile', title: string, value: number, max: number, unit: string, caption: string, tone: Tone, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, product?: { __typename: 'ProductReference', id: string, service: string } | null, personalization: { __typename: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number }, action?:
              | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
             | null }
          | { __typename: 'PlaceholderTile', message?: string | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, product?: { __typename: 'ProductReference', id: string, service: string } | null, personalization: { __typename: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number }, action?:
              | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
             | null }
          | { __typename: 'ProductTile', title: string, subtitle?: string | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, image?: { __typename: 'Image', url: string, alt: string, aspectRatio: AspectRatio } | null, price?: { __typename: 'Price', amountMinor: number, currency: string, formatted: string } | null, badge?: { __typename: 'Badge', label: string, tone: Tone } | null, product?: { __typename: 'ProductReference', id: string, service: string } | null, personalization: { __typename: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number }, action?:
              | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
             | null }
        >, analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number } }
      | { __typename: 'HeroSection', id: string, revision: number, title?: string | null, variant: SectionVariant, accessibilityLabel: string, tile:
          | { __typename: 'BasicTile', title: string, subtitle?: string | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, image?: { __typename: 'Image', url: string, alt: string, aspectRatio: AspectRatio } | null, product?: { __typename: 'ProductReference', id: string, service: string } | null, personalization: { __typename: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number }, action?:
              | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
             | null }
          | { __typename: 'DealTile', title: string, endsAt?: string | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, price?: { __typename: 'Price', amountMinor: number, currency: string, formatted: string } | null, originalPrice?: { __typename: 'Price', formatted: string } | null, discount?: { __typename: 'Badge', label: string, tone: Tone } | null, product?: { __typename: 'ProductReference', id: string, service: string } | null, personalization: { __typename: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number }, action?:
              | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
             | null }
          | { __typename: 'MediaTile', title: string, subtitle?: string | null, progress?: number | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, image?: { __typename: 'Image', url: string, alt: string } | null, product?: { __typename: 'ProductReference', id: string, service: string } | null, personalization: { __typename: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number }, action?:
              | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
             | null }
          | { __typename: 'MetricTile', title: string, value: number, max: number, unit: string, caption: string, tone: Tone, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, product?: { __typename: 'ProductReference', id: string, service: string } | null, personalization: { __typename: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number }, action?:
              | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
             | null }
          | { __typename: 'PlaceholderTile', message?: string | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, product?: { __typename: 'ProductReference', id: string, service: string } | null, personalization: { __typename: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number }, action?:
              | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
             | null }
          | { __typename: 'ProductTile', title: string, subtitle?: string | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, image?: { __typename: 'Image', url: string, alt: string, aspectRatio: AspectRatio } | null, price?: { __typename: 'Price', amountMinor: number, currency: string, formatted: string } | null, badge?: { __typename: 'Badge', label: string, tone: Tone } | null, product?: { __typename: 'ProductReference', id: string, service: string } | null, personalization: { __typename: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number }, action?:
              | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
             | null }
        , analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number } }
      | { __typename: 'LazySection', id: string, revision: number, title?: string | null, variant: SectionVariant, accessibilityLabel: string, analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number } }
      | { __typename: 'ListSection', id: string, revision: number, title?: string | null, variant: SectionVariant, accessibilityLabel: string, tiles: Array<
          | { __typename: 'BasicTile', title: string, subtitle?: string | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, image?: { __typename: 'Image', url: string, alt: string, aspectRatio: AspectRatio } | null, product?: { __typename: 'ProductReference', id: string, service: string } | null, personalization: { __typename: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number }, action?:
              | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
             | null }
          | { __typename: 'DealTile', title: string, endsAt?: string | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, price?: { __typename: 'Price', amountMinor: number, currency: string, formatted: string } | null, originalPrice?: { __typename: 'Price', formatted: string } | null, discount?: { __typename: 'Badge', label: string, tone: Tone } | null, product?: { __typename: 'ProductReference', id: string, service: string } | null, personalization: { __typename: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number }, action?:
              | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
             | null }
          | { __typename: 'MediaTile', title: string, subtitle?: string | null, progress?: number | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, image?: { __typename: 'Image', url: string, alt: string } | null, product?: { __typename: 'ProductReference', id: string, service: string } | null, personalization: { __typename: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number }, action?:
              | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
             | null }
          | { __typename: 'MetricTile', title: string, value: number, max: number, unit: string, caption: string, tone: Tone, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, product?: { __typename: 'ProductReference', id: string, service: string } | null, personalization: { __typename: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number }, action?:
              | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
             | null }
          | { __typename: 'PlaceholderTile', message?: string | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, product?: { __typename: 'ProductReference', id: string, service: string } | null, personalization: { __typename: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number }, action?:
              | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
             | null }
          | { __typename: 'ProductTile', title: string, subtitle?: string | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, image?: { __typename: 'Image', url: string, alt: string, aspectRatio: AspectRatio } | null, price?: { __typename: 'Price', amountMinor: number, currency: string, formatted: string } | null, badge?: { __typename: 'Badge', label: string, tone: Tone } | null, product?: { __typename: 'ProductReference', id: string, service: string } | null, personalization: { __typename: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number }, action?:
              | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
             | null }
        >, analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number } }
    > } };

export type HomeUpdatesSubscriptionVariables = Exact<{
  capabilities?: InputMaybe<ClientCapabilitiesInput>;
}>;


export type HomeUpdatesSubscription = { __typename?: 'Subscription', homeUpdates:
    | { __typename: 'ResyncRequired', reason: string, sequence: number, sentAt: string }
    | { __typename: 'SectionUpdate', sequence: number, sentAt: string }
    | { __typename: 'TileInsert', sectionId: string, index: number, sequence: number, sentAt: string, tile:
        | { __typename: 'BasicTile', title: string, subtitle?: string | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, image?: { __typename: 'Image', url: string, alt: string, aspectRatio: AspectRatio } | null, product?: { __typename: 'ProductReference', id: string, service: string } | null, personalization: { __typename: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number }, action?:
            | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
           | null }
        | { __typename: 'DealTile', title: string, endsAt?: string | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, price?: { __typename: 'Price', amountMinor: number, currency: string, formatted: string } | null, originalPrice?: { __typename: 'Price', formatted: string } | null, discount?: { __typename: 'Badge', label: string, tone: Tone } | null, product?: { __typename: 'ProductReference', id: string, service: string } | null, personalization: { __typename: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number }, action?:
            | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
           | null }
        | { __typename: 'MediaTile', title: string, subtitle?: string | null, progress?: number | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, image?: { __typename: 'Image', url: string, alt: string } | null, product?: { __typename: 'ProductReference', id: string, service: string } | null, personalization: { __typename: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number }, action?:
            | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
           | null }
        | { __typename: 'MetricTile', title: string, value: number, max: number, unit: string, caption: string, tone: Tone, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, product?: { __typename: 'ProductReference', id: string, service: string } | null, personalization: { __typename: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number }, action?:
            | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
           | null }
        | { __typename: 'PlaceholderTile', message?: string | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, product?: { __typename: 'ProductReference', id: string, service: string } | null, personalization: { __typename: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number }, action?:
            | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
           | null }
        | { __typename: 'ProductTile', title: string, subtitle?: string | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, image?: { __typename: 'Image', url: string, alt: string, aspectRatio: AspectRatio } | null, price?: { __typename: 'Price', amountMinor: number, currency: string, formatted: string } | null, badge?: { __typename: 'Badge', label: string, tone: Tone } | null, product?: { __typename: 'ProductReference', id: string, service: string } | null, personalization: { __typename: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number }, action?:
            | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
           | null }
       }
    | { __typename: 'TileRemoval', sectionId: string, tileId: string, sequence: number, sentAt: string }
    | { __typename: 'TileUpdate', sectionId: string, sequence: number, sentAt: string, tile:
        | { __typename: 'BasicTile', title: string, subtitle?: string | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, image?: { __typename: 'Image', url: string, alt: string, aspectRatio: AspectRatio } | null, product?: { __typename: 'ProductReference', id: string, service: string } | null, personalization: { __typename: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number }, action?:
            | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
           | null }
        | { __typename: 'DealTile', title: string, endsAt?: string | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, price?: { __typename: 'Price', amountMinor: number, currency: string, formatted: string } | null, originalPrice?: { __typename: 'Price', formatted: string } | null, discount?: { __typename: 'Badge', label: string, tone: Tone } | null, product?: { __typename: 'ProductReference', id: string, service: string } | null, personalization: { __typename: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number }, action?:
            | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
           | null }
        | { __typename: 'MediaTile', title: string, subtitle?: string | null, progress?: number | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, image?: { __typename: 'Image', url: string, alt: string } | null, product?: { __typename: 'ProductReference', id: string, service: string } | null, personalization: { __typename: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number }, action?:
            | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
           | null }
        | { __typename: 'MetricTile', title: string, value: number, max: number, unit: string, caption: string, tone: Tone, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, product?: { __typename: 'ProductReference', id: string, service: string } | null, personalization: { __typename: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number }, action?:
            | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
           | null }
        | { __typename: 'PlaceholderTile', message?: string | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, product?: { __typename: 'ProductReference', id: string, service: string } | null, personalization: { __typename: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number }, action?:
            | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
           | null }
        | { __typename: 'ProductTile', title: string, subtitle?: string | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, image?: { __typename: 'Image', url: string, alt: string, aspectRatio: AspectRatio } | null, price?: { __typename: 'Price', amountMinor: number, currency: string, formatted: string } | null, badge?: { __typename: 'Badge', label: string, tone: Tone } | null, product?: { __typename: 'ProductReference', id: string, service: string } | null, personalization: { __typename: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number }, action?:
            | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
           | null }
       }
   };

type SectionFields_CarouselSection_Fragment = { __typename: 'CarouselSection', id: string, revision: number, title?: string | null, variant: SectionVariant, accessibilityLabel: string, tiles: Array<
    | { __typename: 'BasicTile', title: string, subtitle?: string | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, image?: { __typename: 'Image', url: string, alt: string, aspectRatio: AspectRatio } | null, product?: { __typename: 'ProductReference', id: string, service: string } | null, personalization: { __typename: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number }, action?:
        | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
        | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
        | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
        | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
        | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
       | null }
    | { __typename: 'DealTile', title: string, endsAt?: string | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, price?: { __typename: 'Price', amountMinor: number, currency: string, formatted: string } | null, originalPrice?: { __typename: 'Price', formatted: string } | null, discount?: { __typename: 'Badge', label: string, tone: Tone } | null, product?: { __typename: 'ProductReference', id: string, service: string } | null, personalization: { __typename: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number }, action?:
        | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
        | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
        | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
        | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
        | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
       | null }
    | { __typename: 'MediaTile', title: string, subtitle?: string | null, progress?: number | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, image?: { __typename: 'Image', url: string, alt: string } | null, product?: { __typename: 'ProductReference', id: string, service: string } | null, personalization: { __typename: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number }, action?:
        | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
        | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
        | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
        | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
        | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
       | null }
    | { __typename: 'MetricTile', title: string, value: number, max: number, unit: string, caption: string, tone: Tone, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, product?: { __typename: 'ProductReference', id: string, service: string } | null, personalization: { __typename: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number }, action?:
        | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
        | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
        | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
        | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
        | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
       | null }
    | { __typename: 'PlaceholderTile', message?: string | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, product?: { __typename: 'ProductReference', id: string, service: string } | null, personalization: { __typename: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number }, action?:
        | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
        | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
        | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
        | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
        | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
       | null }
    | { __typename: 'ProductTile', title: string, subtitle?: string | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, image?: { __typename: 'Image', url: string, alt: string, aspectRatio: AspectRatio } | null, price?: { __typename: 'Price', amountMinor: number, currency: string, formatted: string } | null, badge?: { __typename: 'Badge', label: string, tone: Tone } | null, product?: { __typename: 'ProductReference', id: string, service: string } | null, personalization: { __typename: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number }, action?:
        | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
        | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
        | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
        | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
        | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
       | null }
  >, pageInfo: { __typename: 'PageInfo', hasNextPage: boolean, hasPreviousPage: boolean, startCursor?: string | null, endCursor?: string | null }, analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number } };

type SectionFields_ErrorSection_Fragment = { __typename: 'ErrorSection', message: string, code: string, id: string, revision: number, title?: string | null, variant: SectionVariant, accessibilityLabel: string, retry:
    | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
    | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
    | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
    | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
    | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
  , analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number } };

type SectionFields_GridSection_Fragment = { __typename: 'GridSection', columns: number, id: string, revision: number, title?: string | null, variant: SectionVariant, accessibilityLabel: string, tiles: Array<
    | { __typename: 'BasicTile', title: string, subtitle?: string | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, image?: { __typename: 'Image', url: string, alt: string, aspectRatio: AspectRatio } | null, product?: { __typename: 'ProductReference', id: string, service: string } | null, personalization: { __typename: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number }, action?:
        | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
        | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
        | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
        | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
        | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
       | null }
    | { __typename: 'DealTile', title: string, endsAt?: string | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, price?: { __typename: 'Price', amountMinor: number, currency: string, formatted: string } | null, originalPrice?: { __typename: 'Price', formatted: string } | null, discount?: { __typename: 'Badge', label: string, tone: Tone } | null, product?: { __typename: 'ProductReference', id: string, service: string } | null, personalization: { __typename: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number }, action?:
        | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
        | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
        | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
        | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
        | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
       | null }
    | { __typename: 'MediaTile', title: string, subtitle?: string | null, progress?: number | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, image?: { __typename: 'Image', url: string, alt: string } | null, product?: { __typename: 'ProductReference', id: string, service: string } | null, personalization: { __typename: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number }, action?:
        | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
        | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
        | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
        | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
        | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
       | null }
    | { __typename: 'MetricTile', title: string, value: number, max: number, unit: string, caption: string, tone: Tone, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, product?: { __typename: 'ProductReference', id: string, service: string } | null, personalization: { __typename: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number }, action?:
        | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
        | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
        | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
        | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
        | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
       | null }
    | { __typename: 'PlaceholderTile', message?: string | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, product?: { __typename: 'ProductReference', id: string, service: string } | null, personalization: { __typename: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number }, action?:
        | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
        | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
        | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
        | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
        | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
       | null }
    | { __typename: 'ProductTile', title: string, subtitle?: string | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, image?: { __typename: 'Image', url: string, alt: string, aspectRatio: AspectRatio } | null, price?: { __typename: 'Price', amountMinor: number, currency: string, formatted: string } | null, badge?: { __typename: 'Badge', label: string, tone: Tone } | null, product?: { __typename: 'ProductReference', id: string, service: string } | null, personalization: { __typename: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number }, action?:
        | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
        | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
        | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
        | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
        | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
       | null }
  >, pageInfo: { __typename: 'PageInfo', hasNextPage: boolean, hasPreviousPage: boolean, startCursor?: string | null, endCursor?: string | null }, analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number } };

type SectionFields_HeroSection_Fragment = { __typename: 'HeroSection', id: string, revision: number, title?: string | null, variant: SectionVariant, accessibilityLabel: string, tile:
    | { __typename: 'BasicTile', title: string, subtitle?: string | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, image?: { __typename: 'Image', url: string, alt: string, aspectRatio: AspectRatio } | null, product?: { __typename: 'ProductReference', id: string, service: string } | null, personalization: { __typename: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number }, action?:
        | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
        | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
        | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
        | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
        | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
       | null }
    | { __typename: 'DealTile', title: string, endsAt?: string | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, price?: { __typename: 'Price', amountMinor: number, currency: string, formatted: string } | null, originalPrice?: { __typename: 'Price', formatted: string } | null, discount?: { __typename: 'Badge', label: string, tone: Tone } | null, product?: { __typename: 'ProductReference', id: string, service: string } | null, personalization: { __typename: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number }, action?:
        | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
        | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
        | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
        | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
        | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
       | null }
    | { __typename: 'MediaTile', title: string, subtitle?: string | null, progress?: number | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, image?: { __typename: 'Image', url: string, alt: string } | null, product?: { __typename: 'ProductReference', id: string, service: string } | null, personalization: { __typename: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number }, action?:
        | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
        | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
        | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
        | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
        | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
       | null }
    | { __typename: 'MetricTile', title: string, value: number, max: number, unit: string, caption: string, tone: Tone, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, product?: { __typename: 'ProductReference', id: string, service: string } | null, personalization: { __typename: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number }, action?:
        | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
        | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
        | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
        | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
        | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
       | null }
    | { __typename: 'PlaceholderTile', message?: string | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, product?: { __typename: 'ProductReference', id: string, service: string } | null, personalization: { __typename: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number }, action?:
        | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
        | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
        | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
        | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
        | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
       | null }
    | { __typename: 'ProductTile', title: string, subtitle?: string | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, image?: { __typename: 'Image', url: string, alt: string, aspectRatio: AspectRatio } | null, price?: { __typename: 'Price', amountMinor: number, currency: string, formatted: string } | null, badge?: { __typename: 'Badge', label: string, tone: Tone } | null, product?: { __typename: 'ProductReference', id: string, service: string } | null, personalization: { __typename: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number }, action?:
        | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
        | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
        | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
        | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
        | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
       | null }
  , analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number } };

type SectionFields_LazySection_Fragment = { __typename: 'LazySection', kind: ComponentKind, id: string, revision: number, title?: string | null, variant: SectionVariant, accessibilityLabel: string, analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number } };

type SectionFields_ListSection_Fragment = { __typename: 'ListSection', id: string, revision: number, title?: string | null, variant: SectionVariant, accessibilityLabel: string, tiles: Array<
    | { __typename: 'BasicTile', title: string, subtitle?: string | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, image?: { __typename: 'Image', url: string, alt: string, aspectRatio: AspectRatio } | null, product?: { __typename: 'ProductReference', id: string, service: string } | null, personalization: { __typename: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number }, action?:
        | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
        | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
        | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
        | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
        | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
       | null }
    | { __typename: 'DealTile', title: string, endsAt?: string | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, price?: { __typename: 'Price', amountMinor: number, currency: string, formatted: string } | null, originalPrice?: { __typename: 'Price', formatted: string } | null, discount?: { __typename: 'Badge', label: string, tone: Tone } | null, product?: { __typename: 'ProductReference', id: string, service: string } | null, personalization: { __typename: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number }, action?:
        | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
        | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
        | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
        | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
        | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
       | null }
    | { __typename: 'MediaTile', title: string, subtitle?: string | null, progress?: number | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, image?: { __typename: 'Image', url: string, alt: string } | null, product?: { __typename: 'ProductReference', id: string, service: string } | null, personalization: { __typename: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number }, action?:
        | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
        | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
        | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
        | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
        | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
       | null }
    | { __typename: 'MetricTile', title: string, value: number, max: number, unit: string, caption: string, tone: Tone, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, product?: { __typename: 'ProductReference', id: string, service: string } | null, personalization: { __typename: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number }, action?:
        | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
        | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
        | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
        | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
        | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
       | null }
    | { __typename: 'PlaceholderTile', message?: string | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, product?: { __typename: 'ProductReference', id: string, service: string } | null, personalization: { __typename: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number }, action?:
        | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
        | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
        | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
        | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
        | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
       | null }
    | { __typename: 'ProductTile', title: string, subtitle?: string | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, image?: { __typename: 'Image', url: string, alt: string, aspectRatio: AspectRatio } | null, price?: { __typename: 'Price', amountMinor: number, currency: string, formatted: string } | null, badge?: { __typename: 'Badge', label: string, tone: Tone } | null, product?: { __typename: 'ProductReference', id: string, service: string } | null, personalization: { __typename: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number }, action?:
        | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
        | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
        | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
        | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
        | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
       | null }
  >, pageInfo: { __typename: 'PageInfo', hasNextPage: boolean, hasPreviousPage: boolean, startCursor?: string | null, endCursor?: string | null }, analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number } };

export type SectionFieldsFragment =
  | SectionFields_CarouselSection_Fragment
  | SectionFields_ErrorSection_Fragment
  | SectionFields_GridSection_Fragment
  | SectionFields_HeroSection_Fragment
  | SectionFields_LazySection_Fragment
  | SectionFields_ListSection_Fragment
;

export type LazyHomeQueryVariables = Exact<{
  capabilities?: InputMaybe<ClientCapabilitiesInput>;
  firstSections?: InputMaybe<Scalars['Int']['input']>;
}>;


export type LazyHomeQuery = { __typename: 'Query', home: { __typename: 'HomeScreen', id: string, revision: number, sections: Array<
      | { __typename: 'CarouselSection', id: string, revision: number, title?: string | null, variant: SectionVariant, accessibilityLabel: string, tiles: Array<
          | { __typename: 'BasicTile', title: string, subtitle?: string | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, image?: { __typename: 'Image', url: string, alt: string, aspectRatio: AspectRatio } | null, product?: { __typename: 'ProductReference', id: string, service: string } | null, personalization: { __typename: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number }, action?:
              | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
             | null }
          | { __typename: 'DealTile', title: string, endsAt?: string | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, price?: { __typename: 'Price', amountMinor: number, currency: string, formatted: string } | null, originalPrice?: { __typename: 'Price', formatted: string } | null, discount?: { __typename: 'Badge', label: string, tone: Tone } | null, product?: { __typename: 'ProductReference', id: string, service: string } | null, personalization: { __typename: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number }, action?:
              | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
             | null }
          | { __typename: 'MediaTile', title: string, subtitle?: string | null, progress?: number | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, image?: { __typename: 'Image', url: string, alt: string } | null, product?: { __typename: 'ProductReference', id: string, service: string } | null, personalization: { __typename: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number }, action?:
              | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
             | null }
          | { __typename: 'MetricTile', title: string, value: number, max: number, unit: string, caption: string, tone: Tone, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, product?: { __typename: 'ProductReference', id: string, service: string } | null, personalization: { __typename: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number }, action?:
              | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
             | null }
          | { __typename: 'PlaceholderTile', message?: string | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, product?: { __typename: 'ProductReference', id: string, service: string } | null, personalization: { __typename: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number }, action?:
              | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
             | null }
          | { __typename: 'ProductTile', title: string, subtitle?: string | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, image?: { __typename: 'Image', url: string, alt: string, aspectRatio: AspectRatio } | null, price?: { __typename: 'Price', amountMinor: number, currency: string, formatted: string } | null, badge?: { __typename: 'Badge', label: string, tone: Tone } | null, product?: { __typename: 'ProductReference', id: string, service: string } | null, personalization: { __typename: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number }, action?:
              | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
             | null }
        >, pageInfo: { __typename: 'PageInfo', hasNextPage: boolean, hasPreviousPage: boolean, startCursor?: string | null, endCursor?: string | null }, analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number } }
      | { __typename: 'ErrorSection', message: string, code: string, id: string, revision: number, title?: string | null, variant: SectionVariant, accessibilityLabel: string, retry:
          | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
          | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
          | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
          | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
          | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
        , analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number } }
      | { __typename: 'GridSection', columns: number, id: string, revision: number, title?: string | null, variant: SectionVariant, accessibilityLabel: string, tiles: Array<
          | { __typename: 'BasicTile', title: string, subtitle?: string | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, image?: { __typename: 'Image', url: string, alt: string, aspectRatio: AspectRatio } | null, product?: { __typename: 'ProductReference', id: string, service: string } | null, personalization: { __typename: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number }, action?:
              | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
             | null }
          | { __typename: 'DealTile', title: string, endsAt?: string | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, price?: { __typename: 'Price', amountMinor: number, currency: string, formatted: string } | null, originalPrice?: { __typename: 'Price', formatted: string } | null, discount?: { __typename: 'Badge', label: string, tone: Tone } | null, product?: { __typename: 'ProductReference', id: string, service: string } | null, personalization: { __typename: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number }, action?:
              | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
             | null }
          | { __typename: 'MediaTile', title: string, subtitle?: string | null, progress?: number | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, image?: { __typename: 'Image', url: string, alt: string } | null, product?: { __typename: 'ProductReference', id: string, service: string } | null, personalization: { __typename: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number }, action?:
              | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
             | null }
          | { __typename: 'MetricTile', title: string, value: number, max: number, unit: string, caption: string, tone: Tone, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, product?: { __typename: 'ProductReference', id: string, service: string } | null, personalization: { __typename: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number }, action?:
              | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
             | null }
          | { __typename: 'PlaceholderTile', message?: string | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, product?: { __typename: 'ProductReference', id: string, service: string } | null, personalization: { __typename: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number }, action?:
              | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
             | null }
          | { __typename: 'ProductTile', title: string, subtitle?: string | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, image?: { __typename: 'Image', url: string, alt: string, aspectRatio: AspectRatio } | null, price?: { __typename: 'Price', amountMinor: number, currency: string, formatted: string } | null, badge?: { __typename: 'Badge', label: string, tone: Tone } | null, product?: { __typename: 'ProductReference', id: string, service: string } | null, personalization: { __typename: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number }, action?:
              | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
             | null }
        >, pageInfo: { __typename: 'PageInfo', hasNextPage: boolean, hasPreviousPage: boolean, startCursor?: string | null, endCursor?: string | null }, analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number } }
      | { __typename: 'HeroSection', id: string, revision: number, title?: string | null, variant: SectionVariant, accessibilityLabel: string, tile:
          | { __typename: 'BasicTile', title: string, subtitle?: string | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, image?: { __typename: 'Image', url: string, alt: string, aspectRatio: AspectRatio } | null, product?: { __typename: 'ProductReference', id: string, service: string } | null, personalization: { __typename: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number }, action?:
              | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
             | null }
          | { __typename: 'DealTile', title: string, endsAt?: string | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, price?: { __typename: 'Price', amountMinor: number, currency: string, formatted: string } | null, originalPrice?: { __typename: 'Price', formatted: string } | null, discount?: { __typename: 'Badge', label: string, tone: Tone } | null, product?: { __typename: 'ProductReference', id: string, service: string } | null, personalization: { __typename: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number }, action?:
              | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
             | null }
          | { __typename: 'MediaTile', title: string, subtitle?: string | null, progress?: number | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, image?: { __typename: 'Image', url: string, alt: string } | null, product?: { __typename: 'ProductReference', id: string, service: string } | null, personalization: { __typename: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number }, action?:
              | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
             | null }
          | { __typename: 'MetricTile', title: string, value: number, max: number, unit: string, caption: string, tone: Tone, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, product?: { __typename: 'ProductReference', id: string, service: string } | null, personalization: { __typename: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number }, action?:
              | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
             | null }
          | { __typename: 'PlaceholderTile', message?: string | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, product?: { __typename: 'ProductReference', id: string, service: string } | null, personalization: { __typename: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number }, action?:
              | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
             | null }
          | { __typename: 'ProductTile', title: string, subtitle?: string | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, image?: { __typename: 'Image', url: string, alt: string, aspectRatio: AspectRatio } | null, price?: { __typename: 'Price', amountMinor: number, currency: string, formatted: string } | null, badge?: { __typename: 'Badge', label: string, tone: Tone } | null, product?: { __typename: 'ProductReference', id: string, service: string } | null, personalization: { __typename: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number }, action?:
              | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
             | null }
        , analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number } }
      | { __typename: 'LazySection', kind: ComponentKind, id: string, revision: number, title?: string | null, variant: SectionVariant, accessibilityLabel: string, analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number } }
      | { __typename: 'ListSection', id: string, revision: number, title?: string | null, variant: SectionVariant, accessibilityLabel: string, tiles: Array<
          | { __typename: 'BasicTile', title: string, subtitle?: string | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, image?: { __typename: 'Image', url: string, alt: string, aspectRatio: AspectRatio } | null, product?: { __typename: 'ProductReference', id: string, service: string } | null, personalization: { __typename: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number }, action?:
              | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
             | null }
          | { __typename: 'DealTile', title: string, endsAt?: string | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, price?: { __typename: 'Price', amountMinor: number, currency: string, formatted: string } | null, originalPrice?: { __typename: 'Price', formatted: string } | null, discount?: { __typename: 'Badge', label: string, tone: Tone } | null, product?: { __typename: 'ProductReference', id: string, service: string } | null, personalization: { __typename: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number }, action?:
              | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
             | null }
          | { __typename: 'MediaTile', title: string, subtitle?: string | null, progress?: number | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, image?: { __typename: 'Image', url: string, alt: string } | null, product?: { __typename: 'ProductReference', id: string, service: string } | null, personalization: { __typename: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number }, action?:
              | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
             | null }
          | { __typename: 'MetricTile', title: string, value: number, max: number, unit: string, caption: string, tone: Tone, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, product?: { __typename: 'ProductReference', id: string, service: string } | null, personalization: { __typename: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number }, action?:
              | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
             | null }
          | { __typename: 'PlaceholderTile', message?: string | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, product?: { __typename: 'ProductReference', id: string, service: string } | null, personalization: { __typename: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number }, action?:
              | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
             | null }
          | { __typename: 'ProductTile', title: string, subtitle?: string | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, image?: { __typename: 'Image', url: string, alt: string, aspectRatio: AspectRatio } | null, price?: { __typename: 'Price', amountMinor: number, currency: string, formatted: string } | null, badge?: { __typename: 'Badge', label: string, tone: Tone } | null, product?: { __typename: 'ProductReference', id: string, service: string } | null, personalization: { __typename: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number }, action?:
              | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
              | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
             | null }
        >, pageInfo: { __typename: 'PageInfo', hasNextPage: boolean, hasPreviousPage: boolean, startCursor?: string | null, endCursor?: string | null }, analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number } }
    > } };

export type SectionPageQueryVariables = Exact<{
  id: Scalars['ID']['input'];
  capabilities?: InputMaybe<ClientCapabilitiesInput>;
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type SectionPageQuery = { __typename: 'Query', section?:
    | { __typename: 'CarouselSection', id: string, revision: number, title?: string | null, variant: SectionVariant, accessibilityLabel: string, tiles: Array<
        | { __typename: 'BasicTile', title: string, subtitle?: string | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, image?: { __typename: 'Image', url: string, alt: string, aspectRatio: AspectRatio } | null, product?: { __typename: 'ProductReference', id: string, service: string } | null, personalization: { __typename: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number }, action?:
            | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
           | null }
        | { __typename: 'DealTile', title: string, endsAt?: string | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, price?: { __typename: 'Price', amountMinor: number, currency: string, formatted: string } | null, originalPrice?: { __typename: 'Price', formatted: string } | null, discount?: { __typename: 'Badge', label: string, tone: Tone } | null, product?: { __typename: 'ProductReference', id: string, service: string } | null, personalization: { __typename: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number }, action?:
            | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
           | null }
        | { __typename: 'MediaTile', title: string, subtitle?: string | null, progress?: number | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, image?: { __typename: 'Image', url: string, alt: string } | null, product?: { __typename: 'ProductReference', id: string, service: string } | null, personalization: { __typename: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number }, action?:
            | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
           | null }
        | { __typename: 'MetricTile', title: string, value: number, max: number, unit: string, caption: string, tone: Tone, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, product?: { __typename: 'ProductReference', id: string, service: string } | null, personalization: { __typename: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number }, action?:
            | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
           | null }
        | { __typename: 'PlaceholderTile', message?: string | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, product?: { __typename: 'ProductReference', id: string, service: string } | null, personalization: { __typename: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number }, action?:
            | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
           | null }
        | { __typename: 'ProductTile', title: string, subtitle?: string | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, image?: { __typename: 'Image', url: string, alt: string, aspectRatio: AspectRatio } | null, price?: { __typename: 'Price', amountMinor: number, currency: string, formatted: string } | null, badge?: { __typename: 'Badge', label: string, tone: Tone } | null, product?: { __typename: 'ProductReference', id: string, service: string } | null, personalization: { __typename: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number }, action?:
            | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
           | null }
      >, pageInfo: { __typename: 'PageInfo', hasNextPage: boolean, hasPreviousPage: boolean, startCursor?: string | null, endCursor?: string | null }, analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number } }
    | { __typename: 'ErrorSection', message: string, code: string, id: string, revision: number, title?: string | null, variant: SectionVariant, accessibilityLabel: string, retry:
        | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
        | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
        | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
        | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
        | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
      , analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number } }
    | { __typename: 'GridSection', columns: number, id: string, revision: number, title?: string | null, variant: SectionVariant, accessibilityLabel: string, tiles: Array<
        | { __typename: 'BasicTile', title: string, subtitle?: string | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, image?: { __typename: 'Image', url: string, alt: string, aspectRatio: AspectRatio } | null, product?: { __typename: 'ProductReference', id: string, service: string } | null, personalization: { __typename: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number }, action?:
            | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
           | null }
        | { __typename: 'DealTile', title: string, endsAt?: string | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, price?: { __typename: 'Price', amountMinor: number, currency: string, formatted: string } | null, originalPrice?: { __typename: 'Price', formatted: string } | null, discount?: { __typename: 'Badge', label: string, tone: Tone } | null, product?: { __typename: 'ProductReference', id: string, service: string } | null, personalization: { __typename: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number }, action?:
            | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
           | null }
        | { __typename: 'MediaTile', title: string, subtitle?: string | null, progress?: number | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, image?: { __typename: 'Image', url: string, alt: string } | null, product?: { __typename: 'ProductReference', id: string, service: string } | null, personalization: { __typename: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number }, action?:
            | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
           | null }
        | { __typename: 'MetricTile', title: string, value: number, max: number, unit: string, caption: string, tone: Tone, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, product?: { __typename: 'ProductReference', id: string, service: string } | null, personalization: { __typename: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number }, action?:
            | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
           | null }
        | { __typename: 'PlaceholderTile', message?: string | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, product?: { __typename: 'ProductReference', id: string, service: string } | null, personalization: { __typename: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number }, action?:
            | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
           | null }
        | { __typename: 'ProductTile', title: string, subtitle?: string | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, image?: { __typename: 'Image', url: string, alt: string, aspectRatio: AspectRatio } | null, price?: { __typename: 'Price', amountMinor: number, currency: string, formatted: string } | null, badge?: { __typename: 'Badge', label: string, tone: Tone } | null, product?: { __typename: 'ProductReference', id: string, service: string } | null, personalization: { __typename: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number }, action?:
            | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
           | null }
      >, pageInfo: { __typename: 'PageInfo', hasNextPage: boolean, hasPreviousPage: boolean, startCursor?: string | null, endCursor?: string | null }, analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number } }
    | { __typename: 'HeroSection', id: string, revision: number, title?: string | null, variant: SectionVariant, accessibilityLabel: string, tile:
        | { __typename: 'BasicTile', title: string, subtitle?: string | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, image?: { __typename: 'Image', url: string, alt: string, aspectRatio: AspectRatio } | null, product?: { __typename: 'ProductReference', id: string, service: string } | null, personalization: { __typename: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number }, action?:
            | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
           | null }
        | { __typename: 'DealTile', title: string, endsAt?: string | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, price?: { __typename: 'Price', amountMinor: number, currency: string, formatted: string } | null, originalPrice?: { __typename: 'Price', formatted: string } | null, discount?: { __typename: 'Badge', label: string, tone: Tone } | null, product?: { __typename: 'ProductReference', id: string, service: string } | null, personalization: { __typename: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number }, action?:
            | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
           | null }
        | { __typename: 'MediaTile', title: string, subtitle?: string | null, progress?: number | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, image?: { __typename: 'Image', url: string, alt: string } | null, product?: { __typename: 'ProductReference', id: string, service: string } | null, personalization: { __typename: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number }, action?:
            | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
           | null }
        | { __typename: 'MetricTile', title: string, value: number, max: number, unit: string, caption: string, tone: Tone, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, product?: { __typename: 'ProductReference', id: string, service: string } | null, personalization: { __typename: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number }, action?:
            | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
           | null }
        | { __typename: 'PlaceholderTile', message?: string | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, product?: { __typename: 'ProductReference', id: string, service: string } | null, personalization: { __typename: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number }, action?:
            | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
           | null }
        | { __typename: 'ProductTile', title: string, subtitle?: string | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, image?: { __typename: 'Image', url: string, alt: string, aspectRatio: AspectRatio } | null, price?: { __typename: 'Price', amountMinor: number, currency: string, formatted: string } | null, badge?: { __typename: 'Badge', label: string, tone: Tone } | null, product?: { __typename: 'ProductReference', id: string, service: string } | null, personalization: { __typename: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number }, action?:
            | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
           | null }
      , analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number } }
    | { __typename: 'LazySection', kind: ComponentKind, id: string, revision: number, title?: string | null, variant: SectionVariant, accessibilityLabel: string, analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number } }
    | { __typename: 'ListSection', id: string, revision: number, title?: string | null, variant: SectionVariant, accessibilityLabel: string, tiles: Array<
        | { __typename: 'BasicTile', title: string, subtitle?: string | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, image?: { __typename: 'Image', url: string, alt: string, aspectRatio: AspectRatio } | null, product?: { __typename: 'ProductReference', id: string, service: string } | null, personalization: { __typename: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number }, action?:
            | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
           | null }
        | { __typename: 'DealTile', title: string, endsAt?: string | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, price?: { __typename: 'Price', amountMinor: number, currency: string, formatted: string } | null, originalPrice?: { __typename: 'Price', formatted: string } | null, discount?: { __typename: 'Badge', label: string, tone: Tone } | null, product?: { __typename: 'ProductReference', id: string, service: string } | null, personalization: { __typename: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number }, action?:
            | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
           | null }
        | { __typename: 'MediaTile', title: string, subtitle?: string | null, progress?: number | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, image?: { __typename: 'Image', url: string, alt: string } | null, product?: { __typename: 'ProductReference', id: string, service: string } | null, personalization: { __typename: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number }, action?:
            | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
           | null }
        | { __typename: 'MetricTile', title: string, value: number, max: number, unit: string, caption: string, tone: Tone, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, product?: { __typename: 'ProductReference', id: string, service: string } | null, personalization: { __typename: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number }, action?:
            | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
           | null }
        | { __typename: 'PlaceholderTile', message?: string | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, product?: { __typename: 'ProductReference', id: string, service: string } | null, personalization: { __typename: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number }, action?:
            | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
           | null }
        | { __typename: 'ProductTile', title: string, subtitle?: string | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, image?: { __typename: 'Image', url: string, alt: string, aspectRatio: AspectRatio } | null, price?: { __typename: 'Price', amountMinor: number, currency: string, formatted: string } | null, badge?: { __typename: 'Badge', label: string, tone: Tone } | null, product?: { __typename: 'ProductReference', id: string, service: string } | null, personalization: { __typename: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number }, action?:
            | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
           | null }
      >, pageInfo: { __typename: 'PageInfo', hasNextPage: boolean, hasPreviousPage: boolean, startCursor?: string | null, endCursor?: string | null }, analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number } }
   | null };

export type HomeSectionUpdatesSubscriptionVariables = Exact<{
  capabilities?: InputMaybe<ClientCapabilitiesInput>;
}>;


export type HomeSectionUpdatesSubscription = { __typename?: 'Subscription', homeUpdates:
    | { __typename: 'ResyncRequired', reason: string, sequence: number, sentAt: string }
    | { __typename: 'SectionUpdate', sequence: number, sentAt: string, section:
        | { __typename: 'CarouselSection', id: string, revision: number, title?: string | null, variant: SectionVariant, accessibilityLabel: string, tiles: Array<
            | { __typename: 'BasicTile', title: string, subtitle?: string | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, image?: { __typename: 'Image', url: string, alt: string, aspectRatio: AspectRatio } | null, product?: { __typename: 'ProductReference', id: string, service: string } | null, personalization: { __typename: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number }, action?:
                | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
               | null }
            | { __typename: 'DealTile', title: string, endsAt?: string | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, price?: { __typename: 'Price', amountMinor: number, currency: string, formatted: string } | null, originalPrice?: { __typename: 'Price', formatted: string } | null, discount?: { __typename: 'Badge', label: string, tone: Tone } | null, product?: { __typename: 'ProductReference', id: string, service: string } | null, personalization: { __typename: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number }, action?:
                | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
               | null }
            | { __typename: 'MediaTile', title: string, subtitle?: string | null, progress?: number | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, image?: { __typename: 'Image', url: string, alt: string } | null, product?: { __typename: 'ProductReference', id: string, service: string } | null, personalization: { __typename: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number }, action?:
                | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
               | null }
            | { __typename: 'MetricTile', title: string, value: number, max: number, unit: string, caption: string, tone: Tone, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, product?: { __typename: 'ProductReference', id: string, service: string } | null, personalization: { __typename: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number }, action?:
                | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
               | null }
            | { __typename: 'PlaceholderTile', message?: string | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, product?: { __typename: 'ProductReference', id: string, service: string } | null, personalization: { __typename: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number }, action?:
                | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
               | null }
            | { __typename: 'ProductTile', title: string, subtitle?: string | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, image?: { __typename: 'Image', url: string, alt: string, aspectRatio: AspectRatio } | null, price?: { __typename: 'Price', amountMinor: number, currency: string, formatted: string } | null, badge?: { __typename: 'Badge', label: string, tone: Tone } | null, product?: { __typename: 'ProductReference', id: string, service: string } | null, personalization: { __typename: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number }, action?:
                | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
               | null }
          >, pageInfo: { __typename: 'PageInfo', hasNextPage: boolean, hasPreviousPage: boolean, startCursor?: string | null, endCursor?: string | null }, analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number } }
        | { __typename: 'ErrorSection', message: string, code: string, id: string, revision: number, title?: string | null, variant: SectionVariant, accessibilityLabel: string, retry:
            | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
          , analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number } }
        | { __typename: 'GridSection', columns: number, id: string, revision: number, title?: string | null, variant: SectionVariant, accessibilityLabel: string, tiles: Array<
            | { __typename: 'BasicTile', title: string, subtitle?: string | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, image?: { __typename: 'Image', url: string, alt: string, aspectRatio: AspectRatio } | null, product?: { __typename: 'ProductReference', id: string, service: string } | null, personalization: { __typename: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number }, action?:
                | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
               | null }
            | { __typename: 'DealTile', title: string, endsAt?: string | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, price?: { __typename: 'Price', amountMinor: number, currency: string, formatted: string } | null, originalPrice?: { __typename: 'Price', formatted: string } | null, discount?: { __typename: 'Badge', label: string, tone: Tone } | null, product?: { __typename: 'ProductReference', id: string, service: string } | null, personalization: { __typename: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number }, action?:
                | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
               | null }
            | { __typename: 'MediaTile', title: string, subtitle?: string | null, progress?: number | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, image?: { __typename: 'Image', url: string, alt: string } | null, product?: { __typename: 'ProductReference', id: string, service: string } | null, personalization: { __typename: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number }, action?:
                | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
               | null }
            | { __typename: 'MetricTile', title: string, value: number, max: number, unit: string, caption: string, tone: Tone, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, product?: { __typename: 'ProductReference', id: string, service: string } | null, personalization: { __typename: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number }, action?:
                | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
               | null }
            | { __typename: 'PlaceholderTile', message?: string | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, product?: { __typename: 'ProductReference', id: string, service: string } | null, personalization: { __typename: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number }, action?:
                | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
               | null }
            | { __typename: 'ProductTile', title: string, subtitle?: string | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, image?: { __typename: 'Image', url: string, alt: string, aspectRatio: AspectRatio } | null, price?: { __typename: 'Price', amountMinor: number, currency: string, formatted: string } | null, badge?: { __typename: 'Badge', label: string, tone: Tone } | null, product?: { __typename: 'ProductReference', id: string, service: string } | null, personalization: { __typename: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number }, action?:
                | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
               | null }
          >, pageInfo: { __typename: 'PageInfo', hasNextPage: boolean, hasPreviousPage: boolean, startCursor?: string | null, endCursor?: string | null }, analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number } }
        | { __typename: 'HeroSection', id: string, revision: number, title?: string | null, variant: SectionVariant, accessibilityLabel: string, tile:
            | { __typename: 'BasicTile', title: string, subtitle?: string | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, image?: { __typename: 'Image', url: string, alt: string, aspectRatio: AspectRatio } | null, product?: { __typename: 'ProductReference', id: string, service: string } | null, personalization: { __typename: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number }, action?:
                | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
               | null }
            | { __typename: 'DealTile', title: string, endsAt?: string | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, price?: { __typename: 'Price', amountMinor: number, currency: string, formatted: string } | null, originalPrice?: { __typename: 'Price', formatted: string } | null, discount?: { __typename: 'Badge', label: string, tone: Tone } | null, product?: { __typename: 'ProductReference', id: string, service: string } | null, personalization: { __typename: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number }, action?:
                | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
               | null }
            | { __typename: 'MediaTile', title: string, subtitle?: string | null, progress?: number | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, image?: { __typename: 'Image', url: string, alt: string } | null, product?: { __typename: 'ProductReference', id: string, service: string } | null, personalization: { __typename: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number }, action?:
                | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
               | null }
            | { __typename: 'MetricTile', title: string, value: number, max: number, unit: string, caption: string, tone: Tone, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, product?: { __typename: 'ProductReference', id: string, service: string } | null, personalization: { __typename: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number }, action?:
                | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
               | null }
            | { __typename: 'PlaceholderTile', message?: string | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, product?: { __typename: 'ProductReference', id: string, service: string } | null, personalization: { __typename: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number }, action?:
                | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
               | null }
            | { __typename: 'ProductTile', title: string, subtitle?: string | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, image?: { __typename: 'Image', url: string, alt: string, aspectRatio: AspectRatio } | null, price?: { __typename: 'Price', amountMinor: number, currency: string, formatted: string } | null, badge?: { __typename: 'Badge', label: string, tone: Tone } | null, product?: { __typename: 'ProductReference', id: string, service: string } | null, personalization: { __typename: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number }, action?:
                | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
               | null }
          , analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number } }
        | { __typename: 'LazySection', kind: ComponentKind, id: string, revision: number, title?: string | null, variant: SectionVariant, accessibilityLabel: string, analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number } }
        | { __typename: 'ListSection', id: string, revision: number, title?: string | null, variant: SectionVariant, accessibilityLabel: string, tiles: Array<
            | { __typename: 'BasicTile', title: string, subtitle?: string | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, image?: { __typename: 'Image', url: string, alt: string, aspectRatio: AspectRatio } | null, product?: { __typename: 'ProductReference', id: string, service: string } | null, personalization: { __typename: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number }, action?:
                | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
               | null }
            | { __typename: 'DealTile', title: string, endsAt?: string | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, price?: { __typename: 'Price', amountMinor: number, currency: string, formatted: string } | null, originalPrice?: { __typename: 'Price', formatted: string } | null, discount?: { __typename: 'Badge', label: string, tone: Tone } | null, product?: { __typename: 'ProductReference', id: string, service: string } | null, personalization: { __typename: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number }, action?:
                | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
               | null }
            | { __typename: 'MediaTile', title: string, subtitle?: string | null, progress?: number | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, image?: { __typename: 'Image', url: string, alt: string } | null, product?: { __typename: 'ProductReference', id: string, service: string } | null, personalization: { __typename: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number }, action?:
                | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
               | null }
            | { __typename: 'MetricTile', title: string, value: number, max: number, unit: string, caption: string, tone: Tone, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, product?: { __typename: 'ProductReference', id: string, service: string } | null, personalization: { __typename: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number }, action?:
                | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
               | null }
            | { __typename: 'PlaceholderTile', message?: string | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, product?: { __typename: 'ProductReference', id: string, service: string } | null, personalization: { __typename: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number }, action?:
                | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
               | null }
            | { __typename: 'ProductTile', title: string, subtitle?: string | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, image?: { __typename: 'Image', url: string, alt: string, aspectRatio: AspectRatio } | null, price?: { __typename: 'Price', amountMinor: number, currency: string, formatted: string } | null, badge?: { __typename: 'Badge', label: string, tone: Tone } | null, product?: { __typename: 'ProductReference', id: string, service: string } | null, personalization: { __typename: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number }, action?:
                | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
                | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
               | null }
          >, pageInfo: { __typename: 'PageInfo', hasNextPage: boolean, hasPreviousPage: boolean, startCursor?: string | null, endCursor?: string | null }, analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number } }
       }
    | { __typename: 'TileInsert', sectionId: string, index: number, sequence: number, sentAt: string, tile:
        | { __typename: 'BasicTile', title: string, subtitle?: string | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, image?: { __typename: 'Image', url: string, alt: string, aspectRatio: AspectRatio } | null, product?: { __typename: 'ProductReference', id: string, service: string } | null, personalization: { __typename: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number }, action?:
            | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
           | null }
        | { __typename: 'DealTile', title: string, endsAt?: string | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, price?: { __typename: 'Price', amountMinor: number, currency: string, formatted: string } | null, originalPrice?: { __typename: 'Price', formatted: string } | null, discount?: { __typename: 'Badge', label: string, tone: Tone } | null, product?: { __typename: 'ProductReference', id: string, service: string } | null, personalization: { __typename: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number }, action?:
            | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
           | null }
        | { __typename: 'MediaTile', title: string, subtitle?: string | null, progress?: number | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, image?: { __typename: 'Image', url: string, alt: string } | null, product?: { __typename: 'ProductReference', id: string, service: string } | null, personalization: { __typename: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number }, action?:
            | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
           | null }
        | { __typename: 'MetricTile', title: string, value: number, max: number, unit: string, caption: string, tone: Tone, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, product?: { __typename: 'ProductReference', id: string, service: string } | null, personalization: { __typename: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number }, action?:
            | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
           | null }
        | { __typename: 'PlaceholderTile', message?: string | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, product?: { __typename: 'ProductReference', id: string, service: string } | null, personalization: { __typename: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number }, action?:
            | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
           | null }
        | { __typename: 'ProductTile', title: string, subtitle?: string | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, image?: { __typename: 'Image', url: string, alt: string, aspectRatio: AspectRatio } | null, price?: { __typename: 'Price', amountMinor: number, currency: string, formatted: string } | null, badge?: { __typename: 'Badge', label: string, tone: Tone } | null, product?: { __typename: 'ProductReference', id: string, service: string } | null, personalization: { __typename: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number }, action?:
            | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
           | null }
       }
    | { __typename: 'TileRemoval', sectionId: string, tileId: string, sequence: number, sentAt: string }
    | { __typename: 'TileUpdate', sectionId: string, sequence: number, sentAt: string, tile:
        | { __typename: 'BasicTile', title: string, subtitle?: string | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, image?: { __typename: 'Image', url: string, alt: string, aspectRatio: AspectRatio } | null, product?: { __typename: 'ProductReference', id: string, service: string } | null, personalization: { __typename: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number }, action?:
            | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
           | null }
        | { __typename: 'DealTile', title: string, endsAt?: string | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, price?: { __typename: 'Price', amountMinor: number, currency: string, formatted: string } | null, originalPrice?: { __typename: 'Price', formatted: string } | null, discount?: { __typename: 'Badge', label: string, tone: Tone } | null, product?: { __typename: 'ProductReference', id: string, service: string } | null, personalization: { __typename: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number }, action?:
            | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
           | null }
        | { __typename: 'MediaTile', title: string, subtitle?: string | null, progress?: number | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, image?: { __typename: 'Image', url: string, alt: string } | null, product?: { __typename: 'ProductReference', id: string, service: string } | null, personalization: { __typename: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number }, action?:
            | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
           | null }
        | { __typename: 'MetricTile', title: string, value: number, max: number, unit: string, caption: string, tone: Tone, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, product?: { __typename: 'ProductReference', id: string, service: string } | null, personalization: { __typename: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number }, action?:
            | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
           | null }
        | { __typename: 'PlaceholderTile', message?: string | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, product?: { __typename: 'ProductReference', id: string, service: string } | null, personalization: { __typename: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number }, action?:
            | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
           | null }
        | { __typename: 'ProductTile', title: string, subtitle?: string | null, id: string, revision: number, generatedAt: string, staleAfter: string, variant: TileVariant, accessibilityLabel: string, image?: { __typename: 'Image', url: string, alt: string, aspectRatio: AspectRatio } | null, price?: { __typename: 'Price', amountMinor: number, currency: string, formatted: string } | null, badge?: { __typename: 'Badge', label: string, tone: Tone } | null, product?: { __typename: 'ProductReference', id: string, service: string } | null, personalization: { __typename: 'Personalization', state: PersonalizationState, reason?: FallbackReason | null }, analytics: { __typename: 'Analytics', loggingId: string, component: ComponentKind, position: number }, action?:
            | { __typename: 'DeepLinkAction', url: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'NavigateAction', route: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'OpenProductAction', productId: string, service: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'OpenUrlAction', url: string, fallbackUrl: string, accessibilityLabel: string }
            | { __typename: 'RetryAction', sectionId: string, retryAfterSeconds: number, fallbackUrl: string, accessibilityLabel: string }
           | null }
       }
   };

export const ActionFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ActionFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Action"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"fallbackUrl"}},{"kind":"Field","name":{"kind":"Name","value":"accessibilityLabel"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"OpenUrlAction"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"url"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"NavigateAction"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"route"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"OpenProductAction"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"productId"}},{"kind":"Field","name":{"kind":"Name","value":"service"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DeepLinkAction"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"url"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RetryAction"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"sectionId"}},{"kind":"Field","name":{"kind":"Name","value":"retryAfterSeconds"}}]}}]}}]} as unknown as DocumentNode<ActionFieldsFragment, unknown>;
export const TileFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TileFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Tile"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"revision"}},{"kind":"Field","name":{"kind":"Name","value":"product"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"service"}}]}},{"kind":"Field","name":{"kind":"Name","value":"personalization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}},{"kind":"Field","name":{"kind":"Name","value":"generatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"staleAfter"}},{"kind":"Field","name":{"kind":"Name","value":"variant"}},{"kind":"Field","name":{"kind":"Name","value":"accessibilityLabel"}},{"kind":"Field","name":{"kind":"Name","value":"analytics"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"loggingId"}},{"kind":"Field","name":{"kind":"Name","value":"component"}},{"kind":"Field","name":{"kind":"Name","value":"position"}}]}},{"kind":"Field","name":{"kind":"Name","value":"action"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ActionFields"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"BasicTile"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"subtitle"}},{"kind":"Field","name":{"kind":"Name","value":"image"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"alt"}},{"kind":"Field","name":{"kind":"Name","value":"aspectRatio"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ProductTile"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"subtitle"}},{"kind":"Field","name":{"kind":"Name","value":"image"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"alt"}},{"kind":"Field","name":{"kind":"Name","value":"aspectRatio"}}]}},{"kind":"Field","name":{"kind":"Name","value":"price"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"amountMinor"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"formatted"}}]}},{"kind":"Field","name":{"kind":"Name","value":"badge"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"tone"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DealTile"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"price"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"amountMinor"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"formatted"}}]}},{"kind":"Field","name":{"kind":"Name","value":"originalPrice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"formatted"}}]}},{"kind":"Field","name":{"kind":"Name","value":"discount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"tone"}}]}},{"kind":"Field","name":{"kind":"Name","value":"endsAt"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MetricTile"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"max"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}},{"kind":"Field","name":{"kind":"Name","value":"caption"}},{"kind":"Field","name":{"kind":"Name","value":"tone"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MediaTile"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"subtitle"}},{"kind":"Field","name":{"kind":"Name","value":"image"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"alt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"progress"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PlaceholderTile"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ActionFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Action"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"fallbackUrl"}},{"kind":"Field","name":{"kind":"Name","value":"accessibilityLabel"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"OpenUrlAction"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"url"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"NavigateAction"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"route"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"OpenProductAction"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"productId"}},{"kind":"Field","name":{"kind":"Name","value":"service"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DeepLinkAction"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"url"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RetryAction"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"sectionId"}},{"kind":"Field","name":{"kind":"Name","value":"retryAfterSeconds"}}]}}]}}]} as unknown as DocumentNode<TileFieldsFragment, unknown>;
export const SectionFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SectionFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Section"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"revision"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"variant"}},{"kind":"Field","name":{"kind":"Name","value":"accessibilityLabel"}},{"kind":"Field","name":{"kind":"Name","value":"analytics"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"loggingId"}},{"kind":"Field","name":{"kind":"Name","value":"component"}},{"kind":"Field","name":{"kind":"Name","value":"position"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"HeroSection"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"tile"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"TileFields"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TiledSection"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"tiles"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"TileFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"hasPreviousPage"}},{"kind":"Field","name":{"kind":"Name","value":"startCursor"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"GridSection"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"columns"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ErrorSection"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"retry"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ActionFields"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"LazySection"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ActionFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Action"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"fallbackUrl"}},{"kind":"Field","name":{"kind":"Name","value":"accessibilityLabel"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"OpenUrlAction"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"url"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"NavigateAction"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"route"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"OpenProductAction"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"productId"}},{"kind":"Field","name":{"kind":"Name","value":"service"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DeepLinkAction"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"url"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RetryAction"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"sectionId"}},{"kind":"Field","name":{"kind":"Name","value":"retryAfterSeconds"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TileFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Tile"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"revision"}},{"kind":"Field","name":{"kind":"Name","value":"product"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"service"}}]}},{"kind":"Field","name":{"kind":"Name","value":"personalization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}},{"kind":"Field","name":{"kind":"Name","value":"generatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"staleAfter"}},{"kind":"Field","name":{"kind":"Name","value":"variant"}},{"kind":"Field","name":{"kind":"Name","value":"accessibilityLabel"}},{"kind":"Field","name":{"kind":"Name","value":"analytics"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"loggingId"}},{"kind":"Field","name":{"kind":"Name","value":"component"}},{"kind":"Field","name":{"kind":"Name","value":"position"}}]}},{"kind":"Field","name":{"kind":"Name","value":"action"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ActionFields"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"BasicTile"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"subtitle"}},{"kind":"Field","name":{"kind":"Name","value":"image"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"alt"}},{"kind":"Field","name":{"kind":"Name","value":"aspectRatio"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ProductTile"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"subtitle"}},{"kind":"Field","name":{"kind":"Name","value":"image"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"alt"}},{"kind":"Field","name":{"kind":"Name","value":"aspectRatio"}}]}},{"kind":"Field","name":{"kind":"Name","value":"price"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"amountMinor"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"formatted"}}]}},{"kind":"Field","name":{"kind":"Name","value":"badge"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"tone"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DealTile"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"price"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"amountMinor"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"formatted"}}]}},{"kind":"Field","name":{"kind":"Name","value":"originalPrice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"formatted"}}]}},{"kind":"Field","name":{"kind":"Name","value":"discount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"tone"}}]}},{"kind":"Field","name":{"kind":"Name","value":"endsAt"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MetricTile"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"max"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}},{"kind":"Field","name":{"kind":"Name","value":"caption"}},{"kind":"Field","name":{"kind":"Name","value":"tone"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MediaTile"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"subtitle"}},{"kind":"Field","name":{"kind":"Name","value":"image"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"alt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"progress"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PlaceholderTile"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]} as unknown as DocumentNode<SectionFieldsFragment, unknown>;
export const HomeDocument = {"__meta__":{"hash":"1edde7b0afe5f18a71a5014082c4ccd708fc35fb291f20c4fd375720be4b87f2"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Home"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"capabilities"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ClientCapabilitiesInput"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"home"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"capabilities"},"value":{"kind":"Variable","name":{"kind":"Name","value":"capabilities"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"revision"}},{"kind":"Field","name":{"kind":"Name","value":"schemaVersion"}},{"kind":"Field","name":{"kind":"Name","value":"generatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"staleAfter"}},{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"anonymous"}}]}},{"kind":"Field","name":{"kind":"Name","value":"sections"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"revision"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"variant"}},{"kind":"Field","name":{"kind":"Name","value":"accessibilityLabel"}},{"kind":"Field","name":{"kind":"Name","value":"analytics"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"loggingId"}},{"kind":"Field","name":{"kind":"Name","value":"component"}},{"kind":"Field","name":{"kind":"Name","value":"position"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"HeroSection"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"tile"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"TileFields"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CarouselSection"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"tiles"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"TileFields"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"GridSection"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"columns"}},{"kind":"Field","name":{"kind":"Name","value":"tiles"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"TileFields"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ListSection"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"tiles"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"TileFields"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ErrorSection"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"retry"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ActionFields"}}]}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ActionFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Action"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"fallbackUrl"}},{"kind":"Field","name":{"kind":"Name","value":"accessibilityLabel"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"OpenUrlAction"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"url"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"NavigateAction"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"route"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"OpenProductAction"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"productId"}},{"kind":"Field","name":{"kind":"Name","value":"service"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DeepLinkAction"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"url"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RetryAction"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"sectionId"}},{"kind":"Field","name":{"kind":"Name","value":"retryAfterSeconds"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TileFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Tile"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"revision"}},{"kind":"Field","name":{"kind":"Name","value":"product"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"service"}}]}},{"kind":"Field","name":{"kind":"Name","value":"personalization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}},{"kind":"Field","name":{"kind":"Name","value":"generatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"staleAfter"}},{"kind":"Field","name":{"kind":"Name","value":"variant"}},{"kind":"Field","name":{"kind":"Name","value":"accessibilityLabel"}},{"kind":"Field","name":{"kind":"Name","value":"analytics"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"loggingId"}},{"kind":"Field","name":{"kind":"Name","value":"component"}},{"kind":"Field","name":{"kind":"Name","value":"position"}}]}},{"kind":"Field","name":{"kind":"Name","value":"action"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ActionFields"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"BasicTile"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"subtitle"}},{"kind":"Field","name":{"kind":"Name","value":"image"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"alt"}},{"kind":"Field","name":{"kind":"Name","value":"aspectRatio"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ProductTile"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"subtitle"}},{"kind":"Field","name":{"kind":"Name","value":"image"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"alt"}},{"kind":"Field","name":{"kind":"Name","value":"aspectRatio"}}]}},{"kind":"Field","name":{"kind":"Name","value":"price"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"amountMinor"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"formatted"}}]}},{"kind":"Field","name":{"kind":"Name","value":"badge"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"tone"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DealTile"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"price"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"amountMinor"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"formatted"}}]}},{"kind":"Field","name":{"kind":"Name","value":"originalPrice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"formatted"}}]}},{"kind":"Field","name":{"kind":"Name","value":"discount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"tone"}}]}},{"kind":"Field","name":{"kind":"Name","value":"endsAt"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MetricTile"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"max"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}},{"kind":"Field","name":{"kind":"Name","value":"caption"}},{"kind":"Field","name":{"kind":"Name","value":"tone"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MediaTile"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"subtitle"}},{"kind":"Field","name":{"kind":"Name","value":"image"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"alt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"progress"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PlaceholderTile"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]} as unknown as DocumentNode<HomeQuery, HomeQueryVariables>;
export const HomeUpdatesDocument = {"__meta__":{"hash":"b31fbb542e2d52d4da8e696475bad4937060ee9c2ad9928baca520a3378e1993"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"HomeUpdates"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"capabilities"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ClientCapabilitiesInput"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"homeUpdates"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"capabilities"},"value":{"kind":"Variable","name":{"kind":"Name","value":"capabilities"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"sequence"}},{"kind":"Field","name":{"kind":"Name","value":"sentAt"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TileUpdate"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"sectionId"}},{"kind":"Field","name":{"kind":"Name","value":"tile"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"TileFields"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TileInsert"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"sectionId"}},{"kind":"Field","name":{"kind":"Name","value":"index"}},{"kind":"Field","name":{"kind":"Name","value":"tile"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"TileFields"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TileRemoval"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"sectionId"}},{"kind":"Field","name":{"kind":"Name","value":"tileId"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ResyncRequired"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ActionFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Action"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"fallbackUrl"}},{"kind":"Field","name":{"kind":"Name","value":"accessibilityLabel"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"OpenUrlAction"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"url"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"NavigateAction"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"route"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"OpenProductAction"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"productId"}},{"kind":"Field","name":{"kind":"Name","value":"service"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DeepLinkAction"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"url"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RetryAction"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"sectionId"}},{"kind":"Field","name":{"kind":"Name","value":"retryAfterSeconds"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TileFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Tile"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"revision"}},{"kind":"Field","name":{"kind":"Name","value":"product"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"service"}}]}},{"kind":"Field","name":{"kind":"Name","value":"personalization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}},{"kind":"Field","name":{"kind":"Name","value":"generatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"staleAfter"}},{"kind":"Field","name":{"kind":"Name","value":"variant"}},{"kind":"Field","name":{"kind":"Name","value":"accessibilityLabel"}},{"kind":"Field","name":{"kind":"Name","value":"analytics"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"loggingId"}},{"kind":"Field","name":{"kind":"Name","value":"component"}},{"kind":"Field","name":{"kind":"Name","value":"position"}}]}},{"kind":"Field","name":{"kind":"Name","value":"action"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ActionFields"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"BasicTile"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"subtitle"}},{"kind":"Field","name":{"kind":"Name","value":"image"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"alt"}},{"kind":"Field","name":{"kind":"Name","value":"aspectRatio"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ProductTile"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"subtitle"}},{"kind":"Field","name":{"kind":"Name","value":"image"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"alt"}},{"kind":"Field","name":{"kind":"Name","value":"aspectRatio"}}]}},{"kind":"Field","name":{"kind":"Name","value":"price"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"amountMinor"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"formatted"}}]}},{"kind":"Field","name":{"kind":"Name","value":"badge"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"tone"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DealTile"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"price"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"amountMinor"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"formatted"}}]}},{"kind":"Field","name":{"kind":"Name","value":"originalPrice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"formatted"}}]}},{"kind":"Field","name":{"kind":"Name","value":"discount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"tone"}}]}},{"kind":"Field","name":{"kind":"Name","value":"endsAt"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MetricTile"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"max"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}},{"kind":"Field","name":{"kind":"Name","value":"caption"}},{"kind":"Field","name":{"kind":"Name","value":"tone"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MediaTile"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"subtitle"}},{"kind":"Field","name":{"kind":"Name","value":"image"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"alt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"progress"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PlaceholderTile"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]} as unknown as DocumentNode<HomeUpdatesSubscription, HomeUpdatesSubscriptionVariables>;
export const LazyHomeDocument = {"__meta__":{"hash":"fbbc827a7404799593e82487c30bdea84d6fc3bd229ef8dfd4ac73b2659c8976"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"LazyHome"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"capabilities"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ClientCapabilitiesInput"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"firstSections"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"home"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"capabilities"},"value":{"kind":"Variable","name":{"kind":"Name","value":"capabilities"}}},{"kind":"Argument","name":{"kind":"Name","value":"firstSections"},"value":{"kind":"Variable","name":{"kind":"Name","value":"firstSections"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"revision"}},{"kind":"Field","name":{"kind":"Name","value":"sections"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"revision"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"variant"}},{"kind":"Field","name":{"kind":"Name","value":"accessibilityLabel"}},{"kind":"Field","name":{"kind":"Name","value":"analytics"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"loggingId"}},{"kind":"Field","name":{"kind":"Name","value":"component"}},{"kind":"Field","name":{"kind":"Name","value":"position"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"HeroSection"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"tile"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"TileFields"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TiledSection"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"tiles"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"TileFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"hasPreviousPage"}},{"kind":"Field","name":{"kind":"Name","value":"startCursor"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"GridSection"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"columns"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ErrorSection"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"retry"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ActionFields"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"LazySection"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ActionFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Action"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"fallbackUrl"}},{"kind":"Field","name":{"kind":"Name","value":"accessibilityLabel"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"OpenUrlAction"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"url"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"NavigateAction"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"route"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"OpenProductAction"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"productId"}},{"kind":"Field","name":{"kind":"Name","value":"service"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DeepLinkAction"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"url"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RetryAction"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"sectionId"}},{"kind":"Field","name":{"kind":"Name","value":"retryAfterSeconds"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TileFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Tile"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"revision"}},{"kind":"Field","name":{"kind":"Name","value":"product"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"service"}}]}},{"kind":"Field","name":{"kind":"Name","value":"personalization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}},{"kind":"Field","name":{"kind":"Name","value":"generatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"staleAfter"}},{"kind":"Field","name":{"kind":"Name","value":"variant"}},{"kind":"Field","name":{"kind":"Name","value":"accessibilityLabel"}},{"kind":"Field","name":{"kind":"Name","value":"analytics"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"loggingId"}},{"kind":"Field","name":{"kind":"Name","value":"component"}},{"kind":"Field","name":{"kind":"Name","value":"position"}}]}},{"kind":"Field","name":{"kind":"Name","value":"action"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ActionFields"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"BasicTile"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"subtitle"}},{"kind":"Field","name":{"kind":"Name","value":"image"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"alt"}},{"kind":"Field","name":{"kind":"Name","value":"aspectRatio"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ProductTile"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"subtitle"}},{"kind":"Field","name":{"kind":"Name","value":"image"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"alt"}},{"kind":"Field","name":{"kind":"Name","value":"aspectRatio"}}]}},{"kind":"Field","name":{"kind":"Name","value":"price"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"amountMinor"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"formatted"}}]}},{"kind":"Field","name":{"kind":"Name","value":"badge"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"tone"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DealTile"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"price"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"amountMinor"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"formatted"}}]}},{"kind":"Field","name":{"kind":"Name","value":"originalPrice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"formatted"}}]}},{"kind":"Field","name":{"kind":"Name","value":"discount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"tone"}}]}},{"kind":"Field","name":{"kind":"Name","value":"endsAt"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MetricTile"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"max"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}},{"kind":"Field","name":{"kind":"Name","value":"caption"}},{"kind":"Field","name":{"kind":"Name","value":"tone"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MediaTile"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"subtitle"}},{"kind":"Field","name":{"kind":"Name","value":"image"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"alt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"progress"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PlaceholderTile"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]} as unknown as DocumentNode<LazyHomeQuery, LazyHomeQueryVariables>;
export const SectionPageDocument = {"__meta__":{"hash":"d4dcd15ac3aedee4819b09fe93761173bc93ec17ba2f1c33beb5e81600e7740f"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SectionPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"capabilities"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ClientCapabilitiesInput"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"section"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"capabilities"},"value":{"kind":"Variable","name":{"kind":"Name","value":"capabilities"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"SectionFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ActionFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Action"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"fallbackUrl"}},{"kind":"Field","name":{"kind":"Name","value":"accessibilityLabel"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"OpenUrlAction"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"url"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"NavigateAction"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"route"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"OpenProductAction"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"productId"}},{"kind":"Field","name":{"kind":"Name","value":"service"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DeepLinkAction"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"url"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RetryAction"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"sectionId"}},{"kind":"Field","name":{"kind":"Name","value":"retryAfterSeconds"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TileFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Tile"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"revision"}},{"kind":"Field","name":{"kind":"Name","value":"product"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"service"}}]}},{"kind":"Field","name":{"kind":"Name","value":"personalization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}},{"kind":"Field","name":{"kind":"Name","value":"generatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"staleAfter"}},{"kind":"Field","name":{"kind":"Name","value":"variant"}},{"kind":"Field","name":{"kind":"Name","value":"accessibilityLabel"}},{"kind":"Field","name":{"kind":"Name","value":"analytics"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"loggingId"}},{"kind":"Field","name":{"kind":"Name","value":"component"}},{"kind":"Field","name":{"kind":"Name","value":"position"}}]}},{"kind":"Field","name":{"kind":"Name","value":"action"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ActionFields"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"BasicTile"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"subtitle"}},{"kind":"Field","name":{"kind":"Name","value":"image"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"alt"}},{"kind":"Field","name":{"kind":"Name","value":"aspectRatio"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ProductTile"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"subtitle"}},{"kind":"Field","name":{"kind":"Name","value":"image"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"alt"}},{"kind":"Field","name":{"kind":"Name","value":"aspectRatio"}}]}},{"kind":"Field","name":{"kind":"Name","value":"price"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"amountMinor"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"formatted"}}]}},{"kind":"Field","name":{"kind":"Name","value":"badge"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"tone"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DealTile"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"price"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"amountMinor"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"formatted"}}]}},{"kind":"Field","name":{"kind":"Name","value":"originalPrice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"formatted"}}]}},{"kind":"Field","name":{"kind":"Name","value":"discount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"tone"}}]}},{"kind":"Field","name":{"kind":"Name","value":"endsAt"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MetricTile"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"max"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}},{"kind":"Field","name":{"kind":"Name","value":"caption"}},{"kind":"Field","name":{"kind":"Name","value":"tone"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MediaTile"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"subtitle"}},{"kind":"Field","name":{"kind":"Name","value":"image"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"alt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"progress"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PlaceholderTile"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SectionFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Section"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"revision"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"variant"}},{"kind":"Field","name":{"kind":"Name","value":"accessibilityLabel"}},{"kind":"Field","name":{"kind":"Name","value":"analytics"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"loggingId"}},{"kind":"Field","name":{"kind":"Name","value":"component"}},{"kind":"Field","name":{"kind":"Name","value":"position"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"HeroSection"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"tile"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"TileFields"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TiledSection"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"tiles"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"TileFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"hasPreviousPage"}},{"kind":"Field","name":{"kind":"Name","value":"startCursor"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"GridSection"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"columns"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ErrorSection"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"retry"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ActionFields"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"LazySection"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}}]}}]} as unknown as DocumentNode<SectionPageQuery, SectionPageQueryVariables>;
export const HomeSectionUpdatesDocument = {"__meta__":{"hash":"3d369b845cbc18df168d5771ff7d65153728ec479913afb6038aa97cc3129544"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"HomeSectionUpdates"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"capabilities"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ClientCapabilitiesInput"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"homeUpdates"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"capabilities"},"value":{"kind":"Variable","name":{"kind":"Name","value":"capabilities"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"sequence"}},{"kind":"Field","name":{"kind":"Name","value":"sentAt"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TileUpdate"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"sectionId"}},{"kind":"Field","name":{"kind":"Name","value":"tile"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"TileFields"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TileInsert"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"sectionId"}},{"kind":"Field","name":{"kind":"Name","value":"index"}},{"kind":"Field","name":{"kind":"Name","value":"tile"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"TileFields"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TileRemoval"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"sectionId"}},{"kind":"Field","name":{"kind":"Name","value":"tileId"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SectionUpdate"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"section"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"revision"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"variant"}},{"kind":"Field","name":{"kind":"Name","value":"accessibilityLabel"}},{"kind":"Field","name":{"kind":"Name","value":"analytics"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"loggingId"}},{"kind":"Field","name":{"kind":"Name","value":"component"}},{"kind":"Field","name":{"kind":"Name","value":"position"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"HeroSection"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"tile"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"TileFields"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TiledSection"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"tiles"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"TileFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"hasPreviousPage"}},{"kind":"Field","name":{"kind":"Name","value":"startCursor"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"GridSection"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"columns"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ErrorSection"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"retry"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ActionFields"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"LazySection"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ResyncRequired"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ActionFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Action"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"fallbackUrl"}},{"kind":"Field","name":{"kind":"Name","value":"accessibilityLabel"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"OpenUrlAction"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"url"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"NavigateAction"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"route"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"OpenProductAction"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"productId"}},{"kind":"Field","name":{"kind":"Name","value":"service"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DeepLinkAction"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"url"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RetryAction"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"sectionId"}},{"kind":"Field","name":{"kind":"Name","value":"retryAfterSeconds"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TileFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Tile"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"revision"}},{"kind":"Field","name":{"kind":"Name","value":"product"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"service"}}]}},{"kind":"Field","name":{"kind":"Name","value":"personalization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}},{"kind":"Field","name":{"kind":"Name","value":"generatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"staleAfter"}},{"kind":"Field","name":{"kind":"Name","value":"variant"}},{"kind":"Field","name":{"kind":"Name","value":"accessibilityLabel"}},{"kind":"Field","name":{"kind":"Name","value":"analytics"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"loggingId"}},{"kind":"Field","name":{"kind":"Name","value":"component"}},{"kind":"Field","name":{"kind":"Name","value":"position"}}]}},{"kind":"Field","name":{"kind":"Name","value":"action"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ActionFields"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"BasicTile"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"subtitle"}},{"kind":"Field","name":{"kind":"Name","value":"image"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"alt"}},{"kind":"Field","name":{"kind":"Name","value":"aspectRatio"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ProductTile"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"subtitle"}},{"kind":"Field","name":{"kind":"Name","value":"image"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"alt"}},{"kind":"Field","name":{"kind":"Name","value":"aspectRatio"}}]}},{"kind":"Field","name":{"kind":"Name","value":"price"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"amountMinor"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"formatted"}}]}},{"kind":"Field","name":{"kind":"Name","value":"badge"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"tone"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DealTile"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"price"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"amountMinor"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"formatted"}}]}},{"kind":"Field","name":{"kind":"Name","value":"originalPrice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"formatted"}}]}},{"kind":"Field","name":{"kind":"Name","value":"discount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"tone"}}]}},{"kind":"Field","name":{"kind":"Name","value":"endsAt"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MetricTile"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"max"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}},{"kind":"Field","name":{"kind":"Name","value":"caption"}},{"kind":"Field","name":{"kind":"Name","value":"tone"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MediaTile"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"subtitle"}},{"kind":"Field","name":{"kind":"Name","value":"image"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"alt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"progress"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PlaceholderTile"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]} as unknown as DocumentNode<HomeSectionUpdatesSubscription, HomeSectionUpdatesSubscriptionVariables>;