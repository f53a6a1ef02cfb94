/**
 * /search-index.json: the MiniSearch index of every lesson, built by `next build` (a static route
 * handler is written to out/search-index.json) and fetched by the page only when the search box
 * is used (app/search/site-search.tsx). Same origin, no service: search works offline.
 */
import MiniSearch from "minisearch";
import { searchDocuments } from "@/app/search/search-documents";
import { INDEX_OPTIONS, type SearchDocument } from "@/app/search/search-options";
import { loadLessonModule } from "@/lib/content/lesson-module";
import { loadLessons } from "@/lib/content/load";

export const dynamic = "force-static";

export async function GET() {
  const documents: SearchDocument[] = [];
  for (const lesson of loadLessons()) {
    const { sections } = await loadLessonModule(lesson.slug);
    documents.push(...searchDocuments(lesson, sections));
  }
  const index = new MiniSearch<SearchDocument>(INDEX_OPTIONS);
  index.addAll(documents);
  return Response.json(index);
}
