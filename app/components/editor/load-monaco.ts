/**
 * Monaco, bundled with the site and loaded only when the learner first opens a file: the lean
 * editor entry, the features a config editor needs, and the languages of a node's files
 * (YAML, JSON via JavaScript's grammar, INI for systemd units and config.toml, shell). Its
 * worker is ours too: nothing comes from a CDN.
 */
export type Monaco = typeof import("monaco-editor/editor");

let loading: Promise<Monaco> | undefined;

export function loadMonaco(): Promise<Monaco> {
  loading ??= (async () => {
    (self as unknown as { MonacoEnvironment: unknown }).MonacoEnvironment = {
      getWorker: () => new Worker(new URL("./monaco.worker.ts", import.meta.url), { type: "module" }),
    };
    const [monaco] = await Promise.all([
      import("monaco-editor/editor"),
      import("monaco-editor/features/codeEditor/register"),
      import("monaco-editor/features/codicon/register"),
      import("monaco-editor/features/find/register"),
      import("monaco-editor/features/folding/register"),
      import("monaco-editor/features/clipboard/register"),
      import("monaco-editor/features/bracketMatching/register"),
      import("monaco-editor/features/diffEditor/register"),
      import("monaco-editor/languages/definitions/yaml/register"),
      import("monaco-editor/languages/definitions/ini/register"),
      import("monaco-editor/languages/definitions/shell/register"),
      import("monaco-editor/languages/definitions/javascript/register"),
    ]);
    return monaco;
  })();
  return loading;
}

/** JSON files are highlighted with JavaScript's grammar: the JSON language service would need a second worker. */
export const monacoLanguage = (language: string) => (language === "json" ? "javascript" : language);
