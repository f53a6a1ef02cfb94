import type { Metadata, Viewport } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Inside the Node", template: "%s · Inside the Node" },
  description: "An interactive course on what runs inside an AKS worker node, with an emulated node in your browser.",
};

export const viewport: Viewport = { themeColor: "#0b0f14", colorScheme: "light dark" };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <header className="site-header">
          <Link href="/" className="site-title">
            Inside the Node
          </Link>
          <span className="site-tagline">what runs on an AKS worker node</span>
        </header>
        <div id="main">{children}</div>
      </body>
    </html>
  );
}
