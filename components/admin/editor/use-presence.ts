'use client';

import { useEffect, useState } from 'react';
import { newsroom } from '@/components/admin/newsroom-client';

export interface Colleague {
  id: number;
  name: string;
}

// Well inside db/mutations/presence.ts's PRESENT_FOR_MS, so one late beat does not drop anyone.
const HEARTBEAT_MS = 5_000;

// Who else has this article open: a heartbeat while the editor is on screen, and a goodbye (a
// beacon) when the page goes away or the editor closes, so the others' notice clears at their next
// heartbeat without waiting for the server to forget. A new article has no presence until its first save gives it an id.
export function usePresence(articleId: number | null): Colleague[] {
  const [others, setOthers] = useState<Colleague[]>([]);

  useEffect(() => {
    if (articleId === null) return;
    let stopped = false;
    const beat = async () => {
      // Offline or refused: the save status says what matters.
      const answer = await newsroom.touchPresence(articleId);
      if (answer.ok && !stopped) setOthers(answer.others);
    };
    void beat();
    const timer = setInterval(beat, HEARTBEAT_MS);
    const leave = () => newsroom.leavePresence(articleId);
    window.addEventListener('pagehide', leave);
    return () => {
      stopped = true;
      clearInterval(timer);
      window.removeEventListener('pagehide', leave);
      leave();
    };
  }, [articleId]);

  return others;
}
