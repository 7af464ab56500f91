
      export type PossibleTypesResultData = {
  "possibleTypes": {
    "Action": [
      "DeepLinkAction",
      "NavigateAction",
      "OpenProductAction",
      "OpenUrlAction",
      "RetryAction"
    ],
    "HomeUpdate": [
      "ResyncRequired",
      "TileInsert",
      "TileRemoval",
      "TileUpdate"
    ],
    "Node": [
      "BasicTile",
      "CarouselSection",
      "DealTile",
      "ErrorSection",
      "GridSection",
      "HeroSection",
      "HomeScreen",
      "ListSection",
      "MediaTile",
      "MetricTile",
      "PlaceholderTile",
      "ProductTile"
    ],
    "Section": [
      "CarouselSection",
      "ErrorSection",
      "GridSection",
      "HeroSection",
      "ListSection"
    ],
    "Tile": [
      "BasicTile",
      "DealTile",
      "MediaTile",
      "MetricTile",
      "PlaceholderTile",
      "ProductTile"
    ]
  }
};
      const result: PossibleTypesResultData = {
  "possibleTypes": {
    "Action": [
      "DeepLinkAction",
      "NavigateAction",
      "OpenProductAction",
      "OpenUrlAction",
      "RetryAction"
    ],
    "HomeUpdate": [
      "ResyncRequired",
      "TileInsert",
      "TileRemoval",
      "TileUpdate"
    ],
    "Node": [
      "BasicTile",
      "CarouselSection",
      "DealTile",
      "ErrorSection",
      "GridSection",
      "HeroSection",
      "HomeScreen",
      "ListSection",
      "MediaTile",
      "MetricTile",
      "PlaceholderTile",
      "ProductTile"
    ],
    "Section": [
      "CarouselSection",
      "ErrorSection",
      "GridSection",
      "HeroSection",
      "ListSection"
    ],
    "Tile": [
      "BasicTile",
      "DealTile",
      "MediaTile",
      "MetricTile",
      "PlaceholderTile",
      "ProductTile"
    ]
  }
};
      export default result;
    