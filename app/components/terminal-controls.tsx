"use client";
/**
 * The strip under the node's terminal: the cue while a follow-mode command runs (`journalctl
 * -f`, `kubectl get -w`: nothing comes back until Ctrl-C, and a learner who does not know that
 * waits), and the switch for xterm's screen-reader mode, remembered in this browser.
 */
import "./terminal-controls.css";
import { useEffect, useState } from "react";

const SCREEN_READER_KEY = "inside-the-node.terminal.screen-reader";

/** The learner's screen-reader choice (false until read after hydration, so the server HTML matches). */
export function useScreenReaderMode(): [boolean, (on: boolean) => void] {
  const [on, setOn] = useState(false);
  useEffect(() => {
    try {
      setOn(localStorage.getItem(SCREEN_READER_KEY) === "on");
    } catch {
      // storage unavailable (private mode, blocked): the default stays
    }
  }, []);
  const set = (next: boolean) => {
    setOn(next);
    try {
      localStorage.setItem(SCREEN_READER_KEY, next ? "on" : "off");
    } catch {
      // not remembered, still applied
    }
  };
  return [on, set];
}

export function TerminalControls(props: {
  following: boolean;
  screenReader: boolean;
  onScreenReader: (on: boolean) => void;
}) {
  const { following, screenReader, onScreenReader } = props;
  return (
    <div className="terminal-controls">
      <span className="follow-cue" role="status" data-following={following ? "yes" : "no"}>
        {following ? "following — Ctrl-C to stop" : ""}
      </span>
      <label className="screen-reader-toggle">
        <input type="checkbox" checked={screenReader} onChange={(e) => onScreenReader(e.target.checked)} />
        Screen reader mode
      </label>
    </div>
  );
}
