//! Which rows the span list shows: the current document's spans that pass the label
//! filter and the text filter (a case-insensitive match on the span's text, its label,
//! its note, any attribute value, or who made it and how — so a speaker's name finds
//! their quotes, a coder's name their spans, and `suggested` the accepted suggestions), in file
//! order, or grouped by speaker (groups in alphabetical order, the spans without a
//! speaker last, collapsed groups without their rows). Computed once per document
//! revision and filter, never per frame; no egui here.

use crate::model::stats::{NO_SPEAKER, speaker_of};
use crate::model::{Document, Span};
use std::collections::{HashMap, HashSet};

/// One row of the list: a group's header, or a span (its position in the document's
/// span list). Eight bytes, so a list of 100,000 spans costs 0.8 MB.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Row {
    Group(u32),
    Span(u32),
}

/// A group of the list grouped by speaker.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Group {
    /// The speaker, `None` for the spans without one.
    pub speaker: Option<String>,
    /// Spans in the group (that pass the filters).
    pub count: usize,
    pub open: bool,
}

impl Group {
    /// The header as shown and read out: `Anna Berger (3)`, `no speaker (12)`.
    pub fn title(&self) -> String {
        let name = self.speaker.as_deref().unwrap_or(NO_SPEAKER);
        format!("{name} ({})", self.count)
    }
}

/// What the filters let through, as rows.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Rows {
    pub rows: Vec<Row>,
    pub groups: Vec<Group>,
    /// Spans that pass the filters (shown or in a collapsed group).
    pub matched: usize,
}

/// The filters and the grouping the rows are made for.
#[derive(Clone, Copy, Debug)]
pub struct Filter<'a> {
    /// Text to find (any case) in a span's text, label, note or attribute values.
    pub text: &'a str,
    /// Only spans of this label.
    pub label: Option<&'a str>,
    pub by_speaker: bool,
    /// The groups closed by the user (`None`: the spans without a speaker).
    pub collapsed: &'a HashSet<Option<String>>,
}

/// The rows of `doc` for `filter`.
pub fn rows(doc: &Document, filter: &Filter) -> Rows {
    let needle = filter.text.trim().to_lowercase();
    let matched = doc
        .spans()
        .iter()
        .enumerate()
        .filter(|(_, s)| filter.label.is_none_or(|l| l == s.label))
        .filter(|(_, s)| needle.is_empty() || matches(doc, s, &needle))
        .map(|(i, _)| u32::try_from(i).unwrap_or(u32::MAX));
    if !filter.by_speaker {
        let rows: Vec<Row> = matched.map(Row::Span).collect();
        return Rows {
            matched: rows.len(),
            rows,
            groups: Vec::new(),
        };
    }
    let mut by_speaker: HashMap<Option<&str>, Vec<u32>> = HashMap::new();
    let mut count = 0;
    for i in matched {
        let speaker = doc.spans().get(i as usize).and_then(speaker_of);
        by_speaker.entry(speaker).or_default().push(i);
        count += 1;
    }
    let mut speakers: Vec<(Option<&str>, Vec<u32>)> = by_speaker.into_iter().collect();
    // Alphabetical, any case; the spans without a speaker last.
    speakers.sort_by_cached_key(|(s, _)| (s.is_none(), s.map(str::to_lowercase), *s));
    let mut out = Rows {
        matched: count,
        ..Rows::default()
    };
    for (speaker, spans) in speakers {
        let speaker = speaker.map(str::to_owned);
        let open = !filter.collapsed.contains(&speaker);
        out.rows
            .push(Row::Group(u32::try_from(out.groups.len()).unwrap_or(0)));
        if open {
            out.rows.extend(spans.iter().map(|&i| Row::Span(i)));
        }
        out.groups.push(Group {
            speaker,
            count: spans.len(),
            open,
        });
    }
    out
}

/// Does `span` hold `needle` (lowercase) in its text, label, note, attribute values,
/// or who made it and how?
fn matches(doc: &Document, span: &Span, needle: &str) -> bool {
    let holds = |text: &str| holds(text, needle);
    holds(doc.slice(span.range).unwrap_or(""))
        || holds(&span.label)
        || span.note.as_deref().is_some_and(holds)
        || span.attributes.iter().any(|(_, value)| holds(value))
        || span
            .provenance
            .as_ref()
            .is_some_and(|p| p.words().any(holds))
}

/// Does `text` hold `needle` (lowercase) in any case? Without allocating when both
/// are ASCII, as most labels, names and many texts are: the whole list is filtered on
/// every key typed.
fn holds(text: &str, needle: &str) -> bool {
    if needle.is_empty() {
        true
    } else if text.is_ascii() && needle.is_ascii() {
        let needle = needle.as_bytes();
        text.as_bytes()
            .windows(needle.len())
            .any(|w| w.eq_ignore_ascii_case(needle))
    } else {
        text.to_lowercase().contains(needle)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixture;

    const MARKUP: &str = "[quote|speaker=Zoë:We will win] [quote|speaker=anna:Later] \
        [figure:40%] [quote:Who knows] [quote|speaker=Zoë:Again]";

    fn texts(doc: &Document, rows: &Rows) -> Vec<String> {
        rows.rows
            .iter()
            .map(|r| match *r {
                Row::Group(g) => format!("# {}", rows.groups[g as usize].title()),
                Row::Span(i) => doc
                    .slice(doc.spans()[i as usize].range)
                    .unwrap_or("")
                    .to_owned(),
            })
            .collect()
    }

    fn filter<'a>(text: &'a str, collapsed: &'a HashSet<Option<String>>) -> Filter<'a> {
        Filter {
            text,
            label: None,
            by_speaker: false,
            collapsed,
        }
    }

    #[test]
    fn the_filter_finds_text_label_note_and_attribute_values_in_any_case() {
        let mut project = fixture::project("p", &[("a.txt", MARKUP)]);
        let id = project.documents()[0].spans()[2].id;
        let doc_id = project.documents()[0].id;
        project
            .document_mut(doc_id)
            .and_then(|d| d.update_span(id, |s| s.note = Some("Checked by Lena".to_owned())));
        let doc = &project.documents()[0];
        let none = HashSet::new();
        let found = |text: &str| texts(doc, &rows(doc, &filter(text, &none)));
        assert_eq!(found("zoË"), ["We will win", "Again"]);
        assert_eq!(found("WILL"), ["We will win"]);
        assert_eq!(found("figure"), ["40%"]);
        assert_eq!(found("lena"), ["40%"]);
        assert_eq!(found("  "), found(""));
        assert_eq!(found("").len(), 5);
        assert!(found("nobody").is_empty());
        assert!(holds("Zoë said", "zoë") && holds("ZOË", "zoë") && !holds("Zoe", "zoë"));
        assert!(holds("We Will", "we w") && !holds("we", "we will"));
        let quotes = Filter {
            label: Some("quote"),
            ..filter("", &none)
        };
        assert_eq!(rows(doc, &quotes).matched, 4);
    }

    #[test]
    fn the_filter_finds_who_made_a_span_and_how() {
        use crate::model::{How, Provenance};
        let mut project = fixture::project("p", &[("a.txt", MARKUP)]);
        let doc_id = project.documents()[0].id;
        let ids: Vec<_> = project.documents()[0]
            .spans()
            .iter()
            .map(|s| s.id)
            .collect();
        let when = "2026-03-01T09:15:00Z";
        let made = [
            Provenance::new("Kim Park", when, How::Manual),
            Provenance::new(
                "bo",
                when,
                How::Imported {
                    format: "brat".into(),
                },
            ),
        ];
        for (id, p) in ids.iter().zip(made) {
            project
                .document_mut(doc_id)
                .and_then(|d| d.update_span(*id, |s| s.provenance = Some(Box::new(p))));
        }
        let doc = &project.documents()[0];
        let none = HashSet::new();
        let found = |text: &str| texts(doc, &rows(doc, &filter(text, &none)));
        assert_eq!(found("KIM"), ["We will win"]);
        assert_eq!(found("manual"), ["We will win"]);
        assert_eq!(found("imported"), ["Later"]);
        assert_eq!(found("brat"), ["Later"]);
        assert!(found("suggested").is_empty());
    }

    #[test]
    fn grouped_by_speaker_alphabetically_with_the_spans_without_one_last() {
        let project = fixture::project("p", &[("a.txt", MARKUP)]);
        let doc = &project.documents()[0];
        let mut collapsed = HashSet::new();
        let grouped = |collapsed: &HashSet<Option<String>>| {
            let by_speaker = Filter {
                by_speaker: true,
                ..filter("", collapsed)
            };
            rows(doc, &by_speaker)
        };
        let all = grouped(&collapsed);
        assert_eq!(
            texts(doc, &all),
            [
                "# anna (1)",
                "Later",
                "# Zoë (2)",
                "We will win",
                "Again",
                "# no speaker (2)",
                "40%",
                "Who knows"
            ]
        );
        assert_eq!(all.matched, 5);
        collapsed.insert(Some("Zoë".to_owned()));
        collapsed.insert(None);
        let closed = grouped(&collapsed);
        assert_eq!(
            texts(doc, &closed),
            ["# anna (1)", "Later", "# Zoë (2)", "# no speaker (2)"]
        );
        assert_eq!(closed.matched, 5);
        assert!(!closed.groups[1].open && closed.groups[0].open);
        // The filter applies inside the groups.
        let none = HashSet::new();
        let zoe = Filter {
            by_speaker: true,
            ..filter("again", &none)
        };
        assert_eq!(texts(doc, &rows(doc, &zoe)), ["# Zoë (1)", "Again"]);
    }
}
