/**
 * The tabs a first visit opens with: the home query, the live-updates subscription, a lazily
 * loaded screen and one page of a section.
 */

const CAPABILITIES = {
  capabilities: {
    platform: "WEB",
    appVersion: "1.0.0",
    locale: "en-US",
    components: [
      "HERO_SECTION",
      "CAROUSEL_SECTION",
      "GRID_SECTION",
      "ERROR_SECTION",
      "PRODUCT_TILE",
      "DEAL_TILE",
      "METRIC_TILE",
      "MEDIA_TILE",
      "PLACEHOLDER_TILE",
    ],
    actions: ["OPEN_PRODUCT", "RETRY"],
    updates: ["SECTION_UPDATE"],
  },
};

const TILE_FRAGMENT = `fragment TileFields on Tile {
  __typename
  id
  revision
  personalization {
    state
    reason
  }
  action {
    __typename
    fallbackUrl
  }
  ... on BasicTile {
    title
    subtitle
  }
  ... on ProductTile {
    title
    subtitle
    price {
      formatted
    }
    badge {
      label
    }
  }
  ... on DealTile {
    title
    price {
      formatted
    }
    originalPrice {
      formatted
    }
    discount {
      label
    }
  }
  ... on MetricTile {
    title
    value
    max
    unit
    caption
  }
  ... on MediaTile {
    title
    progress
  }
  ... on PlaceholderTile {
    message
  }
}`;

const HOME = `# The home screen for one viewer and one client.
# Anonymous without a token; for a viewer's screen, paste
# into Headers: { "Authorization": "Bearer <token>" }
# (in development the gateway logs one per demo user at
# start; or run: npm run token alice).
# Variables declare what this client renders; anything
# else is downgraded to the baseline.
query Home($capabilities: ClientCapabilitiesInput) {
  home(capabilities: $capabilities) {
    id
    viewer {
      id
      anonymous
    }
    revision
    generatedAt
    sections {
      __typename
      id
      title
      ... on HeroSection {
        tile {
          ...TileFields
        }
      }
      ... on CarouselSection {
        tiles {
          ...TileFields
        }
      }
      ... on GridSection {
        columns
        tiles {
          ...TileFields
        }
      }
      ... on ListSection {
        tiles {
          ...TileFields
        }
      }
      ... on ErrorSection {
        code
        message
      }
    }
  }
}

${TILE_FRAGMENT}
`;

const HOME_UPDATES = `# Live changes to the viewer's screen, over graphql-ws
# on the same /graphql path; Headers go along as the
# socket's connection parameters. Tiles are replaced
# (same id, higher revision), inserted or removed; on
# ResyncRequired or a gap in sequence, refetch home.
subscription HomeUpdates($capabilities: ClientCapabilitiesInput) {
  homeUpdates(capabilities: $capabilities) {
    __typename
    sequence
    sentAt
    ... on TileUpdate {
      sectionId
      tile {
        ...TileFields
      }
    }
    ... on TileInsert {
      sectionId
      index
      tile {
        ...TileFields
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
        ... on TiledSection {
          tiles {
            ...TileFields
          }
        }
      }
    }
    ... on ResyncRequired {
      reason
    }
  }
}

${TILE_FRAGMENT}
`;

const LAZY_HOME = `# The first sections in full, the rest as LazySection
# stubs (id, title, the kind of component planned) to
# load one by one with section(id:), below the fold.
query LazyHome($capabilities: ClientCapabilitiesInput) {
  home(capabilities: $capabilities, firstSections: 2) {
    id
    sections {
      __typename
      id
      title
      ... on LazySection {
        kind
      }
      ... on HeroSection {
        tile {
          ...TileFields
        }
      }
      ... on TiledSection {
        tiles {
          ...TileFields
        }
      }
    }
  }
}

${TILE_FRAGMENT}
`;

const SECTION_PAGE = `# One section of the viewer's screen, exactly as home
# shows it; with first (and after: a pageInfo.endCursor)
# one page of its tiles. Errors: SECTION_NOT_FOUND,
# INVALID_CURSOR, STALE_CURSOR (reload without after).
query SectionPage($capabilities: ClientCapabilitiesInput) {
  section(id: "deals", capabilities: $capabilities, first: 2, after: null) {
    __typename
    id
    title
    ... on TiledSection {
      pageInfo {
        hasNextPage
        endCursor
      }
      tiles {
        ...TileFields
      }
    }
    ... on ErrorSection {
      code
      message
    }
  }
}

${TILE_FRAGMENT}
`;

const variables = JSON.stringify(CAPABILITIES, null, 2);
const headers = JSON.stringify({}, null, 2);

export const EXAMPLE_TABS = [
  { query: HOME, variables, headers },
  { query: HOME_UPDATES, variables, headers },
  { query: LAZY_HOME, variables, headers },
  { query: SECTION_PAGE, variables, headers },
];
