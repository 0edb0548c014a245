//! Lists of items kept in chunks of a fixed size from one shared pool: a list that empties gives
//! its chunks back for any list to reuse, so lists whose lengths come and go (the slots of a
//! timing wheel) hold about what they contain, and a list never moves its items to grow.

/// Items per chunk (a power of two).
const CHUNK: usize = 256;

/// Lists of items of type `I`, in chunks of [`CHUNK`].
#[derive(Debug)]
pub(super) struct ChunkedLists<I> {
    /// The chunks' items: chunk `c` is `items[c * CHUNK..(c + 1) * CHUNK]`.
    items: Vec<I>,
    /// Chunks no list holds, the last freed on top (still in cache).
    free: Vec<u32>,
    /// Each list's chunks, in order.
    chunks: Vec<Vec<u32>>,
    /// Each list's length and last chunk (read on every push: kept apart, small and in cache).
    ends: Vec<End>,
    /// Scratch room for sorting a list, kept between sorts.
    scratch: Vec<I>,
}

/// A list's length and last chunk.
#[derive(Debug, Clone, Copy, Default)]
struct End {
    /// Items in the list.
    len: u32,
    /// Its last chunk (meaningless while it is empty).
    tail: u32,
}

impl<I: Copy> ChunkedLists<I> {
    /// `count` empty lists.
    pub(super) fn new(count: usize) -> Self {
        Self {
            items: Vec::new(),
            free: Vec::new(),
            chunks: vec![Vec::new(); count],
            ends: vec![End::default(); count],
            scratch: Vec::new(),
        }
    }

    /// Item `index` of list `list`, if it has that many.
    pub(super) fn get(&self, list: usize, index: usize) -> Option<I> {
        if index >= self.ends[list].len as usize {
            return None;
        }
        let chunk = self.chunks[list][index / CHUNK] as usize;
        Some(self.items[chunk * CHUNK + index % CHUNK])
    }

    /// Appends `item` to list `list`; returns the item that was last before, if any.
    pub(super) fn push(&mut self, list: usize, item: I) -> Option<I> {
        let End { len, tail } = self.ends[list];
        let at = len as usize % CHUNK;
        let before = (len > 0).then(|| self.items[tail as usize * CHUNK + (at + CHUNK - 1) % CHUNK]);
        let tail = match at {
            0 => {
                let chunk = self.free.pop().unwrap_or_else(|| self.new_chunk(item));
                self.chunks[list].push(chunk);
                chunk
            }
            _ => tail,
        };
        self.items[tail as usize * CHUNK + at] = item;
        self.ends[list] = End { len: len + 1, tail };
        before
    }

    /// Empties list `list`, giving its chunks back.
    pub(super) fn clear(&mut self, list: usize) {
        self.free.append(&mut self.chunks[list]);
        self.ends[list].len = 0;
    }

    /// Sorts list `list` stably by `key`.
    pub(super) fn sort_by_key<K: Ord>(&mut self, list: usize, key: impl FnMut(&I) -> K) {
        let len = self.ends[list].len as usize;
        let chunks = &self.chunks[list];
        self.scratch.clear();
        self.scratch
            .extend((0..len).map(|index| self.items[chunks[index / CHUNK] as usize * CHUNK + index % CHUNK]));
        self.scratch.sort_by_key(key);
        for (index, &item) in self.scratch.iter().enumerate() {
            self.items[chunks[index / CHUNK] as usize * CHUNK + index % CHUNK] = item;
        }
    }

    /// Bytes of heap held.
    pub(super) fn heap_bytes(&self) -> usize {
        (self.items.capacity() + self.scratch.capacity()) * std::mem::size_of::<I>()
            + self.free.capacity() * 4
            + self.chunks.iter().map(Vec::capacity).sum::<usize>() * 4
            + self.chunks.capacity() * std::mem::size_of::<Vec<u32>>()
            + self.ends.capacity() * std::mem::size_of::<End>()
    }

    /// A chunk more, its items set to `item` until used; grows the buffer by a quarter at a time
    /// (the pool only grows to the most items ever held at once).
    fn new_chunk(&mut self, item: I) -> u32 {
        let chunk = self.items.len() / CHUNK;
        if self.items.capacity() - self.items.len() < CHUNK {
            self.items.reserve_exact((chunk / 4).max(16) * CHUNK);
        }
        self.items.resize(self.items.len() + CHUNK, item);
        chunk as u32
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_keep_their_order_across_chunks_and_reuse_the_chunks_of_emptied_ones() {
        let mut lists = ChunkedLists::new(3);
        for item in 0..600u32 {
            let before = lists.push((item % 2) as usize, item);
            assert_eq!(before, item.checked_sub(2), "the item pushed before to the same list");
        }
        assert_eq!((lists.get(0, 299), lists.get(0, 300), lists.get(1, 299)), (Some(598), None, Some(599)));
        assert_eq!(lists.get(2, 0), None);
        let held = lists.items.len();
        lists.clear(0);
        for item in 0..300 {
            lists.push(2, item);
        }
        assert_eq!(lists.items.len(), held, "list 2 took list 0's chunks");
        assert_eq!((lists.get(0, 0), lists.get(2, 257)), (None, Some(257)));
    }

    #[test]
    fn sorting_keeps_equal_keys_in_insertion_order() {
        let mut lists = ChunkedLists::new(1);
        for item in 0..1000u32 {
            lists.push(0, (item % 7, item));
        }
        lists.sort_by_key(0, |&(key, _)| key);
        let sorted: Vec<_> = (0..1000).map_while(|i| lists.get(0, i)).collect();
        let mut expected: Vec<_> = (0..1000).map(|item| (item % 7, item)).collect();
        expected.sort_by_key(|&(key, _)| key);
        assert_eq!(sorted, expected);
    }
}
