import Link from "next/link";

export default function NotFound() {
  return (
    <main className="home">
      <h1>Not found</h1>
      <p>
        There is no such page. <Link href="/">Back to the lessons</Link>.
      </p>
    </main>
  );
}
