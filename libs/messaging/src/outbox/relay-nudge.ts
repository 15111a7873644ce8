type Nudge = () => void;
const listeners = new Map<string, Set<Nudge>>();

/** Lets a write wake its context's relay at once instead of waiting for the next poll. */
export function onRelayNudge(context: string, nudge: Nudge): () => void {
  const set = listeners.get(context) ?? new Set<Nudge>();
  set.add(nudge);
  listeners.set(context, set);
  return () => set.delete(nudge);
}

export function nudgeRelay(context: string): void {
  for (const nudge of listeners.get(context) ?? []) nudge();
}
