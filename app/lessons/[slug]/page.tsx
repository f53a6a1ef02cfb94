import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { LessonRuntime } from "@/app/components/lesson-runtime";
import { SandboxPane } from "@/app/components/sandbox-pane";
import { loadLessons } from "@/lib/content/load";

type Params = { params: Promise<{ slug: string }> };

// One page per content/*.mdx; any other slug is a 404 in the static export.
export const dynamicParams = false;

/** Validates every lesson, so a broken one fails the build with file, field and fix. */
export function generateStaticParams() {
  return loadLessons().map((lesson) => ({ slug: lesson.slug }));
}

function lessonAt(slug: string) {
  const lessons = loadLessons();
  const index = lessons.findIndex((lesson) => lesson.slug === slug);
  const lesson = lessons[index];
  if (!lesson) notFound();
  return { lesson, previous: lessons[index - 1], next: lessons[index + 1] };
}

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { lesson } = lessonAt((await params).slug);
  return { title: lesson.title, description: lesson.objectives.join(" ") };
}

export default async function LessonPage({ params }: Params) {
  const { slug } = await params;
  const { lesson, previous, next } = lessonAt(slug);
  const { default: Body } = await import(`@lessons/${slug}.mdx`);
  return (
    <LessonRuntime slug={lesson.slug} scenario={lesson.scenario} setup={lesson.setup} exercises={lesson.exercises}>
      <main className="lesson-layout">
        <article className="lesson-body" aria-labelledby="lesson-title">
          <p className="lesson-eyebrow">
            Lesson {lesson.order} · <span className="component-tag">{lesson.component}</span>
          </p>
          <h1 id="lesson-title">{lesson.title}</h1>
          <section className="lesson-objectives" aria-label="Objectives">
            <h2>You will</h2>
            <ul>
              {lesson.objectives.map((objective) => (
                <li key={objective}>{objective}</li>
              ))}
            </ul>
          </section>
          <Body />
          <nav className="lesson-nav" aria-label="Lessons">
            {previous ? <Link href={`/lessons/${previous.slug}`}>← {previous.title}</Link> : <span />}
            {next ? <Link href={`/lessons/${next.slug}`}>{next.title} →</Link> : <Link href="/">All lessons</Link>}
          </nav>
        </article>
        <SandboxPane scenario={lesson.scenario} />
      </main>
    </LessonRuntime>
  );
}
