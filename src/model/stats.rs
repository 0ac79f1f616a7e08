//! A project's figures, computed once for `spanmark stats` and the window's statistics
//! view alike: spans per label per document (with the document's status and totals),
//! and spans per label per speaker (a span's `speaker` attribute, as quotes carry it),
//! with how many documents each speaker appears in and how many spans that offer a
//! speaker have none. Also the project's speakers by how often they are named, which
//! the inspector offers as completions. Pure: no I/O, no GUI.

use super::project::Project;
use super::span::Span;
use std::collections::HashMap;
use std::hash::{Hash, Hasher};

/// The attribute naming who said a quote.
pub const SPEAKER: &str = "speaker";

/// The name of the group of spans without a speaker, in tables and the span list.
pub const NO_SPEAKER: &str = "no speaker";

/// The speaker of `span`, if it has a non-empty one.
pub fn speaker_of(span: &Span) -> Option<&str> {
    span.attributes
        .get(SPEAKER)
        .map(String::as_str)
        .filter(|s| !s.is_empty())
}

/// Spans per label per document and per speaker. Counts are in the order of
/// [`ProjectStats::labels`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ProjectStats {
    /// The project's label names, in the label bar's order.
    pub labels: Vec<String>,
    /// One row per document, in the project's order.
    pub documents: Vec<Row>,
    /// Spans per label over all documents.
    pub totals: Vec<usize>,
    /// All spans of the project.
    pub total: usize,
    /// One row per speaker named by any span, most spans first (then by name).
    pub speakers: Vec<Row>,
    /// Spans of the labels that offer a speaker but have none, per label.
    pub without_speaker: Row,
    /// The labels that offer a speaker or have spans naming one: the columns of the
    /// speakers table (indexes into `labels`).
    pub speaker_columns: Vec<usize>,
}

/// A row of counts: a document (with its status), a speaker (with the number of
/// documents naming them) or the spans without a speaker.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Row {
    pub name: String,
    /// The document's status (`new`, `in progress`, `done`); empty for speakers.
    pub status: String,
    /// Spans per label.
    pub counts: Vec<usize>,
    pub total: usize,
    /// For a speaker: how many documents have spans naming them.
    pub documents: Option<usize>,
}

impl ProjectStats {
    /// Counts every span of `project` once.
    pub fn of(project: &Project) -> Self {
        let labels: Vec<String> = project.labels.iter().map(|l| l.name.clone()).collect();
        let column: HashMap<&str, usize> = labels
            .iter()
            .enumerate()
            .map(|(i, l)| (l.as_str(), i))
            .collect();
        let offers_speaker: Vec<bool> = project
            .labels
            .iter()
            .map(|l| l.field(SPEAKER).is_some())
            .collect();
        let mut totals = vec![0; labels.len()];
        let mut documents = Vec::with_capacity(project.documents().len());
        let mut speakers: HashMap<&str, Row> = HashMap::new();
        let mut without_speaker = Row {
            name: NO_SPEAKER.to_owned(),
            counts: vec![0; labels.len()],
            ..Row::default()
        };
        let mut in_document: Vec<&str> = Vec::new();
        for doc in project.documents() {
            let counts: Vec<usize> = labels.iter().map(|l| doc.count_label(l)).collect();
            for (total, n) in totals.iter_mut().zip(&counts) {
                *total += n;
            }
            documents.push(Row {
                name: doc.name.clone(),
                status: doc.status.as_str().to_owned(),
                counts,
                total: doc.spans().len(),
                documents: None,
            });
            in_document.clear();
            for span in doc.spans() {
                let Some(&at) = column.get(span.label.as_str()) else {
                    continue;
                };
                match speaker_of(span) {
                    Some(name) => {
                        let row = speakers.entry(name).or_insert_with(|| Row {
                            name: name.to_owned(),
                            counts: vec![0; labels.len()],
                            documents: Some(0),
                            ..Row::default()
                        });
                        row.counts[at] += 1;
                        row.total += 1;
                        in_document.push(name);
                    }
                    None if offers_speaker[at] => {
                        without_speaker.counts[at] += 1;
                        without_speaker.total += 1;
                    }
                    None => {}
                }
            }
            in_document.sort_unstable();
            in_document.dedup();
            for name in &in_document {
                if let Some(n) = speakers.get_mut(name).and_then(|r| r.documents.as_mut()) {
                    *n += 1;
                }
            }
        }
        let mut speakers: Vec<Row> = speakers.into_values().collect();
        speakers.sort_by(|a, b| {
            b.total
                .cmp(&a.total)
                .then_with(|| a.name.to_lowercase().cmp(&b.name.to_lowercase()))
                .then_with(|| a.name.cmp(&b.name))
        });
        let speaker_columns = (0..labels.len())
            .filter(|&i| offers_speaker[i] || speakers.iter().any(|s| s.counts[i] > 0))
            .collect();
        Self {
            labels,
            documents,
            totals,
            total: project.span_count(),
            speakers,
            without_speaker,
            speaker_columns,
        }
    }

    /// The speakers table's title row: `speaker`, `documents`, the speaker columns'
    /// labels, `total`.
    pub fn speakers_header(&self) -> Vec<String> {
        let mut header = vec!["speaker".to_owned(), "documents".to_owned()];
        header.extend(self.speaker_columns.iter().map(|&i| self.labels[i].clone()));
        header.push("total".to_owned());
        header
    }

    /// A speakers table row as its cells (the `no speaker` row has no document count).
    pub fn speaker_cells(&self, row: &Row) -> Vec<String> {
        let documents = row.documents.map(|n| n.to_string()).unwrap_or_default();
        let mut cells = vec![row.name.clone(), documents];
        cells.extend(
            self.speaker_columns
                .iter()
                .map(|&i| row.counts[i].to_string()),
        );
        cells.push(row.total.to_string());
        cells
    }

    /// The documents table's title row: `document`, `status`, the labels, `total`.
    pub fn documents_header(&self) -> Vec<String> {
        let mut header = vec!["document".to_owned(), "status".to_owned()];
        header.extend(self.labels.iter().cloned());
        header.push("total".to_owned());
        header
    }

    /// A documents table row as its cells.
    pub fn document_cells(row: &Row) -> Vec<String> {
        let mut cells = vec![row.name.clone(), row.status.clone()];
        cells.extend(row.counts.iter().map(usize::to_string));
        cells.push(row.total.to_string());
        cells
    }

    /// The documents table's last row: the totals.
    pub fn totals_cells(&self) -> Vec<String> {
        let mut cells = vec![
            format!("total ({} documents)", self.documents.len()),
            String::new(),
        ];
        cells.extend(self.totals.iter().map(usize::to_string));
        cells.push(self.total.to_string());
        cells
    }

    /// Spans per label per document, with totals, as aligned text (`spanmark stats`).
    pub fn documents_table(&self) -> String {
        let mut rows = vec![self.documents_header()];
        rows.extend(self.documents.iter().map(Self::document_cells));
        rows.push(self.totals_cells());
        crate::shown::table(&rows, 2)
    }

    /// Spans per label per speaker as aligned text, with the spans that offer a
    /// speaker but have none last; empty when no span names a speaker.
    pub fn speakers_table(&self) -> String {
        if self.speakers.is_empty() {
            return String::new();
        }
        let mut rows = vec![self.speakers_header()];
        rows.extend(self.speakers.iter().map(|r| self.speaker_cells(r)));
        if self.without_speaker.total > 0 {
            rows.push(self.speaker_cells(&self.without_speaker));
        }
        crate::shown::table(&rows, 1)
    }
}

/// A number that changes whenever the figures of [`ProjectStats::of`] may: the
/// documents (their text, spans and status) and the labels. Costs a pass over the
/// documents, not the spans, so a window can ask it every frame and recount only when
/// it changes.
pub fn fingerprint(project: &Project) -> u64 {
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    project.name.hash(&mut hasher);
    for label in project.labels.iter() {
        label.name.hash(&mut hasher);
        label.attributes.hash(&mut hasher);
    }
    project.documents().len().hash(&mut hasher);
    for doc in project.documents() {
        doc.id.hash(&mut hasher);
        doc.name.hash(&mut hasher);
        doc.sha256().hash(&mut hasher);
        doc.revision().hash(&mut hasher);
        doc.status.hash(&mut hasher);
        doc.spans().len().hash(&mut hasher);
    }
    hasher.finish()
}

/// The speakers `stats` names, matching `typed` (case-insensitive; all of them when
/// `typed` is blank): those with a word starting with it first, then those containing
/// it, each most named first; not `typed` itself, at most `max`.
pub fn speakers_matching<'a>(stats: &'a ProjectStats, typed: &str, max: usize) -> Vec<&'a str> {
    let needle = typed.trim().to_lowercase();
    let mut starts = Vec::new();
    let mut contains = Vec::new();
    for row in &stats.speakers {
        if row.name == typed.trim() {
            continue;
        }
        let name = row.name.to_lowercase();
        if needle.is_empty()
            || name.starts_with(&needle)
            || name
                .split(|c: char| !c.is_alphanumeric())
                .any(|w| w.starts_with(&needle))
        {
            starts.push(row.name.as_str());
        } else if name.contains(&needle) {
            contains.push(row.name.as_str());
        }
    }
    starts.extend(contains);
    starts.truncate(max);
    starts
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixture;

    fn project() -> Project {
        let mut project = fixture::project(
            "Stats",
            &[
                (
                    "a.txt",
                    "[quote|speaker=Anna Berger:We will win], said Anna Berger. \
                     [quote|speaker=Zoë:Prices rose [figure:40%]]. [claim:It works.] \
                     [quote:Nobody knows.] [quote|speaker=Anna Berger:Again.]",
                ),
                (
                    "b.txt",
                    "[quote|speaker=Zoë:Yes.] [figure:3 drones] [figure:4 more]",
                ),
                ("c.txt", "Nothing here."),
            ],
        );
        let doc = project.documents()[1].id;
        if let Some(d) = project.document_mut(doc) {
            d.status = crate::model::Status::Done;
        }
        project
    }

    #[test]
    fn counts_spans_per_label_per_document_with_totals() {
        let stats = ProjectStats::of(&project());
        assert_eq!(stats.labels, ["quote", "claim", "figure"]);
        let docs: Vec<(&str, &str, &[usize], usize)> = stats
            .documents
            .iter()
            .map(|r| (r.name.as_str(), r.status.as_str(), &r.counts[..], r.total))
            .collect();
        assert_eq!(
            docs,
            [
                ("a.txt", "new", &[4, 1, 1][..], 6),
                ("b.txt", "done", &[1, 0, 2][..], 3),
                ("c.txt", "new", &[0, 0, 0][..], 0),
            ]
        );
        assert_eq!((stats.totals.as_slice(), stats.total), (&[5, 1, 3][..], 9));
    }

    #[test]
    fn counts_spans_per_speaker_most_named_first_and_quotes_without_one() {
        let stats = ProjectStats::of(&project());
        let speakers: Vec<(&str, usize, usize, usize)> = stats
            .speakers
            .iter()
            .map(|r| {
                (
                    r.name.as_str(),
                    r.documents.unwrap_or(0),
                    r.counts[0],
                    r.total,
                )
            })
            .collect();
        // Anna: two quotes in one document; Zoë: one quote in each of two.
        assert_eq!(speakers, [("Anna Berger", 1, 2, 2), ("Zoë", 2, 2, 2)]);
        assert_eq!(stats.without_speaker.counts, [1, 0, 0]);
        assert_eq!(stats.without_speaker.total, 1);
        // Only the quote column: no claim or figure names a speaker.
        assert_eq!(stats.speaker_columns, [0]);
        assert_eq!(
            stats.speakers_table(),
            "speaker      documents  quote  total\n\
             Anna Berger          1      2      2\n\
             Zoë                  2      2      2\n\
             no speaker                  1      1\n"
        );
    }

    #[test]
    fn the_documents_table_is_the_command_line_one() {
        let stats = ProjectStats::of(&project());
        assert_eq!(
            stats.documents_table(),
            "document             status  quote  claim  figure  total\n\
             a.txt                new         4      1       1      6\n\
             b.txt                done        1      0       2      3\n\
             c.txt                new         0      0       0      0\n\
             total (3 documents)              5      1       3      9\n"
        );
    }

    #[test]
    fn an_empty_project_has_zero_rows_and_no_speakers_table() {
        let stats = ProjectStats::of(&Project::new("Empty"));
        assert!(stats.documents.is_empty() && stats.speakers.is_empty());
        assert_eq!((stats.totals.as_slice(), stats.total), (&[0, 0, 0][..], 0));
        assert_eq!(stats.speakers_table(), "");
        assert_eq!(
            stats.documents_table(),
            "document             status  quote  claim  figure  total\n\
             total (0 documents)              0      0       0      0\n"
        );
    }

    #[test]
    fn the_fingerprint_changes_when_spans_or_a_status_change() {
        let mut project = project();
        let before = fingerprint(&project);
        assert_eq!(fingerprint(&project), before);
        let doc = project.documents()[2].id;
        if let Some(d) = project.document_mut(doc) {
            d.status = crate::model::Status::Done;
        }
        let done = fingerprint(&project);
        assert_ne!(done, before);
        let span = crate::model::Span::new(
            crate::model::SpanId(99),
            "claim",
            crate::model::CharRange::new(0, 7),
        );
        assert!(project.insert_span(doc, span));
        assert_ne!(fingerprint(&project), done);
    }

    #[test]
    fn speakers_match_by_word_start_first_then_anywhere() {
        let project = fixture::project(
            "Match",
            &[(
                "a.txt",
                "[quote|speaker=Anna Berger:a] [quote|speaker=Annette Ross:b] \
                 [quote|speaker=Annette Ross:c] [quote|speaker=Hannah Lee:d] \
                 [quote|speaker=Bo Anders:e]",
            )],
        );
        let stats = ProjectStats::of(&project);
        assert_eq!(
            speakers_matching(&stats, "an", 10),
            ["Annette Ross", "Anna Berger", "Bo Anders", "Hannah Lee"]
        );
        assert_eq!(
            speakers_matching(&stats, "AN", 2),
            ["Annette Ross", "Anna Berger"]
        );
        assert_eq!(speakers_matching(&stats, "ross", 10), ["Annette Ross"]);
        // What is typed already is no completion.
        assert_eq!(
            speakers_matching(&stats, "Hannah Lee", 10),
            Vec::<&str>::new()
        );
        assert_eq!(speakers_matching(&stats, " ", 10).len(), 4);
        assert!(speakers_matching(&stats, "xyz", 10).is_empty());
    }
}
