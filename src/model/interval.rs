//! An interval index over a document's spans: which spans touch a paragraph, a range or
//! a point, in O(log n + k), updated span by span as edits come (no rebuild).
//!
//! A treap (a binary search tree balanced by random priorities) keyed by
//! (start, end, id), each node also holding the largest end in its subtree, so a query
//! skips every subtree whose spans all end before the range begins.

use super::offsets::{CharOffset, CharRange};
use super::span::SpanId;
use std::fmt;

const NIL: u32 = u32::MAX;

#[derive(Clone)]
struct Node {
    start: usize,
    end: usize,
    id: SpanId,
    max_end: usize,
    priority: u32,
    left: u32,
    right: u32,
}

impl Node {
    fn key(&self) -> (usize, usize, SpanId) {
        (self.start, self.end, self.id)
    }
}

#[derive(Clone)]
pub struct IntervalIndex {
    nodes: Vec<Node>,
    free: Vec<u32>,
    root: u32,
    len: usize,
    seed: u64,
}

impl Default for IntervalIndex {
    fn default() -> Self {
        Self {
            nodes: Vec::new(),
            free: Vec::new(),
            root: NIL,
            len: 0,
            seed: 0x9E37_79B9_7F4A_7C15,
        }
    }
}

impl fmt::Debug for IntervalIndex {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "IntervalIndex({} spans)", self.len)
    }
}

impl IntervalIndex {
    pub fn with_capacity(capacity: usize) -> Self {
        Self {
            nodes: Vec::with_capacity(capacity),
            ..Self::default()
        }
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    fn next_priority(&mut self) -> u32 {
        // xorshift64: the shape only needs to look random, and stays deterministic.
        self.seed ^= self.seed << 13;
        self.seed ^= self.seed >> 7;
        self.seed ^= self.seed << 17;
        (self.seed >> 32) as u32
    }

    fn max_end(&self, t: u32) -> usize {
        if t == NIL {
            0
        } else {
            self.nodes[t as usize].max_end
        }
    }

    fn update(&mut self, t: u32) {
        let (l, r) = {
            let n = &self.nodes[t as usize];
            (n.left, n.right)
        };
        let max = self.nodes[t as usize]
            .end
            .max(self.max_end(l))
            .max(self.max_end(r));
        self.nodes[t as usize].max_end = max;
    }

    /// Splits `t` into keys `< key` and keys `>= key`.
    fn split(&mut self, t: u32, key: (usize, usize, SpanId)) -> (u32, u32) {
        if t == NIL {
            return (NIL, NIL);
        }
        if self.nodes[t as usize].key() < key {
            let right = self.nodes[t as usize].right;
            let (a, b) = self.split(right, key);
            self.nodes[t as usize].right = a;
            self.update(t);
            (t, b)
        } else {
            let left = self.nodes[t as usize].left;
            let (a, b) = self.split(left, key);
            self.nodes[t as usize].left = b;
            self.update(t);
            (a, t)
        }
    }

    /// Joins two treaps where every key of `a` is below every key of `b`.
    fn merge(&mut self, a: u32, b: u32) -> u32 {
        if a == NIL {
            return b;
        }
        if b == NIL {
            return a;
        }
        if self.nodes[a as usize].priority > self.nodes[b as usize].priority {
            let right = self.nodes[a as usize].right;
            let merged = self.merge(right, b);
            self.nodes[a as usize].right = merged;
            self.update(a);
            a
        } else {
            let left = self.nodes[b as usize].left;
            let merged = self.merge(a, left);
            self.nodes[b as usize].left = merged;
            self.update(b);
            b
        }
    }

    pub fn insert(&mut self, range: CharRange, id: SpanId) {
        let priority = self.next_priority();
        let node = Node {
            start: range.start.0,
            end: range.end.0,
            id,
            max_end: range.end.0,
            priority,
            left: NIL,
            right: NIL,
        };
        let slot = match self.free.pop() {
            Some(slot) => {
                self.nodes[slot as usize] = node;
                slot
            }
            None => {
                self.nodes.push(node);
                // More than four billion spans in one document is not a case we meet.
                u32::try_from(self.nodes.len() - 1).unwrap_or(NIL - 1)
            }
        };
        let key = self.nodes[slot as usize].key();
        let (a, b) = self.split(self.root, key);
        let left = self.merge(a, slot);
        self.root = self.merge(left, b);
        self.len += 1;
    }

    /// Removes the entry for span `id` at `range`; false if it is not there.
    pub fn remove(&mut self, range: CharRange, id: SpanId) -> bool {
        let key = (range.start.0, range.end.0, id);
        let (a, rest) = self.split(self.root, key);
        let next = (range.start.0, range.end.0, SpanId(id.0.saturating_add(1)));
        let (middle, b) = self.split(rest, next);
        let found = middle != NIL;
        if found {
            self.free.push(middle);
            self.len -= 1;
        }
        self.root = self.merge(a, b);
        found
    }

    /// Every entry overlapping `range` (a span overlaps when it starts before the range
    /// ends and ends after it starts), in (start, end, id) order.
    pub fn overlapping(&self, range: CharRange) -> Vec<(CharRange, SpanId)> {
        let mut out = Vec::new();
        self.collect(self.root, range.start.0, range.end.0, &mut out);
        out
    }

    /// Every entry containing code point `at`.
    pub fn at(&self, at: CharOffset) -> Vec<(CharRange, SpanId)> {
        self.overlapping(CharRange::new(at.0, at.0 + 1))
    }

    fn collect(&self, t: u32, a: usize, b: usize, out: &mut Vec<(CharRange, SpanId)>) {
        if t == NIL || self.nodes[t as usize].max_end <= a {
            return;
        }
        let n = &self.nodes[t as usize];
        self.collect(n.left, a, b, out);
        if n.start >= b {
            return;
        }
        if n.end > a {
            out.push((CharRange::new(n.start, n.end), n.id));
        }
        self.collect(n.right, a, b, out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn brute(spans: &[(CharRange, SpanId)], range: CharRange) -> Vec<(CharRange, SpanId)> {
        let mut out: Vec<_> = spans
            .iter()
            .filter(|(r, _)| r.start < range.end && r.end > range.start)
            .copied()
            .collect();
        out.sort_by_key(|(r, id)| (r.start, r.end, *id));
        out
    }

    proptest! {
        #[test]
        fn agrees_with_a_brute_force_scan(
            ops in prop::collection::vec((0usize..300, 1usize..80, any::<bool>()), 1..300),
            queries in prop::collection::vec((0usize..400, 0usize..60), 1..40),
        ) {
            let mut index = IntervalIndex::default();
            let mut live: Vec<(CharRange, SpanId)> = Vec::new();
            for (i, (start, len, remove)) in ops.into_iter().enumerate() {
                if remove && !live.is_empty() {
                    let (range, id) = live.remove(start % live.len());
                    prop_assert!(index.remove(range, id));
                } else {
                    let entry = (CharRange::new(start, start + len), SpanId(i as u64 + 1));
                    index.insert(entry.0, entry.1);
                    live.push(entry);
                }
                prop_assert_eq!(index.len(), live.len());
            }
            for (start, len) in queries {
                let range = CharRange::new(start, start + len.max(1));
                prop_assert_eq!(index.overlapping(range), brute(&live, range));
                prop_assert_eq!(index.at(CharOffset(start)), brute(&live, CharRange::new(start, start + 1)));
            }
        }
    }

    #[test]
    fn removing_what_is_not_there_changes_nothing() {
        let mut index = IntervalIndex::default();
        index.insert(CharRange::new(0, 10), SpanId(1));
        assert!(!index.remove(CharRange::new(0, 10), SpanId(2)));
        assert!(!index.remove(CharRange::new(0, 9), SpanId(1)));
        assert_eq!(index.len(), 1);
        assert!(index.remove(CharRange::new(0, 10), SpanId(1)));
        assert!(index.is_empty());
        assert_eq!(index.overlapping(CharRange::new(0, 100)), []);
    }

    #[test]
    fn a_long_span_is_found_from_far_inside() {
        let mut index = IntervalIndex::default();
        index.insert(CharRange::new(0, 1_000_000), SpanId(1));
        for i in 0..1000 {
            index.insert(CharRange::new(i * 10 + 5, i * 10 + 7), SpanId(i as u64 + 2));
        }
        let hits = index.at(CharOffset(999_999));
        assert_eq!(hits, [(CharRange::new(0, 1_000_000), SpanId(1))]);
        assert_eq!(index.at(CharOffset(5006)).len(), 2);
    }
}
