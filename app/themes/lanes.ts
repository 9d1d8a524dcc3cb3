// Lanes for overlapping theme ranges on one side: each range takes the first
// lane free at its start, taken in order of start (longer first), ties by
// codebook rank and then by annotation id, so the editor and every export
// stack the same underlines in the same order, whatever order tags were added.
export interface LaneRange {
  from: number;
  to: number;
  code: string;
  id: string;
}

export function assignLanes<T>(ranges: readonly T[], view: (t: T) => LaneRange, rank: (code: string) => number): Map<T, number> {
  const sorted = ranges.slice().sort((x, y) => {
    const a = view(x);
    const b = view(y);
    return a.from - b.from || b.to - a.to || rank(a.code) - rank(b.code) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  });
  const laneEnd: number[] = [];
  const out = new Map<T, number>();
  for (const t of sorted) {
    const { from, to } = view(t);
    let lane = laneEnd.findIndex((end) => end <= from);
    if (lane < 0) lane = laneEnd.length;
    laneEnd[lane] = to;
    out.set(t, lane);
  }
  return out;
}
