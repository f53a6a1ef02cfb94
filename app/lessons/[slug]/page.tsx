import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { LessonPager } from "@/app/components/lesson-pager";
import { LessonRuntime } from "@/app/components/lesson-runtime";
import { LessonToc } from "@/app/components/lesson-toc";
import { SandboxPane } from "@/app/components/sandbox-pane";
import { componentLessons } from "@/lib/content/component-lessons";
import { loadLessonModule, tocOf } from "@/lib/content/lesson-module";
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
  const { default: Body, sections } = await loadLessonModule(slug);
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
          <LessonToc sections={tocOf(sections)} />
          <Body />
          <LessonPager previous={previous} next={next} />
        </article>
        <SandboxPane scenario={lesson.scenario} lessons={componentLessons(loadLessons())} />
      </main>
    </LessonRuntime>
  );
}
