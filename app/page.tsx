import Link from "next/link";
import { loadLessons } from "@/lib/content/load";
import { CourseProgress, HomeProgress, LessonProgress } from "./progress/home-progress";

export default function HomePage() {
  const lessons = loadLessons();
  const summaries = lessons.map((l) => ({ slug: l.slug, title: l.title, exercises: l.exercises.map((e) => e.id) }));
  return (
    <HomeProgress lessons={summaries}>
      <main className="home">
        <h1>Inside the Node</h1>
        <p className="lede">
          Every lesson sits beside a terminal into an emulated AKS worker node. Look around, break something, fix it:
          the exercises are graded on what the node ends up doing, not on what you typed.
        </p>
        <CourseProgress />
        <ol className="lesson-index">
          {lessons.map((lesson) => (
            <li key={lesson.slug} className="lesson-entry">
              <span className="lesson-order" aria-hidden="true">
                {lesson.order}
              </span>
              <div>
                <h2>
                  <Link href={`/lessons/${lesson.slug}`}>{lesson.title}</Link>
                </h2>
                <p className="lesson-meta">
                  <span className="component-tag">{lesson.component}</span>
                  {lesson.exercises.length > 0 &&
                    ` ${lesson.exercises.length} exercise${lesson.exercises.length === 1 ? "" : "s"}`}
                </p>
                <LessonProgress slug={lesson.slug} />
                <ul className="objectives">
                  {lesson.objectives.map((objective) => (
                    <li key={objective}>{objective}</li>
                  ))}
                </ul>
              </div>
            </li>
          ))}
        </ol>
      </main>
    </HomeProgress>
  );
}
