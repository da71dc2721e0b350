/**
 * Tarjan's algorithm, iterative so that long chains of nodes cannot overflow the call stack. Components come out in
 * reverse topological order; vertices within one in discovery order.
 */
export function stronglyConnectedComponents<V>(vertices: V[], successors: (vertex: V) => V[]): V[][] {
  const index = new Map<V, number>();
  const lowLink = new Map<V, number>();
  const onStack = new Set<V>();
  const stack: V[] = [];
  const components: V[][] = [];
  let counter = 0;

  for (const root of vertices) {
    if (index.has(root)) continue;
    const work: { vertex: V; next: V[]; position: number }[] = [];
    const enter = (vertex: V) => {
      index.set(vertex, counter);
      lowLink.set(vertex, counter);
      counter++;
      stack.push(vertex);
      onStack.add(vertex);
      work.push({ vertex, next: successors(vertex), position: 0 });
    };
    enter(root);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      if (frame.position < frame.next.length) {
        const successor = frame.next[frame.position++]!;
        if (!index.has(successor)) enter(successor);
        else if (onStack.has(successor)) lowLink.set(frame.vertex, Math.min(lowLink.get(frame.vertex)!, index.get(successor)!));
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) lowLink.set(parent.vertex, Math.min(lowLink.get(parent.vertex)!, lowLink.get(frame.vertex)!));
      if (lowLink.get(frame.vertex) === index.get(frame.vertex)) {
        const component: V[] = [];
        let member: V;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.vertex);
        components.push(component.reverse());
      }
    }
  }
  return components;
}
