//! Krippendorff's unitizing alpha (α_u) on one continuum of code points, as
//! Krippendorff (1995, 2004) defines it and DKPro Statistics implements it
//! (`KrippendorffAlphaUnitizingAgreement`, the measure INCEpTION reports).
//!
//! Each coder cuts the continuum, per category, into units (what they marked) and gaps
//! (the rest). The observed disagreement sums, over every pair of coders and every
//! pair of their sections that meet, the squared differences of the sections' starts
//! and ends (two units that overlap), or a unit's squared length (a unit inside the
//! other coder's gap). The expected disagreement is what the same units would give if
//! they were placed at random. Sums are kept in exact integers and divided once at the
//! end, so long documents lose no precision.
//!
//! Units of one coder and category must not overlap: [`Continuum::add`] merges those
//! that do into one (the caller counts them, see [`Continuum::merged`]).

use std::collections::BTreeMap;

/// One category's units on a continuum `[begin, begin + len)`, per coder.
#[derive(Clone, Debug)]
pub struct Continuum {
    begin: u64,
    len: u64,
    /// Per coder, its units as `(start, end)`, sorted and apart.
    coders: Vec<Vec<(u64, u64)>>,
    /// How many units were merged into others because they overlapped.
    merged: usize,
}

/// The two disagreements of one category, and α_u from them.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Disagreement {
    pub observed: f64,
    pub expected: f64,
}

impl Disagreement {
    /// α_u = 1 − D_o / D_e. Where nothing is expected to disagree (no units at all, or
    /// one unit filling everything) it is not defined: `None`.
    pub fn alpha(self) -> Option<f64> {
        (self.expected > 0.0).then(|| 1.0 - self.observed / self.expected)
    }
}

impl Continuum {
    /// An empty continuum of `len` positions from `begin`, for `coders` coders.
    pub fn new(begin: u64, len: u64, coders: usize) -> Self {
        Self {
            begin,
            len,
            coders: vec![Vec::new(); coders],
            merged: 0,
        }
    }

    /// Adds coder `coder`'s unit `[start, end)` (clipped to the continuum; empty ones
    /// are ignored). A unit overlapping one of the coder's own is merged with it.
    pub fn add(&mut self, coder: usize, start: u64, end: u64) {
        let start = start.max(self.begin);
        let end = end.min(self.begin + self.len);
        if start < end
            && let Some(units) = self.coders.get_mut(coder)
        {
            units.push((start, end));
        }
    }

    /// How many units overlapped another of the same coder and were merged into it.
    pub fn merged(&mut self) -> usize {
        self.normalise();
        self.merged
    }

    /// Sorts each coder's units and merges those that overlap (touching ones stay two).
    fn normalise(&mut self) {
        for units in &mut self.coders {
            units.sort_unstable();
            let mut out: Vec<(u64, u64)> = Vec::with_capacity(units.len());
            for &(start, end) in units.iter() {
                match out.last_mut() {
                    Some(last) if start < last.1 => {
                        last.1 = last.1.max(end);
                        self.merged += 1;
                    }
                    _ => out.push((start, end)),
                }
            }
            *units = out;
        }
    }

    /// Coder `coder`'s sections in order: `(start, end, is_unit)`, covering the whole
    /// continuum.
    fn sections(&self, coder: usize) -> Vec<(u64, u64, bool)> {
        let mut out = Vec::with_capacity(2 * self.coders[coder].len() + 1);
        let mut at = self.begin;
        for &(start, end) in &self.coders[coder] {
            if at < start {
                out.push((at, start, false));
            }
            out.push((start, end, true));
            at = end;
        }
        if at < self.begin + self.len {
            out.push((at, self.begin + self.len, false));
        }
        out
    }

    /// The observed and expected disagreement of this category.
    pub fn disagreement(&mut self) -> Disagreement {
        self.normalise();
        Disagreement {
            observed: self.observed(),
            expected: self.expected(),
        }
    }

    fn observed(&self) -> f64 {
        let coders = self.coders.len();
        if coders < 2 || self.len == 0 {
            return 0.0;
        }
        let mut sum: u128 = 0;
        for a in 0..coders {
            let first = self.sections(a);
            for b in a + 1..coders {
                let second = self.sections(b);
                let (mut i, mut j) = (0, 0);
                while i < first.len() && j < second.len() {
                    sum += distance(first[i], second[j]);
                    if first[i].1 <= second[j].1 {
                        i += 1;
                    } else {
                        j += 1;
                    }
                }
            }
        }
        let (r, l) = (coders as f64, self.len as f64);
        2.0 * sum as f64 / (r * (r - 1.0) * l * l)
    }

    fn expected(&self) -> f64 {
        let coders = self.coders.len() as u128;
        let len = u128::from(self.len);
        let units: Vec<u128> = self
            .coders
            .iter()
            .flatten()
            .map(|&(s, e)| u128::from(e - s))
            .collect();
        let count = units.len() as u128;
        if count == 0 || len == 0 {
            return 0.0;
        }
        // Every coder's gaps, longest first, with running sums: the gaps at least as
        // long as a unit are a prefix.
        let mut gaps: Vec<u128> = (0..self.coders.len())
            .flat_map(|c| self.sections(c))
            .filter(|s| !s.2)
            .map(|(s, e, _)| u128::from(e - s))
            .collect();
        gaps.sort_unstable_by(|a, b| b.cmp(a));
        let mut prefix = Vec::with_capacity(gaps.len() + 1);
        prefix.push(0u128);
        for g in &gaps {
            prefix.push(prefix[prefix.len() - 1] + g);
        }
        let mut total: u128 = 0;
        let mut squares: u128 = 0;
        for &l in &units {
            squares += l * (l - 1);
            // (N_c − 1)(2l³ − 3l² + l) / 3 = (N_c − 1) · l(l − 1)(2l − 1) / 3, exact.
            total += (count - 1) * (l * (l - 1) * (2 * l - 1) / 3);
            // l² · Σ over gaps g ≥ l of (g − l + 1).
            let longer = gaps.partition_point(|&g| g >= l);
            let fit = prefix[longer] - (l - 1) * longer as u128;
            total += l * l * fit;
        }
        let all = coders * len;
        let denominator = (all * (all - 1)).saturating_sub(squares);
        if denominator == 0 {
            return 0.0;
        }
        2.0 * total as f64 / len as f64 / denominator as f64
    }
}

/// The distance of two coders' sections that meet: `(start, end, is_unit)`.
fn distance(a: (u64, u64, bool), b: (u64, u64, bool)) -> u128 {
    let (a_start, a_end, a_unit) = (i128::from(a.0), i128::from(a.1), a.2);
    let (b_start, b_end, b_unit) = (i128::from(b.0), i128::from(b.1), b.2);
    let squared = |x: i128| x.unsigned_abs() * x.unsigned_abs();
    match (a_unit, b_unit) {
        // Two units that overlap: their starts and their ends differ.
        (true, true) if a_start < b_end && b_start < a_end => {
            squared(a_start - b_start) + squared(a_end - b_end)
        }
        // A unit inside the other coder's gap: all of it disagrees.
        (true, false) if b_start <= a_start && a_end <= b_end => squared(a_end - a_start),
        (false, true) if a_start <= b_start && b_end <= a_end => squared(b_end - b_start),
        _ => 0,
    }
}

/// α_u over several categories: `1 − mean(D_o) / mean(D_e)`, with the categories'
/// own figures.
pub fn overall(per_category: &BTreeMap<String, Disagreement>) -> Option<f64> {
    let n = per_category.len() as f64;
    let observed: f64 = per_category.values().map(|d| d.observed).sum::<f64>() / n;
    let expected: f64 = per_category.values().map(|d| d.expected).sum::<f64>() / n;
    (expected > 0.0).then(|| 1.0 - observed / expected)
}

#[cfg(test)]
mod tests;
