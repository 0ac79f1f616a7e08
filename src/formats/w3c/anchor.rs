//! Anchoring a W3C annotation in a document's text: [`anchor`] keeps the position when
//! the quote is there, else finds the occurrence of `exact` whose `prefix` and `suffix`
//! match best through a [`QuoteFinder`], an index of the document's text built once
//! and only when a position is wrong.

use crate::model::{ByteOffset, CharRange, Document};
use serde_json::Value;
use std::cmp::Reverse;

/// Characters of a quote's `prefix` and `suffix` compared when anchoring (other tools
/// write 32 or so; more would only make a crafted file slow).
const MAX_CONTEXT: usize = 256;

/// Where an annotation is in `doc`, with its text there: its position if the quote is
/// there (or there is no quote), else the occurrence of the quote with the
/// best-matching context, nearest the position.
pub(super) fn anchor<'d>(
    doc: &'d Document,
    finder: &mut Option<QuoteFinder>,
    position: Option<&Value>,
    quote: Option<&Value>,
) -> Option<(CharRange, &'d str)> {
    let at = position.and_then(|p| {
        let start = usize::try_from(p["start"].as_u64()?).ok()?;
        let end = usize::try_from(p["end"].as_u64()?).ok()?;
        Some(CharRange::new(start, end))
    });
    let exact = quote.and_then(|q| q["exact"].as_str());
    if let Some(range) = at.filter(|r| !r.is_empty())
        && let Some(slice) = doc.slice(range)
        && exact.is_none_or(|e| e == slice)
    {
        return Some((range, slice));
    }
    let exact = exact.filter(|e| !e.is_empty())?;
    let context = |key: &str| quote.and_then(|q| q[key].as_str()).unwrap_or("");
    let text = doc.text();
    let finder = finder.get_or_insert_with(|| QuoteFinder::new(text));
    let wanted = at.map_or(0, |r| r.start.0);
    let byte = finder.best(doc, exact, context("prefix"), context("suffix"), wanted)?;
    let start = doc.offsets().from_byte(text, ByteOffset(byte))?;
    let range = CharRange::new(start.0, start.0 + exact.chars().count());
    Some((range, text.get(byte..byte + exact.len())?))
}

/// Bytes a [`QuoteFinder`] window holds.
const WINDOW: usize = 8;
/// Windows of a quote looked up to find its rarest one.
const PROBES: usize = 16;

/// Finds quotes in one text: every 8-byte window of the text that starts a character,
/// as a 32-bit hash of the window and its byte position packed in one `u64`, sorted;
/// the occurrences of a quote are among those of its rarest window (a hash collision
/// only adds a candidate: each is checked against the text). Built once per document
/// (8 bytes per character; a 4 MB text takes a few tenths of a second), it makes each
/// search about the number of candidates rather than the length of the text. UTF-8
/// makes byte matching exact: a match of a whole quote always starts on a character
/// boundary.
pub(super) struct QuoteFinder {
    /// `hash << 32 | position`, sorted; empty for a text of 4 GB or more, which is
    /// searched by a scan instead.
    windows: Vec<u64>,
}

impl QuoteFinder {
    pub(super) fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        let mut windows: Vec<u64> = Vec::new();
        if u32::try_from(text.len()).is_ok() {
            windows = text
                .char_indices()
                .filter_map(|(i, _)| {
                    let hash = window_hash(bytes.get(i..i + WINDOW)?);
                    Some(u64::from(hash) << 32 | i as u64)
                })
                .collect();
            windows.sort_unstable();
        }
        Self { windows }
    }

    /// The byte positions of `needle` in `text`, overlapping ones included, ascending.
    pub(super) fn occurrences(&self, text: &str, needle: &str) -> Vec<usize> {
        let mut found = Vec::new();
        if needle.is_empty() || needle.len() > text.len() {
            return found;
        }
        if needle.len() < WINDOW || self.windows.is_empty() {
            // Too short for a window (or no index): a scan, resumed a character after
            // each match so overlapping ones count.
            let step = needle.chars().next().map_or(1, char::len_utf8);
            let mut from = 0;
            while let Some(i) = text.get(from..).and_then(|rest| rest.find(needle)) {
                found.push(from + i);
                from += i + step;
            }
            return found;
        }
        // The rarest of a few windows of the needle, spread over it.
        let starts: Vec<usize> = needle
            .char_indices()
            .map(|(i, _)| i)
            .take_while(|&i| i + WINDOW <= needle.len())
            .collect();
        let stride = starts.len().div_ceil(PROBES).max(1);
        let (offset, run) = starts
            .iter()
            .step_by(stride)
            .map(|&j| (j, self.run(window_hash(&needle.as_bytes()[j..j + WINDOW]))))
            .min_by_key(|(_, run)| run.len())
            .unwrap_or((0, &[]));
        for &packed in run {
            let at = (packed & u64::from(u32::MAX)) as usize;
            if let Some(start) = at.checked_sub(offset)
                && text.as_bytes()[start..].starts_with(needle.as_bytes())
            {
                found.push(start);
            }
        }
        found
    }

    /// The windows of hash `hash`, ascending by position.
    fn run(&self, hash: u32) -> &[u64] {
        let hash = u64::from(hash);
        let first = self.windows.partition_point(|&w| w >> 32 < hash);
        let last = first + self.windows[first..].partition_point(|&w| w >> 32 == hash);
        &self.windows[first..last]
    }

    /// The byte where `exact` is best anchored in `doc`: where most of its `prefix`
    /// and `suffix` match, then nearest the code point `wanted`.
    fn best(
        &self,
        doc: &Document,
        exact: &str,
        prefix: &str,
        suffix: &str,
        wanted: usize,
    ) -> Option<usize> {
        let text = doc.text();
        let prefix_chars = prefix.chars().count();
        let prefix = match prefix
            .char_indices()
            .nth(prefix_chars.saturating_sub(MAX_CONTEXT))
        {
            Some((i, _)) => &prefix[i..],
            None => "",
        };
        let suffix = match suffix.char_indices().nth(MAX_CONTEXT) {
            Some((i, _)) => &suffix[..i],
            None => suffix,
        };
        let distance = |byte: usize| {
            doc.offsets()
                .from_byte(text, ByteOffset(byte))
                .map_or(usize::MAX, |c| c.0.abs_diff(wanted))
        };
        // Every occurrence with the whole context scores best: look for those first,
        // which are few, before scoring every occurrence of the quote alone.
        if !prefix.is_empty() || !suffix.is_empty() {
            let whole = format!("{prefix}{exact}{suffix}");
            let best = self
                .occurrences(text, &whole)
                .into_iter()
                .map(|i| i + prefix.len())
                .max_by_key(|&i| (Reverse(distance(i)), i));
            if best.is_some() {
                return best;
            }
        }
        self.occurrences(text, exact).into_iter().max_by_key(|&i| {
            let before = prefix
                .chars()
                .rev()
                .zip(text[..i].chars().rev())
                .take_while(|(a, b)| a == b)
                .count();
            let after = suffix
                .chars()
                .zip(text[i + exact.len()..].chars())
                .take_while(|(a, b)| a == b)
                .count();
            (before + after, Reverse(distance(i)), i)
        })
    }
}

/// A 32-bit hash of an 8-byte window (Fibonacci hashing of its bytes).
fn window_hash(bytes: &[u8]) -> u32 {
    let mut key = [0u8; WINDOW];
    key.copy_from_slice(bytes);
    (u64::from_le_bytes(key).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 32) as u32
}
