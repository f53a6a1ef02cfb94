/** The previous and next lessons (by their order), at the foot of a lesson; the course index after the last. */
import Link from "next/link";

interface Neighbour {
  slug: string;
  title: string;
}

export function LessonPager({ previous, next }: { previous?: Neighbour; next?: Neighbour }) {
  return (
    <nav className="lesson-nav" aria-label="Previous and next lesson">
      {previous ? (
        <Link href={`/lessons/${previous.slug}`} rel="prev" className="pager-link pager-previous">
          <span className="pager-label">← Previous</span> <span className="pager-title">{previous.title}</span>
        </Link>
      ) : (
        <span />
      )}
      {next ? (
        <Link href={`/lessons/${next.slug}`} rel="next" className="pager-link pager-next">
          <span className="pager-label">Next →</span> <span className="pager-title">{next.title}</span>
        </Link>
      ) : (
        <Link href="/" className="pager-link pager-next">
          <span className="pager-label">Done →</span> <span className="pager-title">All lessons</span>
        </Link>
      )}
    </nav>
  );
}
