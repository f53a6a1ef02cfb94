import type { Metadata, Viewport } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { SiteSearch } from "./search/site-search";
import { THEME_SCRIPT } from "./theme/theme";
import { ThemeSwitch } from "./theme/theme-switch";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Inside the Node", template: "%s · Inside the Node" },
  description: "An interactive course on what runs inside an AKS worker node, with an emulated node in your browser.",
};

export const viewport: Viewport = {
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#ffffff" },
    { media: "(prefers-color-scheme: dark)", color: "#171e26" },
  ],
  colorScheme: "light dark",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    // The theme script sets data-theme on <html> before React hydrates: not a mismatch to report.
    <html lang="en" suppressHydrationWarning>
      <head>
        {/* biome-ignore lint/security/noDangerouslySetInnerHtml: a constant, hashed into the CSP by scripts/csp.ts */}
        <script dangerouslySetInnerHTML={{ __html: THEME_SCRIPT }} />
      </head>
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <header className="site-header">
          <Link href="/" className="site-title">
            Inside the Node
          </Link>
          <span className="site-tagline">what runs on an AKS worker node</span>
          <div className="site-tools">
            <SiteSearch />
            <ThemeSwitch />
          </div>
        </header>
        {/* Focusable so the skip link moves keyboard focus here, not only the scroll position. */}
        <div id="main" tabIndex={-1}>
          {children}
        </div>
      </body>
    </html>
  );
}
