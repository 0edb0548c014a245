//! A compact table of string ids: one shared arena for the text, four bytes of index per entry.

use std::hash::BuildHasher;

use foldhash::fast::FixedState;
use hashbrown::HashTable;

/// Ids stored back to back in one string, each found by its position, and looked up by text.
#[derive(Debug, Default, Clone)]
pub(crate) struct IdTable {
    arena: String,
    ends: Vec<u32>,
    lookup: HashTable<u32>,
    hasher: FixedState,
}

impl IdTable {
    /// Appends `id` and makes it the entry that [`IdTable::find`] returns for that text.
    pub(crate) fn push(&mut self, id: &str) -> u32 {
        let index = self.ends.len() as u32;
        self.arena.push_str(id);
        self.ends.push(self.arena.len() as u32);
        let hash = self.hasher.hash_one(id);
        let (arena, ends, hasher) = (&self.arena, &self.ends, &self.hasher);
        match self.lookup.find_mut(hash, |&i| text(arena, ends, i) == id) {
            Some(existing) => *existing = index,
            None => {
                self.lookup.insert_unique(hash, index, |&i| hasher.hash_one(text(arena, ends, i)));
            }
        }
        index
    }

    /// The entry for `id`, unless it was never pushed or has been forgotten.
    pub(crate) fn find(&self, id: &str) -> Option<u32> {
        let hash = self.hasher.hash_one(id);
        self.lookup.find(hash, |&i| self.get(i) == id).copied()
    }

    /// Stops [`IdTable::find`] from returning entry `index`; its text stays readable.
    pub(crate) fn forget(&mut self, index: u32) {
        let id = self.get(index);
        let hash = self.hasher.hash_one(id);
        if let Ok(entry) = self.lookup.find_entry(hash, |&i| i == index) {
            entry.remove();
        }
    }

    /// The text of entry `index`.
    pub(crate) fn get(&self, index: u32) -> &str {
        text(&self.arena, &self.ends, index)
    }

    /// Bytes of heap the table holds (text, ends and lookup, at capacity).
    pub(crate) fn heap_bytes(&self) -> usize {
        self.arena.capacity() + self.ends.capacity() * 4 + self.lookup.allocation_size()
    }

    /// How many entries were ever pushed.
    pub(crate) fn len(&self) -> usize {
        self.ends.len()
    }
}

/// Entry `index` of `arena`, whose entries end at `ends`.
#[inline]
fn text<'a>(arena: &'a str, ends: &[u32], index: u32) -> &'a str {
    let index = index as usize;
    let start = if index == 0 { 0 } else { ends[index - 1] as usize };
    &arena[start..ends[index] as usize]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_pushed_ids_and_forgets_them() {
        let mut ids = IdTable::default();
        let a = ids.push("sensor-001");
        let b = ids.push("gateway-001");
        assert_eq!((ids.find("sensor-001"), ids.find("gateway-001")), (Some(a), Some(b)));
        assert_eq!(ids.find("nope"), None);
        ids.forget(a);
        assert_eq!(ids.find("sensor-001"), None);
        assert_eq!(ids.get(a), "sensor-001", "text stays readable");
        assert_eq!(ids.len(), 2);
    }

    #[test]
    fn a_later_push_of_the_same_text_takes_over() {
        let mut ids = IdTable::default();
        let old = ids.push("x");
        let new = ids.push("x");
        assert_eq!(ids.find("x"), Some(new));
        ids.forget(old);
        assert_eq!(ids.find("x"), Some(new), "forgetting the old entry keeps the new one");
    }

    #[test]
    fn handles_many_ids_and_unicode() {
        let mut ids = IdTable::default();
        for i in 0..10_000 {
            ids.push(&format!("nœud-{i}"));
        }
        assert_eq!(ids.find("nœud-9999"), Some(9999));
        assert_eq!(ids.get(1234), "nœud-1234");
        assert!(ids.heap_bytes() >= ids.arena.len() + 10_000 * 4);
    }
}
