//! F1 between two coders' spans of one label in one document: exact (the same range)
//! and overlap (ranges that share at least one code point, matched one to one).
//!
//! Overlap matching: every pair of spans that overlap is a candidate; candidates are
//! taken greedily by the length they share (longest first, then by the first span's
//! start, then the second's), each span at most once. That is the maximum-overlap
//! matching in all but contrived cases, and it is deterministic.

use crate::model::CharRange;
use std::collections::{BTreeMap, HashSet};

/// True and false positives and negatives of coder B against coder A (F1 is symmetric:
/// B's false positives are A's false negatives).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub tp: usize,
    pub fp: usize,
    pub fn_: usize,
}

impl Counts {
    /// 2·TP / (2·TP + FP + FN); `None` when neither coder has a span.
    pub fn f1(self) -> Option<f64> {
        let all = 2 * self.tp + self.fp + self.fn_;
        (all > 0).then(|| 2.0 * self.tp as f64 / all as f64)
    }

    pub fn add(&mut self, other: Counts) {
        self.tp += other.tp;
        self.fp += other.fp;
        self.fn_ += other.fn_;
    }
}

/// F1 of every pair of coders, summed and averaged.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PairF1 {
    /// Per pair `(coder a, coder b)`: the counts of b against a.
    pub pairs: BTreeMap<(usize, usize), Counts>,
}

impl PairF1 {
    pub(crate) fn add(&mut self, pair: (usize, usize), counts: Counts) {
        self.pairs.entry(pair).or_default().add(counts);
    }

    /// TP, FP and FN summed over the pairs.
    pub fn total(&self) -> Counts {
        let mut total = Counts::default();
        for c in self.pairs.values() {
            total.add(*c);
        }
        total
    }

    /// The mean over the pairs of each pair's F1 (pairs where neither has a span are
    /// left out).
    pub fn mean(&self) -> Option<f64> {
        let f1s: Vec<f64> = self.pairs.values().filter_map(|c| c.f1()).collect();
        (!f1s.is_empty()).then(|| f1s.iter().sum::<f64>() / f1s.len() as f64)
    }
}

/// Exact matches: the same range (the label is the caller's filter). Ranges a coder
/// gave twice count once.
pub fn exact(a: &[CharRange], b: &[CharRange]) -> Counts {
    let a: HashSet<CharRange> = a.iter().copied().collect();
    let b: HashSet<CharRange> = b.iter().copied().collect();
    let tp = a.intersection(&b).count();
    Counts {
        tp,
        fp: b.len() - tp,
        fn_: a.len() - tp,
    }
}

/// The pairs `(index in a, index in b)` that exact matching pairs, in `a`'s order.
pub fn exact_pairs(a: &[CharRange], b: &[CharRange]) -> Vec<(usize, usize)> {
    let mut used = vec![false; b.len()];
    let mut pairs = Vec::new();
    for (i, ra) in a.iter().enumerate() {
        if let Some(j) = (0..b.len()).find(|&j| !used[j] && b[j] == *ra) {
            used[j] = true;
            pairs.push((i, j));
        }
    }
    pairs
}

/// Overlap matches, one to one (see the module's note on how).
pub fn overlap(a: &[CharRange], b: &[CharRange]) -> Counts {
    let tp = overlap_pairs(a, b).len();
    Counts {
        tp,
        fp: b.len() - tp,
        fn_: a.len() - tp,
    }
}

/// The pairs overlap matching makes.
pub fn overlap_pairs(a: &[CharRange], b: &[CharRange]) -> Vec<(usize, usize)> {
    let mut a_sorted: Vec<usize> = (0..a.len()).collect();
    a_sorted.sort_by_key(|&i| a[i]);
    let mut b_sorted: Vec<usize> = (0..b.len()).collect();
    b_sorted.sort_by_key(|&j| b[j]);
    // Candidates: for each span of a, the spans of b that start before it ends and end
    // after it starts (b sorted by start: stop at the first that starts at its end).
    let mut candidates: Vec<(usize, usize, usize)> = Vec::new();
    for &i in &a_sorted {
        let ra = a[i];
        for &j in &b_sorted {
            let rb = b[j];
            if rb.start >= ra.end {
                break;
            }
            if rb.end > ra.start {
                let shared = ra.end.0.min(rb.end.0) - ra.start.0.max(rb.start.0);
                candidates.push((shared, i, j));
            }
        }
    }
    candidates.sort_by(|x, y| {
        y.0.cmp(&x.0)
            .then(a[x.1].cmp(&a[y.1]))
            .then(b[x.2].cmp(&b[y.2]))
    });
    let (mut used_a, mut used_b) = (vec![false; a.len()], vec![false; b.len()]);
    let mut pairs = Vec::new();
    for (_, i, j) in candidates {
        if !used_a[i] && !used_b[j] {
            used_a[i] = true;
            used_b[j] = true;
            pairs.push((i, j));
        }
    }
    pairs.sort_unstable();
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(start: usize, end: usize) -> CharRange {
        CharRange::new(start, end)
    }

    #[test]
    fn exact_by_hand() {
        let a = [r(0, 4), r(10, 20), r(30, 35)];
        let b = [r(0, 4), r(10, 21), r(40, 45), r(50, 55)];
        let c = exact(&a, &b);
        assert_eq!(
            c,
            Counts {
                tp: 1,
                fp: 3,
                fn_: 2
            }
        );
        // 2·1 / (2·1 + 3 + 2)
        assert!((c.f1().unwrap() - 2.0 / 7.0).abs() < 1e-12);
        assert_eq!(exact(&a, &a).f1(), Some(1.0));
        assert_eq!(exact(&[], &[]).f1(), None);
        assert_eq!(exact(&a, &[]).f1(), Some(0.0));
    }

    #[test]
    fn overlap_by_hand_matches_one_to_one() {
        let a = [r(0, 10), r(20, 30)];
        // 5–25 overlaps both of a; 22–28 overlaps only 20–30 and shares more with it.
        let b = [r(5, 25), r(22, 28)];
        assert_eq!(overlap_pairs(&a, &b), [(0, 0), (1, 1)]);
        assert_eq!(
            overlap(&a, &b),
            Counts {
                tp: 2,
                fp: 0,
                fn_: 0
            }
        );
        // One span of b over two of a: one match, not two.
        let wide = [r(0, 30)];
        assert_eq!(
            overlap(&a, &wide),
            Counts {
                tp: 1,
                fp: 0,
                fn_: 1
            }
        );
        // Touching is not overlapping.
        assert_eq!(
            overlap(&[r(0, 5)], &[r(5, 9)]),
            Counts {
                tp: 0,
                fp: 1,
                fn_: 1
            }
        );
    }

    #[test]
    fn f1_is_symmetric() {
        let a = [r(0, 4), r(10, 20), r(30, 35)];
        let b = [r(1, 4), r(10, 20), r(40, 45)];
        for f in [exact, overlap] {
            assert_eq!(f(&a, &b).f1(), f(&b, &a).f1());
        }
    }
}
