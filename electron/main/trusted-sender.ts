/** The parts of an IPC event we look at to decide who is calling. */
export interface SenderFrameLike {
  url: string;
  parent: unknown;
}

export interface IpcEventLike {
  senderFrame: SenderFrameLike | null;
}

/**
 * A request is served only when it comes from the top frame of our own page. Anything else (a
 * sub-frame, a page that navigated away, a devtools extension) is refused.
 */
export function isTrustedSender(event: IpcEventLike, rendererUrl: string): boolean {
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null) return false;
  let sender: URL;
  let expected: URL;
  try {
    sender = new URL(frame.url);
    expected = new URL(rendererUrl);
  } catch {
    return false;
  }
  return sender.protocol === expected.protocol && sender.host === expected.host && sender.pathname === expected.pathname;
}
