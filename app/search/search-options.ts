/**
 * What the search index holds and how it is queried. The build (app/search-index.json/route.ts)
 * and the page (site-search.tsx) must use the same fields: MiniSearch.loadJSON takes them again.
 */
import type { Options, SearchOptions } from "minisearch";

/** One searchable place: a part of a lesson under one heading, or an exercise. */
export interface SearchDocument {
  /** `${slug}#${anchor}`. */
  id: string;
  slug: string;
  /** The lesson's title. */
  lesson: string;
  /** The heading (or exercise) title; the lesson's title for the text before the first heading. */
  title: string;
  /** The id to scroll to on the lesson page; "" for the top. */
  anchor: string;
  text: string;
}

export const INDEX_OPTIONS: Options<SearchDocument> = {
  fields: ["title", "lesson", "text"],
  storeFields: ["slug", "lesson", "title", "anchor", "text"],
};

export const QUERY_OPTIONS: SearchOptions = {
  prefix: true,
  fuzzy: 0.2,
  combineWith: "AND",
  boost: { title: 3, lesson: 1.5 },
};

/** Where the index is: a static file written by the build (out/search-index.json). */
export const SEARCH_INDEX_URL = "/search-index.json";

export const resultHref = (slug: string, anchor: string) => `/lessons/${slug}${anchor ? `#${anchor}` : ""}`;
