//! Bugs the fuzzers found, kept as plain tests of the public Rust API.

use data_mesh::sim::topology::Adjacency;

#[test]
fn an_emptied_list_left_past_the_shrunk_arena_reads_as_no_neighbours() {
    // Unlinking 0-1 empties both lists; the second was the arena's last, so the arena shrinks
    // below where slot 2's empty list starts (in JavaScript: setEdges, disconnect, neighbours
    // of an unlinked node trapped with "range start index 2 out of range").
    let mut graph = Adjacency::from_edges(3, [(0, 1)]);
    assert!(graph.unlink(0, 1));
    for slot in 0..3 {
        assert_eq!(graph.neighbours(slot), &[] as &[u32], "slot {slot}");
    }
    assert!(graph.link(2, 0));
    assert_eq!((graph.neighbours(0), graph.neighbours(2)), (&[2][..], &[0][..]));
    assert_eq!(graph.edge_count(), 1);
}
