/** The tabs a first visit opens with: the home query and the live-updates subscription. */

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
    ... on ResyncRequired {
      reason
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
];
