/** Monaco's editor worker (diffs, word ranges), served from this site. */
import "monaco-editor/editor/editor.worker";
