/**
 * Lines the engine says about a run as a whole (run.output with no step), e.g. that it stopped because
 * its journal could not be written. They are not journaled, so they are only seen live, while watching.
 */
import { useEffect, useState } from 'react';
import { client } from '../client';

export function useEngineNotes(runId: string): string[] {
  const [notes, setNotes] = useState<{ runId: string; lines: string[] }>({ runId, lines: [] });
  useEffect(
    () =>
      client.subscribe('run.output', (line) => {
        if (line.runId === runId && line.stepId === null)
          setNotes((current) => ({ runId, lines: [...(current.runId === runId ? current.lines : []), line.text] }));
      }),
    [runId],
  );
  return notes.runId === runId ? notes.lines : [];
}
