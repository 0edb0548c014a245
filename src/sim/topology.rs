//! Who can talk to whom: topology generators over `n` nodes, and the adjacency they produce.
//!
//! Generators work on positions `0 .. n` (the live nodes in creation order) and draw from the
//! simulation's RNG, so a seed fixes the graph.

use crate::error::{JsNumber, MeshError};
use crate::sim::rng::SimRng;
use crate::validate::{number_in, probability};

/// A topology to generate.
#[derive(Debug, Clone, PartialEq)]
pub enum Topology {
    /// Everyone reaches everyone (the default; no edges are stored).
    Full,
    /// Each node links to the next, and the last to the first.
    Ring,
    /// A grid `columns` wide (0: the square root of `n`, rounded up), linked right and down.
    Grid {
        /// Nodes per row.
        columns: u32,
    },
    /// Erdős–Rényi G(n, p): each pair linked with probability `p`.
    Random {
        /// Link probability.
        p: f64,
    },
    /// A random simple graph where every node has `degree` links (one node has one fewer when
    /// `n * degree` is odd; the degree is capped at `n - 1`).
    RandomRegular {
        /// Links per node.
        degree: u32,
    },
    /// Watts–Strogatz small world: a ring lattice of `degree` (even; capped at `n - 1`) rewired
    /// with probability `beta`.
    SmallWorld {
        /// Links per node before rewiring (even).
        degree: u32,
        /// Rewiring probability.
        beta: f64,
    },
    /// Barabási–Albert scale-free graph: each new node attaches `m` (at least 1; capped at
    /// `n - 1`) links preferentially.
    ScaleFree {
        /// Links each new node adds.
        m: u32,
    },
    /// Links set one by one (`connect`, `disconnect`, or a list of edges): never regenerated.
    Edges,
}

/// The topology names the bindings and scenarios accept.
pub const TOPOLOGY_KINDS: &str =
    "\"full\", \"ring\", \"grid\", \"random\", \"random-regular\", \"small-world\", \"scale-free\", \"edges\"";

/// Undirected adjacency lists, one per node slot; each sorted, without self-links or repeats.
///
/// Every list lives in one shared arena (8 bytes per node plus 4 per link end), so reading a
/// node's neighbours is one lookup into a compact table and one into the arena, with no
/// pointer per node to chase. The topology is built once and changes rarely: a change writes
/// the list it touches afresh at the arena's end, and the arena is compacted once more than half
/// of it is left over from such changes.
#[derive(Debug, Clone, Default)]
pub struct Adjacency {
    spans: Vec<Span>,
    arena: Vec<u32>,
    /// Arena entries no list covers any more.
    stale: usize,
}

/// Where one node's list sits in the arena.
#[derive(Debug, Clone, Copy, Default)]
struct Span {
    start: u32,
    len: u32,
}

impl PartialEq for Adjacency {
    /// Equal when every slot has the same neighbours, wherever the lists sit in the arena.
    fn eq(&self, other: &Self) -> bool {
        self.len() == other.len() && (0..self.len() as u32).all(|a| self.neighbours(a) == other.neighbours(a))
    }
}

impl Eq for Adjacency {}

impl Adjacency {
    /// `n` nodes and no links.
    pub fn empty(n: usize) -> Self {
        Self { spans: vec![Span::default(); n], arena: Vec::new(), stale: 0 }
    }

    /// `n` nodes linked by `edges` (self-links and repeats ignored; every slot below `n`).
    pub fn from_edges(n: usize, edges: impl IntoIterator<Item = (u32, u32)>) -> Self {
        let mut ends: Vec<(u32, u32)> =
            edges.into_iter().filter(|(a, b)| a != b).flat_map(|(a, b)| [(a, b), (b, a)]).collect();
        ends.sort_unstable();
        ends.dedup();
        let mut adjacency = Self::empty(n);
        for &(a, _) in &ends {
            adjacency.spans[a as usize].len += 1;
        }
        let mut start = 0;
        for span in &mut adjacency.spans {
            span.start = start;
            start += span.len;
        }
        adjacency.arena = Vec::with_capacity(ends.len());
        adjacency.arena.extend(ends.iter().map(|&(_, b)| b));
        adjacency
    }

    /// This graph over positions `0 .. n` moved onto `slots` (position `p` becomes `slots[p]`;
    /// increasing, so every list stays sorted) in a table of `slot_count` slots.
    pub fn placed_on(self, slots: &[u32], slot_count: usize) -> Adjacency {
        let mut placed = Adjacency::empty(slot_count);
        for (span, &slot) in self.spans.iter().zip(slots) {
            placed.spans[slot as usize] = *span;
        }
        placed.arena = self.arena.into_iter().map(|position| slots[position as usize]).collect();
        placed.stale = self.stale;
        placed
    }

    /// How many slots it covers.
    pub fn len(&self) -> usize {
        self.spans.len()
    }

    /// Whether it covers no slot.
    pub fn is_empty(&self) -> bool {
        self.spans.is_empty()
    }

    /// Makes room for slots up to `n - 1`.
    pub fn grow_to(&mut self, n: usize) {
        if self.spans.len() < n {
            self.spans.resize(n, Span::default());
        }
    }

    /// The neighbours of `a`, sorted. An empty list may start past the arena's end (the arena
    /// shrinks when its last list does), so its range is looked up, not indexed.
    #[inline]
    pub fn neighbours(&self, a: u32) -> &[u32] {
        self.spans
            .get(a as usize)
            .and_then(|s| self.arena.get(s.start as usize..s.start as usize + s.len as usize))
            .unwrap_or(&[])
    }

    /// Whether `a` and `b` are linked.
    pub fn has(&self, a: u32, b: u32) -> bool {
        self.neighbours(a).binary_search(&b).is_ok()
    }

    /// Links `a` and `b`; false when they were already linked or `a == b`.
    pub fn link(&mut self, a: u32, b: u32) -> bool {
        if a == b || self.has(a, b) {
            return false;
        }
        self.grow_to(a.max(b) as usize + 1);
        for (x, y) in [(a, b), (b, a)] {
            let mut list = self.neighbours(x).to_vec();
            list.insert(list.binary_search(&y).unwrap_err(), y);
            self.replace(x, &list);
        }
        true
    }

    /// Unlinks `a` and `b`; false when they were not linked.
    pub fn unlink(&mut self, a: u32, b: u32) -> bool {
        if !self.has(a, b) {
            return false;
        }
        for (x, y) in [(a, b), (b, a)] {
            let list: Vec<u32> = self.neighbours(x).iter().copied().filter(|&z| z != y).collect();
            self.replace(x, &list);
        }
        true
    }

    /// Writes `list` as the neighbours of `a`: in place when it is the arena's last list, else
    /// at the arena's end (compacting the arena when most of it is stale).
    fn replace(&mut self, a: u32, list: &[u32]) {
        let span = self.spans[a as usize];
        let end = span.start as usize + span.len as usize;
        if end == self.arena.len() {
            self.arena.truncate(span.start as usize);
        } else {
            self.stale += span.len as usize;
        }
        let start = self.arena.len() as u32;
        self.arena.extend_from_slice(list);
        self.spans[a as usize] = Span { start, len: list.len() as u32 };
        if self.stale > 64 && self.stale * 2 > self.arena.len() {
            self.compact();
        }
    }

    /// Rewrites the arena with the lists in slot order and nothing stale.
    fn compact(&mut self) {
        let compacted = Self::from_lists((0..self.len() as u32).map(|a| self.neighbours(a)));
        *self = compacted;
    }

    /// One list per slot, in order, back to back in an arena of exactly their length.
    fn from_lists<'a>(lists: impl Iterator<Item = &'a [u32]> + Clone) -> Self {
        let (slots, links) =
            lists.clone().fold((0, 0), |(slots, links), list| (slots + 1, links + list.len()));
        let mut adjacency =
            Self { spans: Vec::with_capacity(slots), arena: Vec::with_capacity(links), stale: 0 };
        for list in lists {
            let start = adjacency.arena.len() as u32;
            adjacency.arena.extend_from_slice(list);
            adjacency.spans.push(Span { start, len: list.len() as u32 });
        }
        adjacency
    }

    /// Removes every link of `a`.
    pub fn isolate(&mut self, a: u32) {
        for b in self.neighbours(a).to_vec() {
            self.unlink(a, b);
        }
    }

    /// The number of undirected links.
    pub fn edge_count(&self) -> usize {
        (self.arena.len() - self.stale) / 2
    }

    /// Bytes of heap held: 8 per slot plus 4 per link end (and any stale arena entries).
    pub fn heap_bytes(&self) -> usize {
        self.spans.capacity() * std::mem::size_of::<Span>() + self.arena.capacity() * 4
    }
}

/// Adjacency under construction: growable lists, frozen into an [`Adjacency`] when done.
struct Builder {
    lists: Vec<Vec<u32>>,
}

impl Builder {
    fn new(n: usize) -> Self {
        Self { lists: vec![Vec::new(); n] }
    }

    fn neighbours(&self, a: u32) -> &[u32] {
        &self.lists[a as usize]
    }

    fn has(&self, a: u32, b: u32) -> bool {
        self.lists[a as usize].binary_search(&b).is_ok()
    }

    fn link(&mut self, a: u32, b: u32) {
        if a != b && !self.has(a, b) {
            for (x, y) in [(a, b), (b, a)] {
                let list = &mut self.lists[x as usize];
                list.insert(list.binary_search(&y).unwrap_err(), y);
            }
        }
    }

    fn unlink(&mut self, a: u32, b: u32) {
        for (x, y) in [(a, b), (b, a)] {
            let list = &mut self.lists[x as usize];
            if let Ok(at) = list.binary_search(&y) {
                list.remove(at);
            }
        }
    }

    fn freeze(self) -> Adjacency {
        Adjacency::from_lists(self.lists.iter().map(Vec::as_slice))
    }
}

impl Topology {
    /// Checks the parameters; `field` prefixes the names in errors. Sizes that exceed what a
    /// node count allows are capped when the graph is generated, so any `n` works.
    pub fn validate(&self, field: &str) -> Result<(), MeshError> {
        match *self {
            Topology::Random { p } => probability(&format!("{field}.p"), p).map(drop),
            Topology::SmallWorld { degree, beta } => {
                probability(&format!("{field}.beta"), beta)?;
                if degree % 2 == 1 {
                    return Err(MeshError::OutOfRange {
                        field: format!("{field}.degree"),
                        rule: "an even number",
                        value: JsNumber(f64::from(degree)),
                    });
                }
                Ok(())
            }
            Topology::ScaleFree { m } => number_in(
                &format!("{field}.m"),
                f64::from(m),
                1.0,
                f64::from(u32::MAX),
                "an integer of at least 1",
            )
            .map(drop),
            _ => Ok(()),
        }
    }

    /// Whether the graph is generated from parameters (and so regenerated when nodes change).
    pub fn is_generated(&self) -> bool {
        !matches!(self, Topology::Full | Topology::Edges)
    }

    /// The adjacency over `n` positions (empty for [`Topology::Full`], which stores no edges).
    /// Call [`Topology::validate`] first.
    pub fn generate(&self, n: usize, rng: &mut SimRng) -> Adjacency {
        let mut adj = Builder::new(n);
        let n32 = n as u32;
        match *self {
            Topology::Ring => {
                for a in 0..n32 {
                    adj.link(a, (a + 1) % n32);
                }
            }
            Topology::Grid { columns } => {
                let columns = if columns == 0 { (n as f64).sqrt().ceil() as u32 } else { columns }.max(1);
                for a in 0..n32 {
                    if (a + 1) % columns != 0 && a + 1 < n32 {
                        adj.link(a, a + 1);
                    }
                    if a + columns < n32 {
                        adj.link(a, a + columns);
                    }
                }
            }
            Topology::Random { p } => erdos_renyi(&mut adj, n, p, rng),
            Topology::RandomRegular { degree } => random_regular(&mut adj, n, cap(degree, n), rng),
            Topology::SmallWorld { degree, beta } => {
                watts_strogatz(&mut adj, n, cap(degree, n) / 2 * 2, beta, rng)
            }
            Topology::ScaleFree { m } => barabasi_albert(&mut adj, n, cap(m, n).max(1), rng),
            Topology::Full | Topology::Edges => {}
        }
        adj.freeze()
    }
}

/// `size` capped at `n - 1` (the most links a node of `n` can have).
fn cap(size: u32, n: usize) -> u32 {
    size.min(n.saturating_sub(1) as u32)
}

/// G(n, p) in O(n + edges) by skipping geometrically over absent pairs (Batagelj & Brandes 2005).
fn erdos_renyi(adj: &mut Builder, n: usize, p: f64, rng: &mut SimRng) {
    if p <= 0.0 || n < 2 {
        return;
    }
    // log1p keeps precision for tiny p, where log(1 - p) would round to 0.
    let log_q = libm::log1p(-p);
    let (mut v, mut w) = (1i64, -1i64);
    while (v as usize) < n {
        let skip = if p >= 1.0 { 0 } else { libm::floor(libm::log(1.0 - rng.unit()) / log_q) as i64 };
        w += 1 + skip;
        while w >= v && (v as usize) < n {
            w -= v;
            v += 1;
        }
        if (v as usize) < n {
            adj.link(v as u32, w as u32);
        }
    }
}

/// A random `degree`-regular simple graph: pair random free stubs, restarting when stuck (with
/// an odd number of stubs the last one stays unpaired).
fn random_regular(adj: &mut Builder, n: usize, degree: u32, rng: &mut SimRng) {
    'attempt: loop {
        *adj = Builder::new(n);
        let mut stubs: Vec<u32> =
            (0..n as u32).flat_map(|a| std::iter::repeat_n(a, degree as usize)).collect();
        while stubs.len() >= 2 {
            let mut failures = 0;
            loop {
                let i = rng.below(stubs.len() as u32) as usize;
                let j = rng.below(stubs.len() as u32) as usize;
                let (a, b) = (stubs[i], stubs[j]);
                if i != j && a != b && !adj.has(a, b) {
                    adj.link(a, b);
                    let (hi, lo) = (i.max(j), i.min(j));
                    stubs.swap_remove(hi);
                    stubs.swap_remove(lo);
                    break;
                }
                failures += 1;
                if failures > 64 && !has_free_pair(adj, &stubs) {
                    continue 'attempt;
                }
            }
        }
        return;
    }
}

fn has_free_pair(adj: &Builder, stubs: &[u32]) -> bool {
    stubs.iter().enumerate().any(|(i, &a)| stubs[i + 1..].iter().any(|&b| a != b && !adj.has(a, b)))
}

/// A ring lattice with `degree / 2` links to each side, each rewired with probability `beta`.
fn watts_strogatz(adj: &mut Builder, n: usize, degree: u32, beta: f64, rng: &mut SimRng) {
    let n32 = n as u32;
    for a in 0..n32 {
        for d in 1..=degree / 2 {
            adj.link(a, (a + d) % n32);
        }
    }
    for d in 1..=degree / 2 {
        for a in 0..n32 {
            let b = (a + d) % n32;
            if !rng.chance(beta) || adj.neighbours(a).len() + 1 >= n {
                continue;
            }
            let target = loop {
                let t = rng.below(n32);
                if t != a && !adj.has(a, t) {
                    break t;
                }
            };
            adj.unlink(a, b);
            adj.link(a, target);
        }
    }
}

/// Preferential attachment from a clique of `m + 1` nodes, sampling from a list of link ends.
fn barabasi_albert(adj: &mut Builder, n: usize, m: u32, rng: &mut SimRng) {
    let seed_nodes = (m as usize + 1).min(n) as u32;
    let mut ends: Vec<u32> = Vec::with_capacity(2 * n * m as usize);
    for a in 0..seed_nodes {
        for b in a + 1..seed_nodes {
            adj.link(a, b);
            ends.extend([a, b]);
        }
    }
    let mut targets = Vec::with_capacity(m as usize);
    for a in seed_nodes..n as u32 {
        targets.clear();
        while targets.len() < m as usize {
            let t = ends[rng.below(ends.len() as u32) as usize];
            if !targets.contains(&t) {
                targets.push(t);
            }
        }
        for &t in &targets {
            adj.link(a, t);
            ends.extend([a, t]);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn build(t: Topology, n: usize) -> Adjacency {
        t.validate("topology").unwrap();
        t.generate(n, &mut SimRng::new(11))
    }

    fn degrees(adj: &Adjacency) -> Vec<usize> {
        (0..adj.len() as u32).map(|a| adj.neighbours(a).len()).collect()
    }

    fn is_symmetric(adj: &Adjacency) -> bool {
        (0..adj.len() as u32).all(|a| adj.neighbours(a).iter().all(|&b| b != a && adj.has(b, a)))
    }

    #[test]
    fn ring_and_grid_have_their_shapes() {
        let ring = build(Topology::Ring, 10);
        assert!(degrees(&ring).iter().all(|&d| d == 2) && ring.has(9, 0));
        let grid = build(Topology::Grid { columns: 0 }, 9);
        assert_eq!(grid.edge_count(), 12);
        assert_eq!(grid.neighbours(4), &[1, 3, 5, 7]);
        assert!(!grid.has(2, 3), "rows do not wrap");
        assert_eq!(build(Topology::Full, 5).edge_count(), 0);
    }

    #[test]
    fn random_graphs_have_the_expected_density() {
        let n = 2000;
        let g = build(Topology::Random { p: 0.01 }, n);
        let expected = 0.01 * (n * (n - 1) / 2) as f64;
        let edges = g.edge_count() as f64;
        assert!((edges - expected).abs() < 4.0 * expected.sqrt(), "{edges} vs {expected}");
        assert!(is_symmetric(&g));
        assert_eq!(build(Topology::Random { p: 1.0 }, 30).edge_count(), 30 * 29 / 2);
        assert_eq!(build(Topology::Random { p: 1e-17 }, 1000).edge_count(), 0, "a tiny p stays sparse");
    }

    #[test]
    fn random_regular_graphs_are_simple_and_regular() {
        for (n, d) in [(1000, 8), (10, 9), (7, 4)] {
            let g = build(Topology::RandomRegular { degree: d }, n);
            assert!(degrees(&g).iter().all(|&x| x == d as usize), "n={n} d={d}");
            assert!(is_symmetric(&g));
        }
        // 7 nodes of degree 3 leave one stub over; 4 nodes cannot have degree 8.
        let odd = degrees(&build(Topology::RandomRegular { degree: 3 }, 7));
        assert_eq!((odd.iter().filter(|&&d| d == 3).count(), odd.iter().sum::<usize>()), (6, 20));
        assert!(degrees(&build(Topology::RandomRegular { degree: 8 }, 4)).iter().all(|&d| d == 3));
    }

    #[test]
    fn small_world_keeps_the_edge_count_and_rewires_some() {
        let n = 1000;
        let lattice = build(Topology::SmallWorld { degree: 6, beta: 0.0 }, n);
        let rewired = build(Topology::SmallWorld { degree: 6, beta: 0.2 }, n);
        assert_eq!(lattice.edge_count(), 3 * n);
        assert_eq!(rewired.edge_count(), 3 * n);
        let moved =
            (0..n as u32).filter(|&a| !lattice.neighbours(a).iter().all(|&b| rewired.has(a, b))).count();
        assert!(moved > n / 4, "{moved} nodes changed neighbours");
        assert!(is_symmetric(&rewired));
    }

    #[test]
    fn scale_free_graphs_have_hubs() {
        let n = 5000;
        let g = build(Topology::ScaleFree { m: 2 }, n);
        assert_eq!(g.edge_count(), 3 + (n - 3) * 2);
        let max = *degrees(&g).iter().max().unwrap();
        assert!(max > 50, "the biggest hub has {max} links");
        assert!(degrees(&g).iter().all(|&d| d >= 2));
    }

    #[test]
    fn parameters_are_checked_and_links_can_change() {
        let mut g = Adjacency::empty(3);
        assert!(g.link(0, 1) && g.link(1, 2) && !g.link(1, 0));
        assert_eq!(g.edge_count(), 2);
        assert!(g.unlink(0, 1) && !g.unlink(0, 1) && g.link(0, 2) && !g.link(2, 2));
        assert_eq!(g.neighbours(2), &[0, 1]);
        g.isolate(2);
        assert_eq!((g.edge_count(), g.neighbours(1)), (0, &[][..]));
        assert!(g.link(5, 1) && g.len() == 6, "linking a new slot grows the table");
        let err = Topology::SmallWorld { degree: 3, beta: 0.1 }.validate("topology").unwrap_err();
        assert_eq!((err.code(), err.field()), ("ERR_OUT_OF_RANGE", "topology.degree"));
        assert_eq!(Topology::Random { p: -0.1 }.validate("t").unwrap_err().field(), "t.p");
        assert_eq!(Topology::ScaleFree { m: 0 }.validate("t").unwrap_err().field(), "t.m");
        assert_eq!(build(Topology::ScaleFree { m: 5 }, 3).edge_count(), 3, "m capped at n - 1");
    }

    #[test]
    fn edits_match_a_plain_edge_set_through_arena_compactions() {
        let mut rng = SimRng::new(5);
        let mut g = Adjacency::from_edges(40, (0..40).map(|a| (a, (a + 1) % 40)));
        let mut reference: std::collections::BTreeSet<(u32, u32)> =
            (0..40).map(|a| (a.min((a + 1) % 40), a.max((a + 1) % 40))).collect();
        for _ in 0..5_000 {
            let (a, b) = (rng.below(40), rng.below(40));
            let key = (a.min(b), a.max(b));
            if rng.below(2) == 0 {
                assert_eq!(g.link(a, b), a != b && reference.insert(key));
            } else {
                assert_eq!(g.unlink(a, b), reference.remove(&key));
            }
        }
        assert_eq!(g.edge_count(), reference.len());
        assert_eq!(g, Adjacency::from_edges(40, reference.iter().copied()));
        assert!(g.heap_bytes() <= 40 * 8 + 4 * 4 * g.edge_count() + 4 * 256, "stale entries are reclaimed");
    }

    #[test]
    fn a_graph_placed_on_slots_keeps_its_links_between_those_slots() {
        let ring = build(Topology::Ring, 4);
        let placed = ring.clone().placed_on(&[0, 2, 5, 7], 8);
        let expected = Adjacency::from_edges(8, [(0, 2), (2, 5), (5, 7), (7, 0)]);
        assert_eq!(placed, expected);
        assert_eq!((placed.neighbours(2), placed.neighbours(1), placed.len()), (&[0, 5][..], &[][..], 8));
    }

    #[test]
    fn the_same_seed_gives_the_same_graph() {
        let t = Topology::SmallWorld { degree: 4, beta: 0.3 };
        assert_eq!(t.generate(300, &mut SimRng::new(3)), t.generate(300, &mut SimRng::new(3)));
        assert_ne!(t.generate(300, &mut SimRng::new(3)), t.generate(300, &mut SimRng::new(4)));
    }
}
