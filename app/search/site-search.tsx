"use client";
/**
 * The header's search across all lessons. The index (out/search-index.json, built by `next build`)
 * and MiniSearch itself load only when the box is first used, so neither costs the first paint.
 * Keyboard: `/` focuses the box from anywhere but a text field or the terminal, ArrowDown goes to
 * the results, ArrowUp/ArrowDown move among them, Escape goes back to the box (a second one clears
 * it), Enter in the box opens the first result.
 */
import type MiniSearch from "minisearch";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { type KeyboardEvent, useCallback, useEffect, useId, useRef, useState } from "react";
import { withBasePath } from "@/app/base-path";
import { excerpt } from "./search-documents";
import { INDEX_OPTIONS, QUERY_OPTIONS, resultHref, SEARCH_INDEX_URL, type SearchDocument } from "./search-options";

const MAX_RESULTS = 8;

interface Result {
  id: string;
  href: string;
  lesson: string;
  title: string;
  excerpt: string;
}

type IndexState = "idle" | "loading" | "ready" | "failed";

async function fetchIndex(): Promise<MiniSearch<SearchDocument>> {
  const [{ default: MiniSearchClass }, response] = await Promise.all([
    import("minisearch"),
    fetch(withBasePath(SEARCH_INDEX_URL)),
  ]);
  if (!response.ok) throw new Error(`${SEARCH_INDEX_URL}: ${response.status}`);
  return MiniSearchClass.loadJSON<SearchDocument>(await response.text(), INDEX_OPTIONS);
}

function search(index: MiniSearch<SearchDocument>, query: string): Result[] {
  return index
    .search(query, QUERY_OPTIONS)
    .slice(0, MAX_RESULTS)
    .map((hit) => ({
      id: String(hit.id),
      href: resultHref(hit.slug, hit.anchor),
      lesson: hit.lesson,
      title: hit.title,
      excerpt: excerpt(hit.text, hit.terms),
    }));
}

/** Typing `/` there types a slash: inputs, text areas (xterm's and Monaco's keyboards are text areas), editables. */
function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

export function SiteSearch() {
  const router = useRouter();
  const [query, setQuery] = useState("");
  const [results, setResults] = useState<Result[]>([]);
  const [open, setOpen] = useState(false);
  const [state, setState] = useState<IndexState>("idle");
  const index = useRef<Promise<MiniSearch<SearchDocument>> | null>(null);
  const root = useRef<HTMLDivElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const resultsId = useId();

  const loadIndex = useCallback(() => {
    if (!index.current) {
      setState("loading");
      index.current = fetchIndex().then(
        (loaded) => {
          setState("ready");
          return loaded;
        },
        (error: unknown) => {
          index.current = null; // try again on the next keystroke
          setState("failed");
          throw error;
        },
      );
    }
    return index.current;
  }, []);

  useEffect(() => {
    const text = query.trim();
    if (!text) {
      setResults([]);
      return;
    }
    let current = true;
    loadIndex().then(
      (loaded) => current && setResults(search(loaded, text)),
      () => current && setResults([]),
    );
    return () => {
      current = false;
    };
  }, [query, loadIndex]);

  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey || isTextEntry(event.target)) return;
      event.preventDefault();
      input.current?.focus();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);

  const links = () => [...(root.current?.querySelectorAll<HTMLAnchorElement>(".search-result a") ?? [])];
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const all = links();
    const at = all.indexOf(document.activeElement as HTMLAnchorElement);
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (all.length === 0) return;
      event.preventDefault();
      const step = event.key === "ArrowDown" ? 1 : -1;
      all[at === -1 ? (step === 1 ? 0 : all.length - 1) : (at + step + all.length) % all.length]?.focus();
    } else if (event.key === "Escape") {
      if (at === -1 && !open) setQuery("");
      setOpen(false);
      input.current?.focus();
    } else if (event.key === "Enter" && event.target === input.current && results[0]) {
      event.preventDefault();
      setOpen(false);
      router.push(results[0].href);
    }
  };

  const text = query.trim();
  const status =
    !text || state === "idle"
      ? ""
      : state === "failed"
        ? "Search could not load its index."
        : state === "loading"
          ? "Loading the index…"
          : results.length === 0
            ? `No lesson mentions “${text}”.`
            : `${results.length}${results.length === MAX_RESULTS ? "+" : ""} result${results.length === 1 ? "" : "s"}`;

  return (
    <search
      className="site-search"
      ref={root}
      onKeyDown={onKeyDown}
      onBlur={(event) => {
        if (!root.current?.contains(event.relatedTarget as Node | null)) setOpen(false);
      }}
    >
      <label htmlFor="site-search" className="visually-hidden">
        Search the lessons
      </label>
      <input
        id="site-search"
        ref={input}
        type="search"
        placeholder="Search lessons  /"
        aria-keyshortcuts="/"
        aria-describedby={`${resultsId}-status`}
        autoComplete="off"
        spellCheck={false}
        value={query}
        onFocus={() => {
          setOpen(true);
          loadIndex().catch(() => {});
        }}
        onChange={(event) => {
          setQuery(event.target.value);
          setOpen(true);
        }}
      />
      <p id={`${resultsId}-status`} className="visually-hidden" role="status">
        {status}
      </p>
      {open && text && (
        <div className="search-popover" id={resultsId}>
          {results.length === 0 ? (
            <p className="search-empty">{status}</p>
          ) : (
            <ol className="search-results" aria-label="Search results">
              {results.map((result) => (
                <li key={result.id} className="search-result">
                  <Link href={result.href} onClick={() => setOpen(false)}>
                    <span className="search-result-title">
                      {result.title === result.lesson ? result.lesson : `${result.lesson} › ${result.title}`}
                    </span>
                    <span className="search-result-excerpt">{result.excerpt}</span>
                  </Link>
                </li>
              ))}
            </ol>
          )}
        </div>
      )}
    </search>
  );
}
