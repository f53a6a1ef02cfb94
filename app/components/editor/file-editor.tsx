"use client";
/**
 * A node file open in Monaco beside the terminal (`vi FILE`). Save (Ctrl-S or the button)
 * hands the text to the sandbox, which writes it as the node would or says why it cannot;
 * Close gives the terminal its focus back.
 */
import { useEffect, useRef, useState } from "react";
import type { EditorRequest } from "@/sandbox";
import { loadMonaco, monacoLanguage } from "./load-monaco";

type EditorInstance = ReturnType<Awaited<ReturnType<typeof loadMonaco>>["editor"]["create"]>;

export interface FileEditorProps {
  request: EditorRequest;
  onSave(content: string): Promise<{ error?: string }>;
  onClose(): void;
}

const darkScheme = () => typeof matchMedia === "function" && matchMedia("(prefers-color-scheme: dark)").matches;

export default function FileEditor({ request, onSave, onClose }: FileEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const editorRef = useRef<EditorInstance | null>(null);
  const [status, setStatus] = useState(request.readOnly ? "read-only" : request.isNew ? "new file" : "");
  const [dirty, setDirty] = useState(false);
  const saveRef = useRef<() => void>(() => {});

  saveRef.current = () => {
    const editor = editorRef.current;
    if (!editor || request.readOnly) return;
    const text = editor.getValue();
    void onSave(text).then((result) => {
      if (result.error) setStatus(result.error);
      else {
        setDirty(false);
        setStatus(`"${request.path}" written`);
      }
    });
  };

  useEffect(() => {
    let disposed = false;
    void loadMonaco().then((monaco) => {
      if (disposed || !host.current) return;
      const editor = monaco.editor.create(host.current, {
        value: request.content,
        language: monacoLanguage(request.language),
        readOnly: request.readOnly,
        theme: darkScheme() ? "vs-dark" : "vs",
        automaticLayout: true,
        minimap: { enabled: false },
        fontSize: 13,
        scrollBeyondLastLine: false,
        wordWrap: "off",
        ariaLabel: `Editing ${request.path}`,
      });
      editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyS, () => saveRef.current());
      editor.onDidChangeModelContent(() => setDirty(true));
      editorRef.current = editor;
      editor.focus();
    });
    return () => {
      disposed = true;
      editorRef.current?.getModel()?.dispose();
      editorRef.current?.dispose();
      editorRef.current = null;
    };
  }, [request]);

  return (
    <section className="editor-pane" aria-label={`Editor: ${request.path}`}>
      <div className="editor-bar">
        <span className="editor-path">
          {request.path}
          {dirty ? " •" : ""}
        </span>
        <span className="editor-status" role="status">
          {status}
        </span>
        <button type="button" className="quiet-button" onClick={() => saveRef.current()} disabled={request.readOnly}>
          Save
        </button>
        <button type="button" className="quiet-button" onClick={onClose}>
          Close
        </button>
      </div>
      <div className="editor-host" ref={host} data-testid="monaco-host" />
    </section>
  );
}
