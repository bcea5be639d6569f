/**
 * Keeps a session alive while something important is going on without keyboard or mouse input
 * (a live consultation: people talk, nobody clicks). Callers hold while active and release after.
 */
let holds = 0;

export function holdActivity(): () => void {
  holds += 1;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    holds -= 1;
  };
}

export function activityHeld(): boolean {
  return holds > 0;
}
