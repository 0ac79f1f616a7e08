//! The heights of an article's paragraphs and where each one starts: a Fenwick tree of
//! heights, so measuring one paragraph and finding the paragraph at a scroll position
//! both take O(log n), however long the article.

pub struct Heights {
    /// Height of each entry (paragraph plus the gap after it).
    values: Vec<f64>,
    /// 1-based Fenwick tree over `values`.
    tree: Vec<f64>,
}

impl Heights {
    pub fn new(values: Vec<f32>) -> Self {
        let values: Vec<f64> = values.into_iter().map(f64::from).collect();
        let mut tree = vec![0.0; values.len() + 1];
        for (i, v) in values.iter().enumerate() {
            tree[i + 1] += v;
            let parent = (i + 1) + ((i + 1) & (i + 1).wrapping_neg());
            if parent < tree.len() {
                tree[parent] += tree[i + 1];
            }
        }
        Self { values, tree }
    }

    pub fn get(&self, i: usize) -> f32 {
        self.values[i] as f32
    }

    pub fn set(&mut self, i: usize, value: f32) {
        let delta = f64::from(value) - self.values[i];
        self.values[i] = f64::from(value);
        let mut k = i + 1;
        while k < self.tree.len() {
            self.tree[k] += delta;
            k += k & k.wrapping_neg();
        }
    }

    /// Where entry `i` starts: the sum of the entries before it.
    pub fn top(&self, i: usize) -> f32 {
        let mut sum = 0.0;
        let mut k = i.min(self.values.len());
        while k > 0 {
            sum += self.tree[k];
            k -= k & k.wrapping_neg();
        }
        sum as f32
    }

    pub fn total(&self) -> f32 {
        self.top(self.values.len())
    }

    /// The entry `distance` above the top of entry `i` (the first entry at the latest):
    /// found by walking the heights one by one, which for a short distance touches
    /// less memory than a search of the tree.
    pub fn back_from(&self, i: usize, distance: f32) -> usize {
        let mut i = i.min(self.values.len().saturating_sub(1));
        let mut left = f64::from(distance);
        while i > 0 && left > 0.0 {
            i -= 1;
            left -= self.values[i];
        }
        i
    }

    /// The entry `distance` below the bottom of entry `i` (the last entry at the
    /// latest), walking as [`Self::back_from`] does.
    pub fn forward_from(&self, i: usize, distance: f32) -> usize {
        let last = self.values.len().saturating_sub(1);
        let mut i = i.min(last);
        let mut left = f64::from(distance);
        while i < last && left > 0.0 {
            i += 1;
            left -= self.values[i];
        }
        i
    }

    /// The entry at height `y`: the last one starting at or above it.
    pub fn index_at(&self, y: f32) -> usize {
        let y = f64::from(y);
        let mut pos = 0;
        let mut remaining = y;
        let mut step = self.tree.len().next_power_of_two() / 2;
        while step > 0 {
            let next = pos + step;
            if next < self.tree.len() && self.tree[next] <= remaining {
                pos = next;
                remaining -= self.tree[next];
            }
            step /= 2;
        }
        pos.min(self.values.len().saturating_sub(1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefix_sums_and_search_match_a_plain_scan() {
        let values: Vec<f32> = (0..1000).map(|i| ((i * 37) % 50 + 10) as f32).collect();
        let mut h = Heights::new(values.clone());
        let mut plain = values;
        for (i, v) in [(3, 100.0), (999, 1.0), (0, 7.5), (512, 300.0)] {
            h.set(i, v);
            plain[i] = v;
        }
        let mut top = 0.0;
        for (i, v) in plain.iter().enumerate() {
            assert!((h.top(i) - top).abs() < 1e-3, "top {i}");
            assert_eq!(h.index_at(top), i, "at the start of {i}");
            assert_eq!(h.index_at(top + v - 0.01), i, "inside {i}");
            top += v;
        }
        assert!((h.total() - top).abs() < 1e-3);
        // Walking from an entry agrees with searching from its edge.
        for (i, d) in [
            (500, 0.0),
            (500, 1.0),
            (500, 333.3),
            (3, 10_000.0),
            (998, 77.0),
        ] {
            assert_eq!(
                h.back_from(i, d),
                h.index_at(h.top(i) - d).min(i),
                "back {i} {d}"
            );
            let bottom = h.top(i + 1);
            let forward = h.index_at(bottom + d - 1e-3).max(i);
            assert_eq!(h.forward_from(i, d), forward, "forward {i} {d}");
        }
        assert_eq!(h.index_at(top + 100.0), 999, "past the end: the last");
        assert_eq!(h.index_at(-5.0), 0);
    }
}
