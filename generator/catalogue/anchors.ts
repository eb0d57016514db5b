/**
 * Deep links: each event's fragment id, derived from its name alone (so a link stays valid while the plan grows)
 * and made of `[a-z0-9-]` only (nothing to escape, nothing a browser normalises differently).
 */

/** `Product Viewed` → `product-viewed`; accents dropped (`Ürün` → `urun`); '' when nothing is left. */
export function slug(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * The id of each name, in order: `event-<slug>`, `event-<slug>-2` for a later name with the same slug, and
 * `event-<n>` (its position, from 1) for a name without letters or digits. Names arrive sorted (the IR sorts events),
 * so the same plan always gives the same ids.
 */
export function anchors(names: readonly string[]): string[] {
  const used = new Set<string>();
  return names.map((name, i) => {
    const base = `event-${slug(name) || String(i + 1)}`;
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
    used.add(id);
    return id;
  });
}
