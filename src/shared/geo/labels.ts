/** What the map must always say about its own provenance (PRODUCT.md, Map data). */
export const MAP_LABELS = {
  official: { zh: '官方边界', en: 'Official boundaries (from configuration)' },
  approximate: { zh: '镇街边界为近似划分 · 区界来自官方数据', en: 'Approximate town boundaries inside the official district outline' },
  schematic: { zh: '示意图 · 非标准地图', en: 'Schematic — not a standard map' },
} as const;
