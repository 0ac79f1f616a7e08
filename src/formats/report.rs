//! What an import found, item by item, in one shape for every format: what a reader
//! gives ([`Imported`]: the spans to merge, predictions to offer), how many span items
//! the file holds, how many were merged, and for each one left out why ([`Skip`]) and
//! where (line or task, and field), said once. The counts add up: every item is merged,
//! a duplicate, or skipped for a reason. Predictions (suggestions) are counted apart.
//! Every reader depends on this module, and the merge in `import.rs` on the readers.
//! Relations are counted apart from spans, the same way: every relation item of the
//! file is imported, a duplicate, or left out with its reason.

use super::json::ExportFile;
use crate::model::CharRange;
use std::collections::BTreeMap;

/// Why an item of an imported file was left out.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Skip {
    /// The same label and range is already there (or earlier in the file).
    Duplicate,
    /// An entry the format cannot read: a missing or mistyped field, an offset that is
    /// not a whole number, a label that is not a string.
    Malformed,
    /// Offsets outside the text, empty, reversed, or inside a character.
    OutOfRange,
    /// Its text is not the document's text at its offsets.
    TextMismatch,
    /// It names a document the project does not have.
    UnknownDocument,
    /// Its label cannot be used as a label name.
    UnknownLabel,
    /// A relation whose end (a span) was left out or is not in the file.
    MissingEnd,
    /// A relation whose type the project does not have (nor the file defines).
    UnknownRelationType,
    /// Something the format has that spanmark does not (brat's `*` equivalences).
    Unsupported,
}

impl Skip {
    pub fn describe(self, count: usize) -> String {
        let (one, many) = match self {
            Skip::Duplicate => ("duplicate", "duplicates"),
            Skip::Malformed => ("malformed", "malformed"),
            Skip::OutOfRange => ("out of range", "out of range"),
            Skip::TextMismatch => ("text mismatch", "text mismatches"),
            Skip::UnknownDocument => ("unknown document", "unknown document"),
            Skip::UnknownLabel => ("unusable label", "unusable labels"),
            Skip::MissingEnd => ("missing end", "missing ends"),
            Skip::UnknownRelationType => ("unknown relation type", "unknown relation types"),
            Skip::Unsupported => ("not supported", "not supported"),
        };
        format!("{count} {}", if count == 1 { one } else { many })
    }
}

/// What reading and merging a file found.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Findings {
    /// The span items of the file seen so far.
    pub items: usize,
    /// Items left out, by reason.
    pub skipped: BTreeMap<Skip, usize>,
    /// One line per item left out (but duplicates, which are only counted) and per
    /// remark, each with where it is.
    pub problems: Vec<String>,
    /// The relation items of the file seen so far.
    pub relations: usize,
    /// Relation items left out, by reason.
    pub relations_skipped: BTreeMap<Skip, usize>,
}

impl Findings {
    /// An item the reader drops before the merge sees it: counted as an item and as
    /// skipped, with `at: what` as its line.
    pub fn dropped(&mut self, why: Skip, at: &str, what: &str) {
        self.items += 1;
        self.skip(why, at, what);
    }

    /// An item already counted is left out.
    pub fn skip(&mut self, why: Skip, at: &str, what: &str) {
        *self.skipped.entry(why).or_default() += 1;
        if why != Skip::Duplicate {
            self.problems.push(format!("{at}: {what}; skipped"));
        }
    }

    /// A relation item the reader drops before the merge sees it.
    pub fn relation_dropped(&mut self, why: Skip, at: &str, what: &str) {
        self.relations += 1;
        self.relation_skip(why, at, what);
    }

    /// A relation item already counted is left out.
    pub fn relation_skip(&mut self, why: Skip, at: &str, what: &str) {
        *self.relations_skipped.entry(why).or_default() += 1;
        if why != Skip::Duplicate {
            self.problems
                .push(format!("{at}: {what}; relation skipped"));
        }
    }

    pub fn relations_skipped_count(&self, why: Skip) -> usize {
        self.relations_skipped.get(&why).copied().unwrap_or(0)
    }

    pub fn relations_skipped_total(&self) -> usize {
        self.relations_skipped.values().sum()
    }

    /// A remark that leaves no item out (a span split into parts, a text added as given).
    pub fn remark(&mut self, at: &str, what: &str) {
        self.problems.push(format!("{at}: {what}"));
    }

    /// Adds what another stage found.
    pub fn merge(&mut self, other: Findings) {
        self.items += other.items;
        for (why, n) in other.skipped {
            *self.skipped.entry(why).or_default() += n;
        }
        self.problems.extend(other.problems);
        self.relations += other.relations;
        for (why, n) in other.relations_skipped {
            *self.relations_skipped.entry(why).or_default() += n;
        }
    }

    pub fn skipped_count(&self, why: Skip) -> usize {
        self.skipped.get(&why).copied().unwrap_or(0)
    }

    pub fn skipped_total(&self) -> usize {
        self.skipped.values().sum()
    }
}

/// A span another tool suggested (Label Studio's `predictions`): offered to the user,
/// never merged as a span by itself.
#[derive(Clone, Debug, PartialEq)]
pub struct Prediction {
    /// The SHA-256 of the text it belongs to.
    pub sha256: String,
    pub label: String,
    pub range: CharRange,
    /// The tool's score, 0..=1, where it gave one.
    pub score: Option<f32>,
}

/// A file read for import: the spans to merge, what reading it found (items left out
/// and why), and suggestions it carries.
#[derive(Debug)]
pub struct Imported {
    /// The format's name (as `spanmark import --format` takes it): what the
    /// provenance of the spans it adds says they were imported from.
    pub format: &'static str,
    pub file: ExportFile<'static>,
    pub found: Findings,
    pub predictions: Vec<Prediction>,
}

impl Imported {
    /// Spans to merge, with nothing left out on the way.
    pub fn clean(file: ExportFile<'static>) -> Self {
        Self {
            format: "json",
            file,
            found: Findings::default(),
            predictions: Vec::new(),
        }
    }
}

/// What an import did, for the user.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportReport {
    pub documents_added: usize,
    pub documents_matched: usize,
    pub labels_added: usize,
    pub spans_added: usize,
    pub relations_added: usize,
    pub relation_types_added: usize,
    pub found: Findings,
}

impl ImportReport {
    pub fn duplicates_skipped(&self) -> usize {
        self.found.skipped_count(Skip::Duplicate)
    }

    /// Lines for the user: every item left out (but duplicates) and every remark.
    pub fn problems(&self) -> &[String] {
        &self.found.problems
    }

    /// Did the file hold spans and none could be used? (A file of duplicates only is a
    /// re-import, not a failure.)
    pub fn nothing_usable(&self) -> bool {
        self.found.items > 0 && self.spans_added == 0 && self.duplicates_skipped() == 0
    }

    /// "imported 3 of 5 spans (1 duplicate, 1 text mismatch), 1 document added, 1 matched,
    /// 0 labels added", then, when the file has relations, "; 2 of 3 relations (1 missing
    /// end), 0 relation types added".
    pub fn summary(&self) -> String {
        let reasons: Vec<String> = self
            .found
            .skipped
            .iter()
            .map(|(why, n)| why.describe(*n))
            .collect();
        let reasons = if reasons.is_empty() {
            String::new()
        } else {
            format!(" ({})", reasons.join(", "))
        };
        format!(
            "imported {} of {} spans{reasons}, {} documents added, {} matched, {} labels added",
            self.spans_added,
            self.found.items,
            self.documents_added,
            self.documents_matched,
            self.labels_added
        ) + &self.relation_summary()
    }

    /// "; imported 2 of 3 relations (1 missing end), 0 relation types added", or
    /// nothing when the file has no relations and added no types.
    fn relation_summary(&self) -> String {
        if self.found.relations == 0 && self.relation_types_added == 0 {
            return String::new();
        }
        let reasons: Vec<String> = self
            .found
            .relations_skipped
            .iter()
            .map(|(why, n)| why.describe(*n))
            .collect();
        let reasons = if reasons.is_empty() {
            String::new()
        } else {
            format!(" ({})", reasons.join(", "))
        };
        format!(
            "; imported {} of {} relations{reasons}, {} relation types added",
            self.relations_added, self.found.relations, self.relation_types_added
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_add_up_and_say_why() {
        let mut read = Findings::default();
        read.dropped(
            Skip::Malformed,
            "line 2, label[1]",
            "the start is \"3\", not a whole number",
        );
        let mut report = ImportReport {
            spans_added: 2,
            documents_matched: 1,
            ..ImportReport::default()
        };
        report.found.items = 3;
        report.found.skip(Skip::Duplicate, "line 1", "twin");
        report.found.merge(read);
        assert_eq!(
            report.found.items,
            report.spans_added + report.found.skipped_total()
        );
        assert_eq!(
            report.summary(),
            "imported 2 of 4 spans (1 duplicate, 1 malformed), 0 documents added, 1 matched, 0 labels added"
        );
        assert_eq!(
            report.problems(),
            ["line 2, label[1]: the start is \"3\", not a whole number; skipped"]
        );
        assert!(!report.nothing_usable());
    }
}
