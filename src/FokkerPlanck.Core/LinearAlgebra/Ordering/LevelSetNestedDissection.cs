namespace FokkerPlanck.Core.LinearAlgebra.Ordering;

/// <summary>
/// Graph nested dissection by level-set (breadth-first) bisection: the general fallback
/// ordering for symmetric patterns that do not come from a tensor grid.
/// </summary>
/// <remarks>
/// Each subgraph is searched breadth-first from a pseudo-peripheral vertex (George and Liu,
/// <i>Computer Solution of Large Sparse Positive Definite Systems</i>, 1981, §4.3 and ch. 8);
/// the middle level set is the separator, the levels before and after it are the two halves.
/// Separator vertices without a neighbour in the next level are moved to the first half,
/// which keeps the separator minimal. Halves are ordered first, separators last (post-order),
/// disconnected pieces independently. Davis, <i>Direct Methods for Sparse Linear Systems</i>,
/// SIAM 2006, §7.6.
/// </remarks>
internal static class LevelSetNestedDissection
{
    /// <summary>Subgraphs with at most this many vertices are emitted without further splitting.</summary>
    private const int LeafVertices = 64;

    /// <summary>
    /// Sweeps of the pseudo-peripheral vertex search; the eccentricity rarely improves after
    /// two or three (George–Liu algorithm), so this bounds the cost without hurting quality.
    /// </summary>
    private const int PeripheralSweeps = 4;

    /// <summary>
    /// Fewest breadth-first levels that allow a split: a separator level needs a nonempty level on
    /// each side of it.
    /// </summary>
    private const int MinimumLevelsToSplit = 3;

    /// <summary>Orders the vertices of <paramref name="g"/>.</summary>
    public static Permutation Compute(AdjacencyGraph g)
    {
        int n = g.VertexCount;
        var order = new int[n];
        int next = 0;
        var owner = new int[n];       // id of the subgraph a vertex currently belongs to
        var level = new int[n];
        var queue = new int[n];
        int nextId = 1;
        var all = new int[n];
        for (int v = 0; v < n; v++) all[v] = v;
        var stack = new Stack<(int[] Vertices, bool Emit)>();
        stack.Push((all, false));
        while (stack.Count > 0)
        {
            var (verts, emit) = stack.Pop();
            if (verts.Length == 0) continue;
            if (emit || verts.Length <= LeafVertices)
            {
                Array.Sort(verts);
                foreach (int v in verts) order[next++] = v;
                continue;
            }
            int id = nextId++;
            foreach (int v in verts) owner[v] = id;
            int start = MinDegree(g, verts);
            int levels = 0, reached = 0;
            for (int sweep = 0; sweep < PeripheralSweeps; sweep++)
            {
                int prevLevels = levels;
                (levels, reached) = Bfs(g, verts, start, id, owner, level, queue);
                int last = queue[reached - 1];
                int best = last, bestDeg = int.MaxValue;
                for (int q = reached - 1; q >= 0 && level[queue[q]] == level[last]; q--)
                {
                    int d = g.Pointers[queue[q] + 1] - g.Pointers[queue[q]];
                    if (d < bestDeg) { bestDeg = d; best = queue[q]; }
                }
                if (sweep > 0 && levels <= prevLevels) break;
                start = best;
            }
            (levels, reached) = Bfs(g, verts, start, id, owner, level, queue);
            if (reached < verts.Length)
            {
                // disconnected: split into the reached component and the rest, no separator
                var comp = new int[reached];
                Array.Copy(queue, comp, reached);
                var rest = new int[verts.Length - reached];
                int r = 0;
                foreach (int v in verts) if (level[v] < 0) rest[r++] = v;
                stack.Push((rest, false));
                stack.Push((comp, false));
                continue;
            }
            if (levels < MinimumLevelsToSplit)
            {
                stack.Push((verts, true));
                continue;
            }
            // middle level: first level where the cumulative count reaches half the vertices
            int half = verts.Length / 2, cum = 0, sepLevel = 1;
            for (int q = 0; q < reached; q++)
            {
                cum++;
                if (cum >= half) { sepLevel = Math.Clamp(level[queue[q]], 1, levels - 2); break; }
            }
            var a = new List<int>();
            var b = new List<int>();
            var sep = new List<int>();
            foreach (int v in verts)
            {
                int l = level[v];
                if (l < sepLevel) a.Add(v);
                else if (l > sepLevel) b.Add(v);
                else
                {
                    bool touchesNext = false;
                    foreach (int u in g.Of(v))
                        if (owner[u] == id && level[u] == sepLevel + 1) { touchesNext = true; break; }
                    if (touchesNext) sep.Add(v); else a.Add(v);
                }
            }
            stack.Push((sep.ToArray(), true));
            stack.Push((b.ToArray(), false));
            stack.Push((a.ToArray(), false));
        }
        return Permutation.FromNewToOld(order);
    }

    private static int MinDegree(AdjacencyGraph g, int[] verts)
    {
        int best = verts[0], bestDeg = int.MaxValue;
        foreach (int v in verts)
        {
            int d = g.Pointers[v + 1] - g.Pointers[v];
            if (d < bestDeg) { bestDeg = d; best = v; }
        }
        return best;
    }

    /// <summary>Breadth-first search inside subgraph <paramref name="id"/>; returns (level count, vertices reached).</summary>
    private static (int Levels, int Reached) Bfs(AdjacencyGraph g, int[] verts, int start, int id, int[] owner, int[] level, int[] queue)
    {
        foreach (int v in verts) level[v] = -1;
        int head = 0, tail = 0;
        queue[tail++] = start;
        level[start] = 0;
        int maxLevel = 0;
        while (head < tail)
        {
            int v = queue[head++];
            foreach (int u in g.Of(v))
            {
                if (owner[u] != id || level[u] >= 0) continue;
                level[u] = level[v] + 1;
                maxLevel = Math.Max(maxLevel, level[u]);
                queue[tail++] = u;
            }
        }
        return (maxLevel + 1, tail);
    }
}
